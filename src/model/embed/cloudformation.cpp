#include <fmt/format.h>

#include <algorithm>

#include "load/string_offsets.h"
#include "model/embed/definition_loading.h"
#include "model/embed/embedding.h"

namespace wflint::embed {
namespace {

// The function of a CloudFormation intrinsic in either form: "Fn::Sub" for {"Fn::Sub": ...} and
// for a value tagged !Sub; empty for anything else.
std::string_view intrinsic_name(const Node& value) {
  if (value.tag().size() > 1) {
    const std::string_view tag = value.tag().substr(1);
    return tag == "Ref" ? "Ref" : tag == "Sub" ? "Fn::Sub" : tag == "Join" ? "Fn::Join" : "";
  }
  if (value.is_object() && value.size() == 1) {
    const std::string_view key = value.children().front().key();
    if (key == "Ref" || key.starts_with("Fn::")) return key;
  }
  return "";
}

// The argument of an intrinsic in either form.
const Node& intrinsic_argument(const Node& value) {
  return value.tag().empty() ? value.children().front() : value;
}

// A DefinitionString's text, put together from its parts with each byte mapped to the template.
class StringAssembler {
 public:
  void append_string(const Node& string) {
    append_string_anchors(string, static_cast<uint32_t>(text_.size()), anchors_);
    text_ += string.text();
  }

  // A value CloudFormation computes (a Ref, a GetAtt) stands in the text as a placeholder the
  // rules take as filled in, mapped to where the value is written.
  void append_computed(const Node& value) {
    anchors_.push_back({static_cast<uint32_t>(text_.size()), value.span().begin});
    const std::string_view name = intrinsic_name(value);
    text_ += fmt::format("${{{}}}", name.empty() ? "value" : name);
    anchors_.push_back({static_cast<uint32_t>(text_.size()), value.span().begin});
  }

  // Fn::Join's delimiter and list; false when the list is not a list.
  bool append_join(const Node& argument) {
    if (!argument.is_array() || argument.size() != 2 || !argument.children()[1].is_array())
      return false;
    const Node& delimiter = argument.children()[0];
    bool first = true;
    for (const Node& part : argument.children()[1].children()) {
      if (!first && delimiter.is_string()) append_string(delimiter);
      first = false;
      if (part.is_string() && part.tag().empty()) {
        append_string(part);
      } else {
        append_computed(part);
      }
    }
    return true;
  }

  std::unique_ptr<Source> source(const Source& host) {
    if (anchors_.empty() || anchors_.front().sub_begin != 0)
      anchors_.insert(anchors_.begin(), {0, 0});
    return Source::sub_source(host, text_, std::move(anchors_));
  }

 private:
  std::string text_;
  std::vector<OffsetAnchor> anchors_;
};

// What the template lets Fn::Sub name: its parameters and resources.
std::vector<std::string> template_names(const Node& root) {
  std::vector<std::string> names;
  for (std::string_view section : {"Parameters", "Resources"}) {
    const Node* members = root.find(section);
    if (!members || !members->is_object()) continue;
    for (const Node& member : members->children())
      names.emplace_back(member.key());
  }
  return names;
}

std::vector<Substitution> substitutions_of(const Node* map) {
  std::vector<Substitution> out;
  if (!map || !map->is_object()) return out;
  for (const Node& member : map->children())
    out.push_back({std::string(member.key()), member.key_span()});
  return out;
}

// Every placeholder of a definition written in the template (a Definition mapping), each marked
// when an Fn::Sub around it resolves it.
void collect_placeholders(const Node& node, bool in_fn_sub, std::vector<Placeholder>& out) {
  const bool sub = in_fn_sub || intrinsic_name(node) == "Fn::Sub";
  if (node.is_string()) {
    if (node.text().find("${") == std::string_view::npos) return;
    for (Placeholder& found :
         find_placeholders(node.source(), node.span().begin, node.span().end)) {
      found.in_fn_sub = sub;
      out.push_back(std::move(found));
    }
    return;
  }
  for (const Node& child : node.children())
    collect_placeholders(child, sub, out);
}

class TemplateReader {
 public:
  TemplateReader(const Document& document, const EmbedContext& context)
      : root_(*document.root()), context_(context), template_names_(template_names(root_)) {}

