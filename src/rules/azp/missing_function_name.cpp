#include <fmt/format.h>

#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kAzpMissingFunctionName;

namespace {

constexpr std::string_view kHelp =
    "set functionName to the function's name or ARN, or to a $(variable) holding one";

// At the `inputs` key when the step has one, else at the task reference; pointing where
// functionName would be, so the finding keeps its identity once inputs are added.
void report_missing(const azure::TaskStep& step, DiagnosticSink& sink) {
  const std::string message = fmt::format(
      "{} has no functionName input: the task fails with \"Input required: functionName\"",
      step.name);
  const Node* inputs = step.step->find("inputs");
  if (!inputs) {
    sink.report(kAzpMissingFunctionName, *step.task, message).help(std::string(kHelp));
    return;
  }
  const std::string pointer =
      inputs->is_object() ? inputs->json_pointer_of_member("functionName") : inputs->json_pointer();
  sink.report_at(kAzpMissingFunctionName, inputs->key_span(), pointer, message)
      .help(std::string(kHelp));
}

void report_empty(const Node& function_name, DiagnosticSink& sink) {
  const std::string message =
      "functionName is empty: the task fails with \"Input required: functionName\"";
  auto finding = function_name.is_null()
                     ? sink.report_key(kAzpMissingFunctionName, function_name, message)
                     : sink.report(kAzpMissingFunctionName, function_name, message);
  finding.help(std::string(kHelp));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    const Node* function_name = step.input("functionName");
    if (!function_name) {
      report_missing(step, sink);
    } else if (!azp::is_set(step, "functionName")) {
      report_empty(*function_name, sink);
    }
  }
}

}  // namespace

const Rule kAzpMissingFunctionName{
    {"AZP001", "missing-function-name", Severity::Error, kAzurePipelines,
     "LambdaInvokeFunction without a functionName, or with an "
     "empty one"},
    &check};

}  // namespace wflint::rules
