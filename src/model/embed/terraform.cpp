#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "lang/hcl.h"
#include "model/embed/definition_loading.h"
#include "model/embed/embedding.h"

namespace wflint::embed {
namespace {

// Locals that refer to locals: a cycle or a chain this long is a mistake, not a definition.
constexpr int kMaxLocalHops = 16;

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view literal_attribute(const hcl::Body& body, std::string_view name,
                                   std::string& storage) {
  const hcl::Attribute* attribute = body.find_attribute(name);
  if (!attribute || !attribute->value.is_literal_string()) return {};
  storage = attribute->value.literal_text();
  return storage;
}

std::string traversal_text(const hcl::Expression& reference) {
  std::string out;
  for (const std::string& step : reference.traversal) {
    if (!out.empty() && !step.starts_with('[')) out += '.';
    out += step;
  }
  return out;
}

class ConfigurationReader {
 public:
  ConfigurationReader(const Source& configuration, const EmbedContext& context)
      : source_(configuration), context_(context) {}

  Embedding read() {
    hcl::File file = hcl::parse(source_);
    for (const hcl::SyntaxError& error : file.errors) {
      embedding_.problems.push_back(
          LoadProblem{LoadProblem::Kind::Syntax, error.span, error.message, {}, {}});
    }
    index_locals_and_data(file.body);
    for (const hcl::Block& block : file.body.blocks)
      read_block(block);
    return std::move(embedding_);
  }

 private:
  void index_locals_and_data(const hcl::Body& body) {
    for (const hcl::Block& block : body.blocks) {
      if (block.type == "locals") {
        for (const hcl::Attribute& attribute : block.body.attributes)
          locals_.emplace(attribute.name, &attribute.value);
      } else if (block.type == "data" && !block.labels.empty() &&
                 (block.labels[0] == "aws_caller_identity" || block.labels[0] == "aws_region")) {
        has_account_references_ = true;
      }
    }
  }

  void read_block(const hcl::Block& block) {
    const bool resource = block.type == "resource" && block.labels.size() == 2;
    if (resource && block.labels[0] == "aws_sfn_state_machine") {
      read_state_machine(block, fmt::format("aws_sfn_state_machine.{}", block.labels[1]));
    } else if (resource && block.labels[0] == "aws_ssm_document") {
      read_ssm_document(block);
    } else if (block.type == "module" && block.labels.size() == 1 &&
               block.body.find_attribute("definition")) {
      read_state_machine(block, fmt::format("module.{}", block.labels[0]));
    }
  }

  EmbeddedDefinition new_definition(const hcl::Block& block, DocumentKind kind,
                                    std::string owner) const {
    EmbeddedDefinition definition;
    definition.kind = kind;
    definition.host = DocumentKind::Terraform;
    definition.owner = std::move(owner);
    definition.owner_span = block.label_spans.empty() ? block.type_span : block.label_spans.back();
    definition.has_account_references = has_account_references_;
    definition.account_reference_hint =
        "build the ARN from data.aws_caller_identity.current.account_id and "
        "data.aws_region.current.name, or reference the function (aws_lambda_function.NAME.arn)";
    return definition;
  }

  void read_state_machine(const hcl::Block& block, std::string owner) {
    const hcl::Attribute* attribute = block.body.find_attribute("definition");
    if (!attribute) return;
    EmbeddedDefinition definition = new_definition(block, DocumentKind::Asl, std::move(owner));
    std::string type_text;
    const std::string type = lowercase(literal_attribute(block.body, "type", type_text));
    if (type == "express") definition.type = StateMachineType::Express;
    if (type == "standard") definition.type = StateMachineType::Standard;
    read_definition(attribute->value, Syntax::Json, definition);
  }

