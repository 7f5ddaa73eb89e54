#include <fmt/format.h>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kSsmTailLogWithAsyncInvoke;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* inputs = ssm_invoke::invoke_inputs(step);
    if (!inputs) continue;
    const auto log_type = ssm_invoke::literal_string(*inputs, "LogType");
    const auto invocation_type = ssm_invoke::literal_string(*inputs, "InvocationType");
    if (log_type != "Tail" || (invocation_type != "Event" && invocation_type != "DryRun")) continue;
    sink.report(kSsmTailLogWithAsyncInvoke, *inputs->find("LogType"),
                fmt::format("LogType Tail needs InvocationType RequestResponse, but this step "
                            "invokes with {}",
                            *invocation_type))
        .related(inputs->find("InvocationType")->span(), "invocation type set here")
        .help(
            "Lambda returns the log tail only to a synchronous RequestResponse invoke; remove "
            "LogType, or set InvocationType to RequestResponse");
  }
}

}  // namespace

const Rule kSsmTailLogWithAsyncInvoke{{"SSM102", "tail-log-with-async-invoke", Severity::Error,
                                       kSsm, "LogType Tail with InvocationType Event or DryRun"},
                                      &check};

}  // namespace wflint::rules
