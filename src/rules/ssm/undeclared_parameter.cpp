#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUndeclaredParameter;

namespace {

using analysis::ReferenceSite;
using analysis::RunbookReference;
using lang::SsmReference;

// Set by Systems Manager when a maintenance window or a rate-controlled automation runs the
// runbook, so never declared.
constexpr std::array<std::string_view, 12> kPseudoParameters = {
    "RESOURCE_ID",           "TARGET_ID",
    "TARGET_TYPE",           "WINDOW_ID",
    "WINDOW_TASK_ID",        "WINDOW_TARGET_ID",
    "WINDOW_EXECUTION_ID",   "TASK_EXECUTION_ID",
    "OWNER_INFORMATION",     "LOGGING_S3_BUCKET_NAME",
    "LOGGING_S3_KEY_PREFIX", "LOGGING_S3_REGION",
};

bool is_pseudo_parameter(std::string_view name) {
  for (std::string_view pseudo : kPseudoParameters) {
    if (name == pseudo) return true;
  }
  return false;
}

Span name_span(const RunbookReference& ref) {
  return ref.string->text_span(ref.reference.name_offset,
                               static_cast<uint32_t>(ref.reference.name.size()));
}

std::vector<std::string_view> parameter_names(const ssm::Runbook& runbook) {
  std::vector<std::string_view> names;
  for (const ssm::Parameter& parameter : runbook.parameters())
    names.push_back(parameter.name);
  return names;
}

void report_undeclared(const RunbookReference& ref, const std::vector<std::string_view>& names,
                       DiagnosticSink& sink) {
  const std::string_view name = ref.reference.name;
  std::string message = fmt::format("{{{{{}}}}} names no parameter of this runbook", name);
  if (const std::string_view near = text::closest_match(name, names); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report_at(kUndeclaredParameter, name_span(ref), ref.string->json_pointer(),
                 std::move(message))
      .help(fmt::format(
          "declare it under parameters (\"{}\": {{\"type\": \"String\"}}); SSM rejects a "
          "runbook that refers to an undeclared parameter",
          name));
}

void report_default_uses_parameter(const RunbookReference& ref, DiagnosticSink& sink) {
  sink.report_at(kUndeclaredParameter, name_span(ref), ref.string->json_pointer(),
                 fmt::format("the default of parameter \"{}\" refers to parameter \"{}\": SSM does "
                             "not substitute parameters in defaults",
                             ref.parameter->name, ref.reference.name))
      .help(fmt::format("leave the default empty and use {{{{{}}}}} in the steps when it is empty, "
                        "or write the value itself",
                        ref.reference.name));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const std::vector<std::string_view> names = parameter_names(*ctx.runbook);
  for (const RunbookReference& ref : ctx.runbook_references->all()) {
    if (ref.reference.kind != SsmReference::Kind::Parameter) continue;
    if (is_pseudo_parameter(ref.reference.name)) continue;
    if (!ctx.runbook->find_parameter(ref.reference.name)) {
      report_undeclared(ref, names, sink);
    } else if (ref.site == ReferenceSite::ParameterDefault) {
      report_default_uses_parameter(ref, sink);
    }
  }
}

}  // namespace

const Rule kUndeclaredParameter{{"SSM005", "undeclared-parameter", Severity::Error, kSsm,
                                 "A {{ }} reference to a parameter the runbook does not declare"},
                                &check};

}  // namespace wflint::rules