  void read_ssm_document(const hcl::Block& block) {
    std::string storage;
    if (literal_attribute(block.body, "document_type", storage) != "Automation") return;
    const hcl::Attribute* content = block.body.find_attribute("content");
    if (!content) return;
    std::string format_text;
    const Syntax syntax = literal_attribute(block.body, "document_format", format_text) == "YAML"
                              ? Syntax::Yaml
                              : Syntax::Json;
    EmbeddedDefinition definition = new_definition(
        block, DocumentKind::Ssm, fmt::format("aws_ssm_document.{}", block.labels[1]));
    read_definition(content->value, syntax, definition);
  }

  // Follows locals to the expression that holds the definition, and reads it in its form.
  void read_definition(const hcl::Expression& written, Syntax syntax,
                       EmbeddedDefinition& definition) {
    const hcl::Expression* value = follow_locals(written);
    if (!value) return;
    switch (value->kind) {
      case hcl::ExpressionKind::String:
        read_text(*value, syntax, definition);
        return;
      case hcl::ExpressionKind::Object:
        if (syntax == Syntax::Json) {
          read_encoded(*value, definition);
          return;
        }
        break;
      case hcl::ExpressionKind::Call:
        read_call(*value, syntax, definition);
        return;
      default:
        break;
    }
    unresolved(*value,
               fmt::format("the definition of {} is computed here: it cannot be checked",
                           definition.owner),
               "write it as a heredoc, jsonencode({...}), file() or templatefile()");
  }

  const hcl::Expression* follow_locals(const hcl::Expression& written) {
    const hcl::Expression* value = &written;
    for (int hop = 0; hop < kMaxLocalHops; ++hop) {
      if (value->kind != hcl::ExpressionKind::Reference) return value;
      const std::vector<std::string>& steps = value->traversal;
      if (steps.size() == 2 && steps[0] == "local") {
        const auto local = locals_.find(steps[1]);
        if (local == locals_.end()) break;
        value = local->second;
        continue;
      }
      unresolved(*value, unresolved_reference_message(*value), unresolved_reference_help(*value));
      return nullptr;
    }
    unresolved(*value,
               fmt::format("{} is not a local of this file: the definition cannot be "
                           "checked here",
                           traversal_text(*value)),
               "");
    return nullptr;
  }

  static std::string unresolved_reference_message(const hcl::Expression& reference) {
    const std::string_view root =
        reference.traversal.empty() ? "" : std::string_view(reference.traversal[0]);
    if (root == "var") {
      return fmt::format(
          "the definition comes from variable {}: it is checked where a value is "
          "given, not here",
          traversal_text(reference).substr(4));
    }
    if (root == "module") {
      return fmt::format(
          "the definition comes from {}, another module's output: it cannot be "
          "checked here",
          traversal_text(reference));
    }
    return fmt::format("the definition comes from {}: it cannot be checked here",
                       traversal_text(reference));
  }

  static std::string unresolved_reference_help(const hcl::Expression& reference) {
    if (!reference.traversal.empty() && reference.traversal[0] == "var") {
      return "run wflint on the configuration that sets the variable (a module block's "
             "definition = ...)";
    }
    return "";
  }

  // A heredoc or quoted string: Terraform's own ${...} interpolations fill it in.
  void read_text(const hcl::Expression& text, Syntax syntax, EmbeddedDefinition& definition) {
    definition.form = text.heredoc ? Form::Heredoc : Form::String;
    definition.filling = Filling::HostLanguage;
    hcl::MappedText mapped = hcl::template_text(text);
    load_definition(embedding_, Source::sub_source(source_, mapped.text, std::move(mapped.anchors)),
                    syntax, definition);
    embedding_.definitions.push_back(std::move(definition));
  }

  void read_encoded(const hcl::Expression& object, EmbeddedDefinition& definition) {
    definition.form = Form::JsonEncode;
    definition.filling = Filling::HostLanguage;
    hcl::MappedText mapped = hcl::to_json(object);
    load_definition(embedding_, Source::sub_source(source_, mapped.text, std::move(mapped.anchors)),
                    Syntax::Json, definition);
    embedding_.definitions.push_back(std::move(definition));
  }

