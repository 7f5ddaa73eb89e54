#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownStepOutput;

namespace {

using analysis::ReferenceSite;
using analysis::RunbookReference;
using lang::SsmReference;

Span step_span(const RunbookReference& ref) {
  return ref.string->text_span(ref.reference.name_offset,
                               static_cast<uint32_t>(ref.reference.name.size()));
}

Span output_span(const RunbookReference& ref) {
  return ref.string->text_span(ref.reference.output_offset,
                               static_cast<uint32_t>(ref.reference.output.size()));
}

std::string written(const RunbookReference& ref) {
  if (ref.site == ReferenceSite::RunbookOutputs) return text::json_quote(ref.string->text());
  return fmt::format("{{{{{}.{}}}}}", ref.reference.name, ref.reference.output);
}

std::vector<std::string_view> step_names(const ssm::Runbook& runbook) {
  std::vector<std::string_view> names;
  for (const ssm::Step& step : runbook.steps()) {
    if (!step.name.empty()) names.push_back(step.name);
  }
  return names;
}

std::vector<std::string_view> outputs_of(const ssm::Step& step) {
  std::vector<std::string_view> names(step.action_info->outputs.begin(),
                                      step.action_info->outputs.end());
  for (const ssm::DeclaredOutput& declared : step.declared_outputs)
    names.push_back(declared.name);
  return names;
}

void report_unknown_step(const RunbookReference& ref, const std::vector<std::string_view>& names,
                         DiagnosticSink& sink) {
  std::string message = fmt::format("{} refers to step \"{}\", but the runbook has no such step",
                                    written(ref), ref.reference.name);
  if (const std::string_view near = text::closest_match(ref.reference.name, names); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report_at(kUnknownStepOutput, step_span(ref), ref.string->json_pointer(), std::move(message))
      .help("refer to an output of one of the runbook's steps as {{StepName.OutputName}}");
}

void report_unknown_output(const RunbookReference& ref, const ssm::Step& step,
                           DiagnosticSink& sink) {
  const std::vector<std::string_view> outputs = outputs_of(step);
  std::string message = fmt::format("step \"{}\" ({}) has no output \"{}\"", step.name, step.action,
                                    ref.reference.output);
  if (const std::string_view near = text::closest_match(ref.reference.output, outputs);
      !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  auto finding = sink.report_at(kUnknownStepOutput, output_span(ref), ref.string->json_pointer(),
                                std::move(message));
  if (outputs.empty()) {
    finding.help(fmt::format(
        "{} has no built-in outputs; declare one in the step's outputs (Name, Selector, Type)",
        step.action));
  } else {
    finding.help(fmt::format("its outputs are {}; declare others in the step's outputs",
                             fmt::join(outputs, ", ")));
  }
}

void report_not_run_yet(const RunbookReference& ref, const ssm::Step& producer,
                        DiagnosticSink& sink) {
  sink.report_at(kUnknownStepOutput, step_span(ref), ref.string->json_pointer(),
                 fmt::format("{} refers to step \"{}\", which cannot have run when step \"{}\" "
                             "runs: no path through the runbook leads from one to the other",
                             written(ref), producer.name, ref.step->name))
      .help(
          "move the producing step earlier, or refer to an output of a step that runs before "
          "this one");
}

void report_before_any_step(const RunbookReference& ref, DiagnosticSink& sink) {
  const std::string_view where = ref.site == ReferenceSite::AssumeRole ? "assumeRole"
                                 : ref.site == ReferenceSite::ParameterDefault
                                     ? "a parameter default"
                                     : "a variable default";
  sink.report_at(kUnknownStepOutput, step_span(ref), ref.string->json_pointer(),
                 fmt::format("{} refers to a step output in {}, which is resolved before any "
                             "step runs",
                             written(ref), where))
      .help("pass the value through a step's inputs instead");
}

// An invoke step's OutputPayload is SSM106's: AWS accepts it, though it is not documented.
bool left_to_invoke_rule(const ssm::Step& step, std::string_view output) {
  return step.action == ssm_invoke::kInvokeAction && output == "OutputPayload";
}

void check_reference(const CheckContext& ctx, const RunbookReference& ref,
                     const std::vector<std::string_view>& names, DiagnosticSink& sink) {
  const ssm::Step* producer = ctx.runbook->find_step(ref.reference.name);
  if (!producer) return report_unknown_step(ref, names, sink);
  if (ref.site == ReferenceSite::ParameterDefault || ref.site == ReferenceSite::VariableDefault ||
      ref.site == ReferenceSite::AssumeRole)
    return report_before_any_step(ref, sink);
  if (!producer->has_output(ref.reference.output) &&
      !left_to_invoke_rule(*producer, ref.reference.output))
    return report_unknown_output(ref, *producer, sink);
  if (ref.site == ReferenceSite::Step && !ctx.step_order->may_run_before(*producer, *ref.step))
    report_not_run_yet(ref, *producer, sink);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const std::vector<std::string_view> names = step_names(*ctx.runbook);
  for (const RunbookReference& ref : ctx.runbook_references->all()) {
    if (ref.reference.kind == SsmReference::Kind::StepOutput)
      check_reference(ctx, ref, names, sink);
  }
}

}  // namespace

const Rule kUnknownStepOutput{
    {"SSM006", "unknown-step-output", Severity::Error, kSsm,
     "A {{Step.Output}} reference naming no step, a step that cannot have run yet, or an output "
     "the step does not have"},
    &check};

}  // namespace wflint::rules
