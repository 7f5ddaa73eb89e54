#include "cli/rules_command.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/check_command.h"
#include "rules/catalogue.h"
#include "rules/registry.h"
#include "rules/rule_filter.h"
#include "support/text.h"

namespace wflint::cli {
namespace {

std::vector<const RuleDescription*> selected_rules(const RuleFilter& filter) {
  std::vector<const RuleDescription*> out;
  for (const RuleDescription& rule : rules::catalogue()) {
    if (filter.enabled(rule.id)) out.push_back(&rule);
  }
  return out;
}

void print_table(const std::vector<const RuleDescription*>& rules) {
  std::size_t name_width = 4, applies_width = 10;
  for (const RuleDescription* rule : rules) {
    name_width = std::max(name_width, rule->name.size());
    applies_width = std::max(applies_width, rule->applies_to.size());
  }
  const auto row = [&](std::string_view id, std::string_view name, std::string_view severity,
                       std::string_view applies, std::string_view summary) {
    std::cout << fmt::format("{:<7} {:<{}} {:<8} {:<{}} {}\n", id, name, name_width, severity,
                             applies, applies_width, summary);
  };
  row("ID", "NAME", "SEVERITY", "APPLIES TO", "SUMMARY");
  for (const RuleDescription* rule : rules)
    row(rule->id, rule->name, to_string(rule->severity), rule->applies_to, rule->summary);
}

std::string quoted_list(const auto& items) {
  std::vector<std::string> quoted;
  for (const auto& item : items)
    quoted.push_back(text::json_quote(item));
  return fmt::format("[{}]", fmt::join(quoted, ","));
}

// The rule's options as a JSON array: name, type, default and description.
std::string options_json(std::string_view id) {
  std::vector<std::string> out;
  for (const rules::OptionSpec& spec : rules::find_rule(id)->options) {
    const bool integer = spec.type == rules::OptionSpec::Type::Integer;
    out.push_back(fmt::format(
        "{{\"name\":{},\"type\":\"{}\",\"default\":{},\"description\":{}}}",
        text::json_quote(spec.name), integer ? "integer" : "string list",
        integer ? std::to_string(spec.default_integer) : quoted_list(spec.default_strings),
        text::json_quote(spec.description)));
  }
  return fmt::format("[{}]", fmt::join(out, ","));
}

// The kinds of documents a rule checks, as --kind names them.
std::string kinds_json(std::string_view id) {
  const uint8_t kinds = rules::find_rule(id)->info.kinds;
  std::vector<std::string_view> names;
  if (kinds & rules::kAsl) names.push_back("asl");
  if (kinds & rules::kSsm) names.push_back("ssm");
  if (kinds & rules::kAzurePipelines) names.push_back("azure-pipelines");
  if (kinds & rules::kTemplate) names.push_back("template");
  return quoted_list(names);
}

void print_json(const std::vector<const RuleDescription*>& rules) {
  std::cout << '[';
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleDescription& rule = *rules[i];
    std::cout << (i ? ",\n  " : "\n  ")
              << fmt::format(
                     "{{\"id\":{},\"name\":{},\"severity\":\"{}\",\"kinds\":{},\"appliesTo\":{},"
                     "\"summary\":{},\"description\":{},\"tags\":{},\"options\":{}}}",
                     text::json_quote(rule.id), text::json_quote(rule.name),
                     to_string(rule.severity), kinds_json(rule.id),
                     text::json_quote(rule.applies_to), text::json_quote(rule.summary),
                     text::json_quote(rule.full_description), quoted_list(rule.tags),
                     options_json(rule.id));
  }
  std::cout << (rules.empty() ? "]\n" : "\n]\n");
}

}  // namespace

RulesCommand::RulesCommand(CLI::App& app) {
  command_ = app.add_subcommand("rules", "List the rules wflint checks");
  command_->add_option("--format", format_, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command_->add_option("--select", select_,
                       "Only these rules: ids, names or id prefixes, comma-separated");
}

int RulesCommand::run() {
  std::string error;
  const auto filter = RuleFilter::parse(select_, "", error);
  if (!filter) {
    std::cerr << "wflint: error: " << error << '\n';
    return kExitUsage;
  }
  const auto rules = selected_rules(*filter);
  format_ == "json" ? print_json(rules) : print_table(rules);
  return kExitClean;
}

}  // namespace wflint::cli
