#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvalidRunbookStructure;

namespace {

constexpr std::array<std::string_view, 6> kDocumentedParameterTypes = {
    "String", "StringList", "Integer", "Boolean", "MapList", "StringMap"};

// Underlines the object's name: its key (a parameter), its "name" value (a step), else its
// opening brace.
Span head_of(const Node& object) {
  if (object.has_key()) return object.key_span();
  if (const Node* name = object.find("name"); name && name->is_string()) return name->span();
  const Span whole = object.span();
  return {whole.source, whole.begin, whole.begin + 1};
}

void report_violation(const schema::Violation& violation, DiagnosticSink& sink) {
  const Node& node = *violation.node;
  switch (violation.kind) {
    case schema::Violation::Kind::UnknownField:
      sink.report_key(kInvalidRunbookStructure, node, violation.message).help(violation.help);
      break;
    case schema::Violation::Kind::MissingField:
      sink.report_at(kInvalidRunbookStructure, head_of(node),
                     node.json_pointer_of_member(violation.field), violation.message)
          .help(violation.help);
      break;
    case schema::Violation::Kind::InvalidValue:
      sink.report(kInvalidRunbookStructure, node, violation.message).help(violation.help);
      break;
  }
}

bool is_known_parameter_type(std::string_view type) {
  return type.starts_with("AWS::") ||
         std::find(kDocumentedParameterTypes.begin(), kDocumentedParameterTypes.end(), type) !=
             kDocumentedParameterTypes.end();
}

// The schema only says a parameter type is a string: it may not use `pattern` to allow the
// open-ended AWS::* types (AWS::IAM::Role::Arn, AWS::EC2::Instance::Id, ...).
void check_parameter_type(const ssm::Parameter& parameter, DiagnosticSink& sink) {
  if (!parameter.node || !parameter.node->is_object()) return;
  const Node* type = parameter.node->find("type");
  if (!type || !type->is_string() || is_known_parameter_type(type->text())) return;
  std::string message =
      fmt::format("parameter {} has type {}, which SSM does not have",
                  text::json_quote(parameter.name), text::json_quote(type->text()));
  if (const std::string_view near = text::closest_match(type->text(), kDocumentedParameterTypes);
      !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report(kInvalidRunbookStructure, *type, std::move(message))
      .help(fmt::format("use one of {} or an AWS::* type such as AWS::IAM::Role::Arn",
                        fmt::join(kDocumentedParameterTypes, ", ")));
}

// A default or allowed value substituted before SSM reads it: {{ssm:...}} and CloudFormation
// ${...} placeholders, and YAML tags such as !Sub.
bool is_filled_in(const Node& value) {
  return !value.tag().empty() || (value.is_string() && ssm_invoke::has_placeholder(value.text()));
}

// The types whose values are text: String and the AWS::* types.
bool is_string_type(std::string_view type) {
  return type == "String" || type.starts_with("AWS::");
}

bool all_children_are(const Node& array, NodeKind kind) {
  return std::all_of(array.children().begin(), array.children().end(),
                     [kind](const Node& item) { return item.kind() == kind; });
}

// "an integer such as 5", the form a value of the parameter type takes; empty for types whose
// values are not checked.
std::string_view expected_form(std::string_view type) {
  if (is_string_type(type)) return "a string";
  if (type == "Integer") return "a whole number";
  if (type == "Boolean") return "true or false";
  if (type == "StringList") return "a list of strings";
  if (type == "MapList") return "a list of maps";
  if (type == "StringMap") return "a map";
  return {};
}

bool is_integer_text(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// SSM reads parameter values as text, so "5" is an Integer and "true" a Boolean.
bool fits_type(const Node& value, std::string_view type) {
  if (is_string_type(type)) return value.is_string();
  if (type == "Integer") {
    return value.is_integer() || (value.is_string() && is_integer_text(value.text()));
  }
  if (type == "Boolean")
    return value.is_bool() ||
           (value.is_string() && (value.text() == "true" || value.text() == "false"));
  if (type == "StringList") return value.is_array() && all_children_are(value, NodeKind::String);
  if (type == "MapList") return value.is_array() && all_children_are(value, NodeKind::Object);
  if (type == "StringMap") return value.is_object();
  return true;
}

// A number or true/false where a String is expected is read as its text: worth quoting, not an
// error.
bool is_unquoted_scalar_for_string(const Node& value, std::string_view type) {
  return is_string_type(type) && (value.is_number() || value.is_bool());
}

void check_value_type(std::string_view noun, const ssm::Declaration& declared, const Node& value,
                      std::string_view role, DiagnosticSink& sink) {
  const std::string_view form = expected_form(declared.type);
  if (form.empty() || is_filled_in(value) || fits_type(value, declared.type)) return;
  if (is_unquoted_scalar_for_string(value, declared.type)) {
    sink.report(kInvalidRunbookStructure, value,
                fmt::format("the {} of String {} {} is not a string", role, noun,
                            text::json_quote(declared.name)))
        .severity(Severity::Warning)
        .help(
            fmt::format("quote it (\"{}\") so it is the string the {} holds", value.text(), noun));
    return;
  }
  sink.report(kInvalidRunbookStructure, value,
              fmt::format("the {} of {} {} {} is not {}", role, declared.type, noun,
                          text::json_quote(declared.name), form))
      .help(fmt::format("write {}, or change the {}'s type", form, noun));
}

std::optional<std::string_view> scalar_text(const Node& value) {
  if (value.is_bool()) return value.bool_value() ? "true" : "false";
  if (value.is_number() || value.is_string()) return value.text();
  return std::nullopt;
}

bool same_value(const Node& a, const Node& b) {
  const std::optional<std::string_view> text = scalar_text(a);
  return text && text == scalar_text(b);
}

bool is_allowed(const Node& value, const Node& allowed) {
  return std::any_of(allowed.children().begin(), allowed.children().end(),
                     [&value](const Node& option) { return same_value(value, option); });
}

// The default of a StringList is checked item by item.
void check_default_is_allowed(std::string_view noun, const ssm::Declaration& declared,
                              const Node& allowed, DiagnosticSink& sink) {
  const Node& value = *declared.default_value;
  for (const Node& item : value.is_array() ? value.children() : std::span<const Node>(&value, 1)) {
    if (item.is_array() || item.is_object() || is_filled_in(item) || is_allowed(item, allowed))
      continue;
    sink.report(kInvalidRunbookStructure, item,
                fmt::format("the default of {} {} is not one of its allowedValues", noun,
                            text::json_quote(declared.name)))
        .related(allowed.key_span(), "the values it allows")
        .help(
            "add it to allowedValues, or pick a default from them: an execution that keeps "
            "the default fails validation");
  }
}

void check_declared_values(std::string_view noun, const ssm::Declaration& declared,
                           DiagnosticSink& sink) {
  if (!declared.node || !declared.node->is_object()) return;
  const Node* allowed = declared.node->find("allowedValues");
  if (allowed && !allowed->is_array()) allowed = nullptr;
  // A StringList's allowed values are its items, not lists.
  if (allowed && declared.type != "StringList") {
    for (const Node& option : allowed->children())
      check_value_type(noun, declared, option, "allowed value", sink);
  }
  if (!declared.default_value) return;
  check_value_type(noun, declared, *declared.default_value, "default", sink);
  if (allowed && allowed->size() > 0) check_default_is_allowed(noun, declared, *allowed, sink);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const schema::Violation& violation : ctx.schema_violations->all())
    report_violation(violation, sink);
  for (const ssm::Parameter& parameter : ctx.runbook->parameters()) {
    check_parameter_type(parameter, sink);
    check_declared_values("parameter", parameter, sink);
  }
  for (const ssm::Variable& variable : ctx.runbook->variables())
    check_declared_values("variable", variable, sink);
}

}  // namespace

const Rule kInvalidRunbookStructure{{"SSM001", "invalid-runbook-structure", Severity::Error, kSsm,
                                     "A runbook that breaks schemas/ssm-automation.schema.json"},
                                    &check,
                                    nullptr,
                                    /*yields_to_specific_rules=*/true};

}  // namespace wflint::rules
