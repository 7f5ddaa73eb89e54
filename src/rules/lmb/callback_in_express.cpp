#include <fmt/format.h>

#include "rules/lmb/task_token.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kCallbackInExpress;

namespace {

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  if (!ctx.express_machine) return;
  const std::optional<CallbackResource> callback = callback_resource(state);
  // A function ARN cannot wait for a token at all (LMB001 says so).
  if (!callback || callback->function_arn) return;
  sink.report_at(kCallbackInExpress, callback->suffix_span(), callback->resource->json_pointer(),
                 fmt::format("state \"{}\" waits for a task token, which an EXPRESS state machine "
                             "does not support: Step Functions rejects the definition",
                             state.name))
      .help(
          "make it a STANDARD state machine, or call the integration without "
          ".waitForTaskToken (for Lambda, a synchronous arn:aws:states:::lambda:invoke)");
}

}  // namespace

const Rule kCallbackInExpress{{"LMB019", "callback-in-express", Severity::Error, kAsl,
                               ".waitForTaskToken in an EXPRESS state machine"},
                              nullptr,
                              &check_each_state,
                              false,
                              {},
                              true};

}  // namespace wflint::rules
