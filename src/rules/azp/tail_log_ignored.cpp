#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kAzpTailLogIgnored;

namespace {

// The task hands Lambda's log tail (LogResult) only to outputLogsVariable, which its first
// releases did not even have: without that input, Tail changes nothing anyone can see.
void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    if (azp::literal_input(step, "logType") != "Tail" || azp::is_set(step, "outputLogsVariable"))
      continue;
    sink.report(kAzpTailLogIgnored, *step.input("logType"),
                "logType Tail has no visible effect: LambdaInvokeFunction does not show the log "
                "tail Lambda returns")
        .help(
            "remove logType; the function's logs are in CloudWatch Logs (log group "
            "/aws/lambda/<function>). Releases of the task that have outputLogsVariable can "
            "store the tail in a variable");
  }
}

}  // namespace

const Rule kAzpTailLogIgnored{{"AZP003", "tail-log-ignored", Severity::Warning, kAzurePipelines,
                               "LambdaInvokeFunction logType Tail, whose log tail the task "
                               "never shows"},
                              &check};

}  // namespace wflint::rules
