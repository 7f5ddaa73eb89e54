#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kAzpUnknownTaskInput;

namespace {

constexpr std::string_view kMajorVersion = "1";

bool is_known_input(std::string_view name) {
  return std::any_of(azp::kInputNames.begin(), azp::kInputNames.end(),
                     [&](std::string_view known) { return azure::same_input_name(name, known); });
}

void check_version(const azure::TaskStep& step, DiagnosticSink& sink) {
  if (step.major_version.empty() || step.major_version == kMajorVersion) return;
  sink.report(kAzpUnknownTaskInput, *step.task,
              fmt::format("{}@{} does not exist; the task's major version is {}", step.name,
                          step.major_version, kMajorVersion))
      .help(fmt::format("write {}@{}", step.name, kMajorVersion));
}

void check_input_names(const azure::TaskStep& step, DiagnosticSink& sink) {
  if (!step.inputs) return;
  for (const Node& input : step.inputs->children()) {
    if (is_known_input(input.key())) continue;
    const std::string_view near = text::closest_match(input.key(), azp::kInputNames);
    const std::string inputs = text::quoted_list(azp::kInputNames);
    sink.report_key(kAzpUnknownTaskInput, input,
                    fmt::format("{} has no input {}: the task ignores it", step.name,
                                text::json_quote(input.key())))
        .help(near.empty() ? fmt::format("its inputs are {}", inputs)
                           : fmt::format("did you mean {}? its inputs are {}",
                                         text::json_quote(near), inputs));
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    check_version(step, sink);
    check_input_names(step, sink);
  }
}

}  // namespace

const Rule kAzpUnknownTaskInput{
    {"AZP006", "unknown-task-input", Severity::Error, kAzurePipelines,
     "A LambdaInvokeFunction input the task does not take, or a major version other than 1"},
    &check};

}  // namespace wflint::rules
