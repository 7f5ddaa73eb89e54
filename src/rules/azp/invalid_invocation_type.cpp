#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kAzpInvalidInvocationType;

namespace {

constexpr std::array<std::string_view, 2> kInvocationTypes = {"Event", "RequestResponse"};

bool is_offered(std::string_view type) {
  return std::find(kInvocationTypes.begin(), kInvocationTypes.end(), type) !=
         kInvocationTypes.end();
}

void report_dry_run(const Node& value, DiagnosticSink& sink) {
  sink.report(kAzpInvalidInvocationType, value,
              fmt::format("invocationType \"DryRun\" is not offered by LambdaInvokeFunction, "
                          "which takes {}: a DryRun invoke does not run the function",
                          text::quoted_list(kInvocationTypes)))
      .help(
          "use RequestResponse to run the function and wait for its response, or Event to run "
          "it in the background; to only check permissions, run `aws lambda invoke "
          "--invocation-type DryRun` in an AWS CLI task");
}

void report_unknown(const Node& value, std::string_view type, DiagnosticSink& sink) {
  const std::string_view near = text::closest_match(type, kInvocationTypes);
  sink.report(kAzpInvalidInvocationType, value,
              fmt::format("invocationType {} is not one of {}: Lambda rejects the invoke",
                          text::json_quote(type), text::quoted_list(kInvocationTypes)))
      .help(near.empty() ? fmt::format("use one of {}", text::quoted_list(kInvocationTypes))
                         : fmt::format("did you mean {}? (the values are case-sensitive)",
                                       text::json_quote(near)));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    const auto type = azp::literal_input(step, "invocationType");
    // An empty value leaves the task's default, RequestResponse.
    if (!type || azp::is_blank(*type) || is_offered(*type)) continue;
    const Node& value = *step.input("invocationType");
    if (*type == "DryRun") {
      report_dry_run(value, sink);
    } else {
      report_unknown(value, *type, sink);
    }
  }
}

}  // namespace

const Rule kAzpInvalidInvocationType{
    {"AZP002", "invalid-invocation-type", Severity::Error, kAzurePipelines,
     "A LambdaInvokeFunction invocationType other than Event or RequestResponse"},
    &check};

}  // namespace wflint::rules
