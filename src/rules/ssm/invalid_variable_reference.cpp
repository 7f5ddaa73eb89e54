#include <fmt/format.h>

#include <array>
#include <span>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvalidVariableReference;

namespace {

using analysis::ReferenceSite;
using analysis::RunbookReference;
using lang::SsmReference;

constexpr std::array<std::string_view, 5> kGlobalNames = {"ACCOUNT_ID", "REGION", "DATE",
                                                          "DATE_TIME", "AWS_PARTITION"};
constexpr std::array<std::string_view, 1> kAutomationNames = {"EXECUTION_ID"};
constexpr std::array<std::string_view, 4> kPrefixes = {"global", "automation", "variable", "ssm"};

bool contains(std::span<const std::string_view> names, std::string_view name) {
  for (std::string_view known : names) {
    if (known == name) return true;
  }
  return false;
}

// The closest name by spelling, else the one `word` abbreviates (ACCOUNT for ACCOUNT_ID).
std::string_view suggestion(std::string_view word, std::span<const std::string_view> candidates) {
  if (const std::string_view near = text::closest_match(word, candidates); !near.empty())
    return near;
  for (std::string_view candidate : candidates) {
    if (!word.empty() && candidate.starts_with(word)) return candidate;
  }
  return {};
}

std::string with_suggestion(std::string message, std::string_view word,
                            std::span<const std::string_view> candidates) {
  if (const std::string_view near = suggestion(word, candidates); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  return message;
}

Span span_of(const RunbookReference& ref, uint32_t offset, std::size_t length) {
  return ref.string->text_span(offset, static_cast<uint32_t>(std::max<std::size_t>(length, 1)));
}

Span name_span(const RunbookReference& ref) {
  return span_of(ref, ref.reference.name_offset, ref.reference.name.size());
}

Span whole_span(const RunbookReference& ref) {
  return span_of(ref, ref.reference.offset, ref.reference.length);
}

void check_known_name(const RunbookReference& ref, std::span<const std::string_view> names,
                      DiagnosticSink& sink) {
  if (contains(names, ref.reference.name)) return;
  sink.report_at(kInvalidVariableReference, name_span(ref), ref.string->json_pointer(),
                 with_suggestion(fmt::format("there is no {}:{} variable", ref.reference.prefix,
                                             ref.reference.name),
                                 ref.reference.name, names))
      .help(fmt::format("the {}: variables are {}", ref.reference.prefix, fmt::join(names, ", ")));
}

std::vector<std::string_view> variable_names(const ssm::Runbook& runbook) {
  std::vector<std::string_view> names;
  for (const ssm::Variable& variable : runbook.variables())
    names.push_back(variable.name);
  return names;
}

void report_undeclared_variable(const Span& span, const Node& string, std::string_view name,
                                const ssm::Runbook& runbook, DiagnosticSink& sink) {
  sink.report_at(kInvalidVariableReference, span, string.json_pointer(),
                 with_suggestion(fmt::format("variable \"{}\" is not declared", name), name,
                                 variable_names(runbook)))
      .help(fmt::format("declare it under variables (\"{}\": {{\"type\": \"String\"}})", name));
}

void check_ssm_parameter(const RunbookReference& ref, DiagnosticSink& sink) {
  if (ref.site == ReferenceSite::ParameterDefault || ref.site == ReferenceSite::VariableDefault)
    return;
  sink.report_at(kInvalidVariableReference, whole_span(ref), ref.string->json_pointer(),
                 "{{ssm:...}} is allowed only in a parameter default: SSM rejects it here when "
                 "the runbook is created")
      .help(
          "declare a parameter whose default is this {{ssm:...}} reference, and refer to the "
          "parameter here");
}

void check_prefixed(const CheckContext& ctx, const RunbookReference& ref, DiagnosticSink& sink) {
  const std::string_view prefix = ref.reference.prefix;
  if (prefix == "global") return check_known_name(ref, kGlobalNames, sink);
  if (prefix == "automation") return check_known_name(ref, kAutomationNames, sink);
  if (prefix == "ssm") return check_ssm_parameter(ref, sink);
  if (prefix == "variable") {
    if (!ctx.runbook->find_variable(ref.reference.name))
      report_undeclared_variable(name_span(ref), *ref.string, ref.reference.name, *ctx.runbook,
                                 sink);
    return;
  }
  sink.report_at(kInvalidVariableReference,
                 span_of(ref, ref.reference.name_offset - static_cast<uint32_t>(prefix.size()) - 1,
                         prefix.size()),
                 ref.string->json_pointer(),
                 with_suggestion(
                     fmt::format("\"{}:\" is not a reference prefix of SSM Automation", prefix),
                     prefix, kPrefixes))
      .help("the prefixes are global:, automation:, variable: and, in parameter defaults, ssm:");
}

void report_nested(const RunbookReference& ref, DiagnosticSink& sink) {
  sink.report_at(kInvalidVariableReference, whole_span(ref), ref.string->json_pointer(),
                 fmt::format("references cannot be nested: SSM does not substitute {} inside "
                             "another reference",
                             ref.reference.name))
      .help(fmt::format("write {} alone", ref.reference.name));
}

// aws:updateVariable names the variable it sets as "variable:<name>".
void check_update_variable(const CheckContext& ctx, const ssm::Step& step, DiagnosticSink& sink) {
  const Node* name = step.inputs ? step.inputs->find("Name") : nullptr;
  if (!name || !name->is_string()) return;
  constexpr std::string_view kPrefix = "variable:";
  const std::string_view text = name->text();
  if (!text.starts_with(kPrefix)) {
    sink.report(kInvalidVariableReference, *name,
                fmt::format("aws:updateVariable Name is {}, but it takes variable:<name>",
                            text::json_quote(text)))
        .help(fmt::format("write \"variable:{}\"", text));
    return;
  }
  const std::string_view variable = text.substr(kPrefix.size());
  if (!ctx.runbook->find_variable(variable)) {
    report_undeclared_variable(
        name->text_span(static_cast<uint32_t>(kPrefix.size()),
                        static_cast<uint32_t>(std::max<std::size_t>(variable.size(), 1))),
        *name, variable, *ctx.runbook, sink);
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const RunbookReference& ref : ctx.runbook_references->all()) {
    if (ref.reference.kind == SsmReference::Kind::Prefixed) check_prefixed(ctx, ref, sink);
    if (ref.reference.kind == SsmReference::Kind::Nested) report_nested(ref, sink);
  }
  for (const ssm::Step& step : ctx.runbook->steps()) {
    if (step.action == "aws:updateVariable") check_update_variable(ctx, step, sink);
  }
}

}  // namespace

const Rule kInvalidVariableReference{
    {"SSM007", "invalid-variable-reference", Severity::Error, kSsm,
     "An unknown global: or automation: name, an undeclared variable:, ssm: outside a parameter "
     "default, or a nested reference"},
    &check};

}  // namespace wflint::rules
