#include <fmt/format.h>

#include <optional>
#include <string>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kInvokeOutputUnavailable;

namespace {

using analysis::RunbookReference;
using lang::SsmReference;

Span output_span(const RunbookReference& ref) {
  return ref.string->text_span(ref.reference.output_offset,
                               static_cast<uint32_t>(ref.reference.output.size()));
}

// The invocation type written literally; RequestResponse when absent; nothing when only known at
// run time.
std::optional<std::string_view> invocation_type(const Node& inputs) {
  if (!inputs.find("InvocationType")) return "RequestResponse";
  return ssm_invoke::literal_string(inputs, "InvocationType");
}

std::optional<std::string_view> log_type(const Node& inputs) {
  if (!inputs.find("LogType")) return "None";
  return ssm_invoke::literal_string(inputs, "LogType");
}

void report_payload_of_async(const RunbookReference& ref, std::string_view type,
                             DiagnosticSink& sink) {
  sink.report_at(kInvokeOutputUnavailable, output_span(ref), ref.string->json_pointer(),
                 fmt::format("step \"{}\" invokes with InvocationType {}, which returns no Payload",
                             ref.reference.name, type))
      .help(
          "invoke with InvocationType RequestResponse (the default) to use the function's "
          "response");
}

void report_log_without_tail(const RunbookReference& ref, std::string_view type,
                             std::string_view log, DiagnosticSink& sink) {
  const std::string why = type != "RequestResponse"
                              ? fmt::format("it invokes with InvocationType {}", type)
                              : fmt::format("its LogType is {}", log);
  sink.report_at(kInvokeOutputUnavailable, output_span(ref), ref.string->json_pointer(),
                 fmt::format("step \"{}\" has no LogResult: {}", ref.reference.name, why))
      .help(
          "LogResult (the last 4 KB of the log, base64) needs LogType Tail with InvocationType "
          "RequestResponse");
}

void report_output_payload(const RunbookReference& ref, DiagnosticSink& sink) {
  sink.report_at(kInvokeOutputUnavailable, output_span(ref), ref.string->json_pointer(),
                 fmt::format("OutputPayload is an output of aws:executeScript, not of "
                             "aws:invokeLambdaFunction (step \"{}\")",
                             ref.reference.name))
      .help(
          "use Payload, the function's response; AWS resolves OutputPayload today, but it is "
          "not documented for this action")
      .severity(Severity::Warning);
}

void check_reference(const RunbookReference& ref, const Node& inputs, DiagnosticSink& sink) {
  const std::string_view output = ref.reference.output;
  if (output == "OutputPayload") return report_output_payload(ref, sink);
  const std::optional<std::string_view> type = invocation_type(inputs);
  if (!type) return;
  if (output == "Payload" && (*type == "Event" || *type == "DryRun"))
    return report_payload_of_async(ref, *type, sink);
  if (output != "LogResult") return;
  const std::optional<std::string_view> log = log_type(inputs);
  if (log && (*log != "Tail" || *type != "RequestResponse"))
    report_log_without_tail(ref, *type, *log, sink);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const RunbookReference& ref : ctx.runbook_references->all()) {
    if (ref.reference.kind != SsmReference::Kind::StepOutput) continue;
    const ssm::Step* producer = ctx.runbook->find_step(ref.reference.name);
    const Node* inputs = producer ? ssm_invoke::invoke_inputs(*producer) : nullptr;
    if (inputs) check_reference(ref, *inputs, sink);
  }
}

}  // namespace

const Rule kInvokeOutputUnavailable{
    {"SSM106", "invoke-output-unavailable", Severity::Error, kSsm,
     "A reference to an aws:invokeLambdaFunction output the invocation does not return"},
    &check};

}  // namespace wflint::rules