  Embedding read() {
    const Node* resources = root_.find("Resources");
    if (!resources || !resources->is_object()) return std::move(embedding_);
    for (const Node& resource : resources->children()) {
      if (!resource.is_object()) continue;
      const std::string_view type = resource.find_string("Type");
      const Node* properties = resource.find("Properties");
      if (!properties || !properties->is_object()) continue;
      if (type == "AWS::StepFunctions::StateMachine" || type == "AWS::Serverless::StateMachine") {
        read_state_machine(resource, *properties, type == "AWS::Serverless::StateMachine");
      } else if (type == "AWS::SSM::Document") {
        read_ssm_document(resource, *properties);
      }
    }
    return std::move(embedding_);
  }

 private:
  EmbeddedDefinition new_definition(const Node& resource, DocumentKind kind, Form form) const {
    EmbeddedDefinition definition;
    definition.kind = kind;
    definition.form = form;
    definition.owner = fmt::format("resource {}", resource.key());
    definition.owner_span = resource.key_span();
    definition.has_account_references = true;
    definition.account_reference_hint =
        "write ${AWS::AccountId} and ${AWS::Region} in an Fn::Sub, or pass the ARN through "
        "DefinitionSubstitutions with !GetAtt";
    definition.template_names = template_names_;
    return definition;
  }

  void read_state_machine(const Node& resource, const Node& properties, bool serverless) {
    const std::vector<std::string_view> keys =
        serverless ? std::vector<std::string_view>{"Definition", "DefinitionUri"}
                   : std::vector<std::string_view>{"Definition", "DefinitionString",
                                                   "DefinitionS3Location"};
    std::vector<const Node*> given;
    for (std::string_view key : keys) {
      if (const Node* member = properties.find(key)) given.push_back(member);
    }
    std::sort(given.begin(), given.end(),
              [](const Node* a, const Node* b) { return a->span().begin < b->span().begin; });
    if (given.size() > 1) {
      embedding_.conflicts.push_back(
          {given[0]->key_span(), given[1]->key_span(), std::string(resource.key())});
    }
    if (given.empty()) return;
    const Node& source = *given.front();
    const std::string_view key = source.key();
    EmbeddedDefinition definition = new_definition(resource, DocumentKind::Asl, Form::Object);
    definition.type = state_machine_type(properties, serverless);
    definition.substitutions = substitutions_of(properties.find("DefinitionSubstitutions"));
    definition.filling =
        definition.substitutions.empty() ? Filling::Nothing : Filling::Substitutions;
    if (key == "Definition") {
      read_definition_object(source, definition);
    } else if (key == "DefinitionString") {
      if (!read_definition_string(source, definition)) return;
    } else if (key == "DefinitionUri") {
      if (!read_definition_uri(source, definition)) return;
    } else {
      embedding_.unresolved.push_back(
          {Unresolved::Reason::InS3, source.key_span(),
           fmt::format("the definition of {} is in S3 (DefinitionS3Location): it cannot be checked",
                       resource.key()),
           "check the file it is uploaded from: run wflint on it before the upload"});
      return;
    }
    embedding_.definitions.push_back(std::move(definition));
  }

  static std::optional<StateMachineType> state_machine_type(const Node& properties,
                                                            bool serverless) {
    const std::string_view type = properties.find_string(serverless ? "Type" : "StateMachineType");
    if (type == "EXPRESS") return StateMachineType::Express;
    if (type == "STANDARD") return StateMachineType::Standard;
    return std::nullopt;
  }

  void read_definition_object(const Node& definition_node, EmbeddedDefinition& definition) {
    definition.document = view_of(embedding_, definition_node);
    collect_placeholders(definition_node, false, definition.placeholders);
  }

