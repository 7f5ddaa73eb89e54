#include "config/config_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "load/loader.h"
#include "load/read_source.h"
#include "rules/registry.h"
#include "rules/rule_filter.h"
#include "schema/json_schema.h"
#include "support/paths.h"
#include "support/text.h"

namespace wflint::config {

namespace fs = std::filesystem;

namespace schema_text {
extern const std::string_view
    kConfigSchemaText;  // generated from schemas/wflint-config.schema.json
}

namespace {

const schema::JsonSchema& config_schema() {
  static const schema::JsonSchema schema("schemas/wflint-config.schema.json",
                                         schema_text::kConfigSchemaText);
  return schema;
}

std::vector<std::string_view> rule_ids_and_names() {
  std::vector<std::string_view> out;
  for (const rules::Rule* rule : rules::all_rules()) {
    out.push_back(rule->info.id);
    out.push_back(rule->info.name);
  }
  return out;
}

// Reads one configuration document into a ConfigFile, collecting every problem on the way.
class Reader {
 public:
  Reader(const Source& source, std::vector<ConfigProblem>& problems)
      : source_(source), problems_(problems) {}

  // Every problem is reported, those the schema finds and those only wflint can tell (selectors,
  // options, patterns), so the file is fixed in one round; parts of the wrong shape are skipped.
  std::optional<ConfigFile> read(const Node& root) {
    const std::size_t problems_before = problems_.size();
    for (const schema::Violation& violation : config_schema().validate(root))
      problem(violation_span(violation), violation.message, violation.help);

    ConfigFile config;
    config.base = layer(root);
    config.exclude = patterns(root.find("exclude"));
    for (const Node& entry : objects_of(root.find("overrides")))
      config.overrides.push_back(Override{patterns(entry.find("files")), layer(entry)});
    for (const Node& entry : objects_of(root.find("suppressions"))) {
      if (std::optional<Suppression> one = suppression(entry))
        config.suppressions.push_back(std::move(*one));
    }
    std::stable_sort(problems_.begin() + static_cast<std::ptrdiff_t>(problems_before),
                     problems_.end(), [](const ConfigProblem& a, const ConfigProblem& b) {
                       return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    if (problems_.size() > problems_before) return std::nullopt;
    return config;
  }

  void problem(const Span& span, std::string message, std::string help = {}) {
    const Location loc = locate(span);
    problems_.push_back(
        ConfigProblem{fmt::format("{}:{}:{}", source_.path(), loc.begin.line, loc.begin.column),
                      std::move(message), std::move(help), loc.begin.line, loc.begin.column});
  }

 private:
  static Span violation_span(const schema::Violation& violation) {
    if (violation.kind == schema::Violation::Kind::UnknownField) return violation.node->key_span();
    if (violation.kind == schema::Violation::Kind::MissingField && violation.node->has_key())
      return violation.node->key_span();
    return violation.node->span();
  }

  // The members of `node` when it is an object, or the elements of an array that are objects.
  static std::vector<std::reference_wrapper<const Node>> objects_of(const Node* node) {
    std::vector<std::reference_wrapper<const Node>> out;
    if (!node || !node->is_array()) return out;
    for (const Node& item : node->children()) {
      if (item.is_object()) out.emplace_back(item);
    }
    return out;
  }

  Layer layer(const Node& object) {
    Layer out;
    if (const Node* select = object.find("select"); select && select->is_array())
      out.select = selectors(*select);
    if (const Node* ignore = object.find("ignore")) out.ignore = selectors(*ignore);
    if (const Node* severity = object.find("severity"); severity && severity->is_object()) {
      for (const Node& member : severity->children()) {
        const std::optional<Severity> level = parse_severity(member.text());
        if (check_selector(member.key(), member.key_span()) && level && member.is_string())
          out.severities.push_back({std::string(member.key()), *level});
      }
    }
    if (const Node* options = object.find("options"); options && options->is_object()) {
      for (const Node& rule : options->children())
        rule_options(rule, out.options);
    }
    if (const Node* type = object.find("sfn-type"); type && type->is_string())
      out.sfn_type =
          type->text() == "express" ? StateMachineType::Express : StateMachineType::Standard;
    return out;
  }

  bool check_selector(std::string_view selector, const Span& span) {
    if (selects_some_rule(selector)) return true;
    std::string help =
        "rules are named by id (ASL001), name (missing-start-state) or id prefix (ASL)";
    const std::vector<std::string_view> known = rule_ids_and_names();
    if (std::string_view near = text::closest_match(selector, known); !near.empty())
      help = fmt::format("did you mean \"{}\"?", near);
    problem(span,
            fmt::format("{} matches no rule id, name or id prefix", text::json_quote(selector)),
            std::move(help));
    return false;
  }

  std::vector<std::string> selectors(const Node& list) {
    std::vector<std::string> out;
    if (!list.is_array()) return out;
    for (const Node& item : list.children()) {
      if (item.is_string() && check_selector(item.text(), item.span()))
        out.emplace_back(item.text());
    }
    return out;
  }

  std::vector<Glob> patterns(const Node* list) {
    std::vector<Glob> out;
    if (!list || !list->is_array()) return out;
    for (const Node& item : list->children()) {
      if (!item.is_string()) continue;
      if (std::optional<Glob> glob = pattern(item)) out.push_back(std::move(*glob));
    }
    return out;
  }

  std::optional<Glob> pattern(const Node& item) {
    std::string error;
    std::optional<Glob> glob = Glob::compile(item.text(), error);
    if (!glob) problem(item.span(), fmt::format("{}: {}", text::json_quote(item.text()), error));
    return glob;
  }

  // The options of one rule: `LMB006: {state-data-bytes: 200000}`.
  void rule_options(const Node& member, std::vector<OptionSetting>& out) {
    if (!member.is_object()) return;
    const rules::Rule* rule = rules::find_rule(member.key());
    if (!rule) {
      check_selector(member.key(), member.key_span());
      return;
    }
    if (rule->options.empty()) {
      problem(member.key_span(),
              fmt::format("{} ({}) takes no options", rule->info.id, rule->info.name));
      return;
    }
    for (const Node& setting : member.children()) {
      const rules::OptionSpec* spec = rules::find_option(*rule, setting.key());
      if (!spec) {
        unknown_option(*rule, setting);
        continue;
      }
      if (std::optional<rules::OptionValue> value = option_value(*spec, setting))
        out.push_back(OptionSetting{rule->info.id, spec->name, std::move(*value)});
    }
  }

  void unknown_option(const rules::Rule& rule, const Node& setting) {
    std::vector<std::string_view> names;
    for (const rules::OptionSpec& spec : rule.options)
      names.push_back(spec.name);
    std::string message =
        fmt::format("{} has no option {}", rule.info.id, text::json_quote(setting.key()));
    if (std::string_view near = text::closest_match(setting.key(), names); !near.empty())
      message += fmt::format("; did you mean \"{}\"?", near);
    problem(setting.key_span(), std::move(message),
            fmt::format("its options are {}", fmt::join(names, ", ")));
  }

  std::optional<rules::OptionValue> option_value(const rules::OptionSpec& spec, const Node& value) {
    if (spec.type == rules::OptionSpec::Type::StringList) return string_list(spec, value);
    const std::optional<double> number = value.number();
    if (!value.is_number() || !value.is_integer() || !number) {
      problem(value.span(), fmt::format("{} must be a whole number", spec.name));
      return std::nullopt;
    }
    const auto integer = static_cast<int64_t>(*number);
    if (integer < spec.minimum || integer > spec.maximum) {
      problem(value.span(),
              spec.maximum == INT64_MAX
                  ? fmt::format("{} must be at least {}, not {}", spec.name, spec.minimum, integer)
                  : fmt::format("{} must be from {} to {}, not {}", spec.name, spec.minimum,
                                spec.maximum, integer));
      return std::nullopt;
    }
    return integer;
  }

  std::optional<rules::OptionValue> string_list(const rules::OptionSpec& spec, const Node& value) {
    std::vector<std::string> items;
    bool strings = value.is_array();
    for (const Node& item : value.children()) {
      strings = strings && item.is_string() && !item.text().empty();
      items.emplace_back(item.text());
    }
    if (!strings) {
      problem(value.span(), fmt::format("{} must be a list of names", spec.name));
      return std::nullopt;
    }
    return items;
  }

  std::optional<Suppression> suppression(const Node& entry) {
    const Node* path_node = entry.find("path");
    std::optional<Glob> path =
        path_node && path_node->is_string() ? pattern(*path_node) : std::nullopt;
    std::string pointer(entry.find_string("pointer"));
    if (const Node* node = entry.find("pointer");
        node && !pointer.empty() && !pointer.starts_with('/')) {
      problem(node->span(), fmt::format("{} is not a JSON pointer", text::json_quote(pointer)),
              "a JSON pointer starts with '/', as in /States/Charge");
      return std::nullopt;
    }
    const Node* rules_node = entry.find("rules");
    std::vector<std::string> rules =
        rules_node ? selectors(*rules_node) : std::vector<std::string>{};
    if (!path || rules.empty()) return std::nullopt;
    return Suppression{std::move(*path), std::move(pointer), std::move(rules),
                       std::string(entry.find_string("reason"))};
  }

  const Source& source_;
  std::vector<ConfigProblem>& problems_;
};

}  // namespace

std::optional<std::string> ConfigFile::relative_path(std::string_view file) const {
  const fs::path relative = fs::path(file).lexically_relative(directory);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

bool ConfigFile::excludes(std::string_view relative) const {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const Glob& glob) { return glob.matches(relative); });
}

std::optional<ConfigFile> parse_config(const Source& source, std::vector<ConfigProblem>& problems) {
  std::vector<LoadedDocument> documents = load_documents(source, Syntax::Yaml);
  Reader reader(source, problems);
  const std::size_t problems_before = problems.size();
  for (const LoadedDocument& loaded : documents) {
    for (const LoadProblem& load_problem : loaded.problems)
      reader.problem(load_problem.span, load_problem.message, load_problem.help);
  }
  if (problems.size() > problems_before) return std::nullopt;
  if (documents.size() > 1) {
    reader.problem(documents[1].document->root()->span(),
                   "a configuration file holds one YAML document, not several");
    return std::nullopt;
  }
  const Node* root = documents.empty() ? nullptr : documents.front().document->root();
  // An empty file sets nothing.
  std::optional<ConfigFile> config = root && !root->is_null() ? reader.read(*root) : ConfigFile{};
  if (config) {
    config->path = absolute_path(source.path());
    config->directory = fs::path(config->path).parent_path().generic_string();
  }
  return config;
}

std::optional<ConfigFile> load_config(const std::string& path,
                                      std::vector<ConfigProblem>& problems) {
  std::string error;
  std::unique_ptr<Source> source = read_source(path, error);
  if (!source) {
    problems.push_back(ConfigProblem{path, error.substr(error.find(": ") + 2), {}, 0, 0});
    return std::nullopt;
  }
  return parse_config(*source, problems);
}

}  // namespace wflint::config
