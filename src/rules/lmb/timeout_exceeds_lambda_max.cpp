#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kTimeoutExceedsLambdaMax;

namespace {

constexpr double kLambdaMaxSeconds = 900;

// The task waits for the function itself: a request-response optimized invoke, or a plain
// function ARN. Callbacks and Event invokes end on their own schedule.
bool waits_for_the_function(const analysis::LambdaCall& call) {
  switch (call.kind) {
    case analysis::LambdaCallKind::FunctionArn:
      return call.parsed.pattern == lang::IntegrationPattern::RequestResponse;
    case analysis::LambdaCallKind::OptimizedInvoke: {
      if (!call.parameter("InvocationType")) return true;
      const std::optional<std::string_view> type = call.literal_string("InvocationType");
      return type && *type == "RequestResponse";
    }
    case analysis::LambdaCallKind::CallbackInvoke:
    case analysis::LambdaCallKind::OtherIntegration:
      break;
  }
  return false;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    const Node* timeout = call.state->field("TimeoutSeconds");
    if (!timeout || !timeout->is_number() || !waits_for_the_function(call)) continue;
    const std::optional<double> seconds = timeout->number();
    if (!seconds || *seconds <= kLambdaMaxSeconds) continue;
    sink.report(kTimeoutExceedsLambdaMax, *timeout,
                fmt::format("TimeoutSeconds {} is above 900, the longest a Lambda function can "
                            "run: the invocation times out in Lambda first, so this timeout "
                            "never fires",
                            timeout->text()))
        .help(
            "set TimeoutSeconds to at most 900 (a little above the function's own timeout); for "
            "longer work, use lambda:invoke.waitForTaskToken with a worker that reports back, "
            "or split the work into several invocations");
  }
}

}  // namespace

const Rule kTimeoutExceedsLambdaMax{
    {"LMB016", "timeout-exceeds-lambda-max", Severity::Warning, kAsl,
     "A synchronous invoke with TimeoutSeconds above Lambda's 900-second maximum"},
    &check};

}  // namespace wflint::rules