  // DefinitionString: a string, an Fn::Sub of one (with or without a variable map), or an
  // Fn::Join of parts.
  bool read_definition_string(const Node& value, EmbeddedDefinition& definition) {
    definition.form = Form::String;
    const std::string_view function = intrinsic_name(value);
    StringAssembler text;
    const Node* sub_text = nullptr;
    if (function == "Fn::Sub") {
      const Node& argument = intrinsic_argument(value);
      sub_text = argument.is_array() && argument.size() == 2 ? &argument.children()[0] : &argument;
      if (argument.is_array() && argument.size() == 2) {
        for (const Node& variable : argument.children()[1].children())
          definition.template_names.emplace_back(variable.key());
      }
      if (!sub_text->is_string()) return unreadable(value, "Fn::Sub");
      text.append_string(*sub_text);
    } else if (function == "Fn::Join") {
      if (!text.append_join(intrinsic_argument(value))) return unreadable(value, "Fn::Join");
    } else if (value.is_string() && function.empty()) {
      text.append_string(value);
    } else {
      return unreadable(value, function);
    }
    std::unique_ptr<Source> source = text.source(value.source());
    const Source& sub = *source;
    for (Placeholder& found : find_placeholders(sub, 0, static_cast<uint32_t>(sub.size()))) {
      found.in_fn_sub = sub_text != nullptr;
      if (!is_computed_value(found.name)) definition.placeholders.push_back(std::move(found));
    }
    load_definition(embedding_, std::move(source), Syntax::Json, definition);
    return true;
  }

  // What StringAssembler::append_computed wrote for a Ref or GetAtt inside an Fn::Join.
  static bool is_computed_value(std::string_view name) {
    return name == "Ref" || name.starts_with("Fn::") || name == "value";
  }

  bool unreadable(const Node& value, std::string_view function) {
    embedding_.unresolved.push_back(
        {Unresolved::Reason::Computed, value.span(),
         function.empty()
             ? std::string("this DefinitionString is not a string: it cannot be checked")
             : fmt::format("this DefinitionString is computed by {}: it cannot be checked",
                           function),
         "write the definition as a string, an Fn::Sub of one, or a Definition mapping"});
    return false;
  }

  bool read_definition_uri(const Node& value, EmbeddedDefinition& definition) {
    definition.form = Form::File;
    const std::string_view uri = value.is_string() && value.tag().empty() ? value.text() : "";
    if (uri.empty() || uri.starts_with("s3://")) {
      embedding_.unresolved.push_back(
          {Unresolved::Reason::InS3, value.span(),
           "the definition is in S3 (DefinitionUri names an S3 object): it cannot be checked",
           "check the local file `sam package` uploads, or give DefinitionUri a local path"});
      return false;
    }
    const std::string path = resolve_path(context_.directory, uri);
    std::unique_ptr<Source> file = read_definition_file(embedding_, path, value.span());
    if (!file) return false;
    definition.checked_alone = context_.checked_alone && context_.checked_alone(path);
    definition.placeholders = find_placeholders(*file, 0, static_cast<uint32_t>(file->size()));
    const Syntax syntax = detect_syntax(path, file->text());
    load_definition(embedding_, std::move(file), syntax, definition);
    return true;
  }

  void read_ssm_document(const Node& resource, const Node& properties) {
    if (properties.find_string("DocumentType") != "Automation") return;
    const Node* content = properties.find("Content");
    if (!content) return;
    EmbeddedDefinition definition = new_definition(resource, DocumentKind::Ssm, Form::Object);
    // CloudFormation substitutes nothing in a runbook but its Fn::Subs; a ${...} elsewhere belongs
    // to a script or to the runbook's own text.
    definition.filling = Filling::HostLanguage;
    if (content->is_object() && intrinsic_name(*content).empty()) {
      read_definition_object(*content, definition);
    } else if (content->is_string() && content->tag().empty()) {
      definition.form = Form::String;
      const Syntax syntax =
          properties.find_string("DocumentFormat") == "YAML" ? Syntax::Yaml : Syntax::Json;
      load_definition(embedding_, string_sub_source(*content), syntax, definition);
    } else {
      embedding_.unresolved.push_back(
          {Unresolved::Reason::Computed, content->span(),
           "this runbook's Content is computed by an intrinsic function: it "
           "cannot be checked",
           "write Content as a mapping"});
      return;
    }
    embedding_.definitions.push_back(std::move(definition));
  }

  const Node& root_;
  const EmbedContext& context_;
  const std::vector<std::string> template_names_;  // read once for all the template's resources
  Embedding embedding_;
};

}  // namespace

Embedding embed_cloudformation(const Document& template_document, const EmbedContext& context) {
  if (!template_document.root()) return {};
  return TemplateReader(template_document, context).read();
}

}  // namespace wflint::embed
