#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "rules/rule.h"
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

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const schema::Violation& violation : ctx.schema_violations->all())
    report_violation(violation, sink);
  for (const ssm::Parameter& parameter : ctx.runbook->parameters())
    check_parameter_type(parameter, sink);
}

}  // namespace

const Rule kInvalidRunbookStructure{{"SSM001", "invalid-runbook-structure", Severity::Error, kSsm,
                                     "A runbook that breaks schemas/ssm-automation.schema.json"},
                                    &check,
                                    nullptr,
                                    /*yields_to_specific_rules=*/true};

}  // namespace wflint::rules