  void read_call(const hcl::Expression& call, Syntax syntax, EmbeddedDefinition& definition) {
    if (call.function == "jsonencode" && call.items.size() == 1) {
      const hcl::Expression* argument = follow_locals(call.items[0]);
      if (!argument) return;
      if (argument->kind == hcl::ExpressionKind::Object) {
        read_encoded(*argument, definition);
        return;
      }
    } else if ((call.function == "file" && call.items.size() == 1) ||
               (call.function == "templatefile" && call.items.size() == 2)) {
      read_file(call, syntax, definition);
      return;
    }
    unresolved(call,
               fmt::format("the definition of {} is computed by {}(): it cannot be checked",
                           definition.owner, call.function),
               "write it as a heredoc, jsonencode({...}), file() or templatefile()");
  }

  // file(path) and templatefile(path, vars): the path may use ${path.module} (and
  // ${path.root}, ${path.cwd}, which are the same directory for a root module).
  std::optional<std::string> file_path(const hcl::Expression& argument) {
    const hcl::Expression* path = follow_locals(argument);
    if (!path || path->kind != hcl::ExpressionKind::String) return std::nullopt;
    std::string out;
    for (const hcl::TemplatePart& part : path->parts) {
      if (!part.interpolation) {
        out += part.text;
      } else if (part.text == "path.module" || part.text == "path.root" ||
                 part.text == "path.cwd") {
        out += '.';  // the configuration's directory, which resolve_path starts from
      } else {
        return std::nullopt;
      }
    }
    return resolve_path(context_.directory, out);
  }

  void read_file(const hcl::Expression& call, Syntax syntax, EmbeddedDefinition& definition) {
    const bool template_file = call.function == "templatefile";
    const std::optional<std::string> path = file_path(call.items[0]);
    if (!path) {
      unresolved(call.items[0],
                 fmt::format("the path of {}'s definition is computed: it cannot be checked",
                             definition.owner),
                 "write the path as a string, with ${path.module} if needed");
      return;
    }
    std::unique_ptr<Source> file = read_definition_file(embedding_, *path, call.items[0].span);
    if (!file) return;
    definition.form = template_file ? Form::TemplateFile : Form::File;
    definition.checked_alone = context_.checked_alone && context_.checked_alone(*path);
    definition.placeholders = find_placeholders(*file, 0, static_cast<uint32_t>(file->size()));
    definition.filling = Filling::Nothing;
    if (template_file) {
      const hcl::Expression* vars = follow_locals(call.items[1]);
      if (vars && vars->kind == hcl::ExpressionKind::Object) {
        definition.filling = Filling::Substitutions;
        for (const hcl::ObjectMember& member : vars->members)
          definition.substitutions.push_back({member.key, member.key_span});
      } else {
        definition.filling = Filling::HostLanguage;  // a vars map we cannot see
      }
    }
    const Syntax file_syntax = detect_syntax(*path, file->text());
    load_definition(embedding_, std::move(file), syntax == Syntax::Yaml ? syntax : file_syntax,
                    definition);
    embedding_.definitions.push_back(std::move(definition));
  }

  void unresolved(const hcl::Expression& at, std::string message, std::string help) {
    const bool reference = at.kind == hcl::ExpressionKind::Reference;
    embedding_.unresolved.push_back(
        {reference ? Unresolved::Reason::Elsewhere : Unresolved::Reason::Computed, at.span,
         std::move(message), std::move(help)});
  }

  const Source& source_;
  const EmbedContext& context_;
  Embedding embedding_;
  std::unordered_map<std::string, const hcl::Expression*> locals_;
  bool has_account_references_ = false;
};

}  // namespace

Embedding embed_terraform(const Source& configuration, const EmbedContext& context) {
  return ConfigurationReader(configuration, context).read();
}

}  // namespace wflint::embed
