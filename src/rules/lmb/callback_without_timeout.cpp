#include <fmt/format.h>

#include "rules/lmb/task_token.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kCallbackWithoutTimeout;

namespace {

constexpr std::string_view kTimerFields[] = {"TimeoutSeconds", "TimeoutSecondsPath",
                                             "HeartbeatSeconds", "HeartbeatSecondsPath"};

bool has_timer(const asl::State& state) {
  for (std::string_view field : kTimerFields) {
    if (state.field(field)) return true;
  }
  return false;
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  const std::optional<CallbackResource> callback = callback_resource(state);
  // A function ARN cannot wait for a token at all (LMB001 says so).
  if (!callback || callback->function_arn || has_timer(state)) return;
  sink.report_at(kCallbackWithoutTimeout, callback->suffix_span(),
                 callback->resource->json_pointer(),
                 fmt::format("callback task \"{}\" has neither TimeoutSeconds nor "
                             "HeartbeatSeconds: if the token is lost it waits until the "
                             "execution's one-year limit",
                             state.name))
      .help(
          "add \"TimeoutSeconds\" (the longest the callback may take), or \"HeartbeatSeconds\" "
          "with the worker calling SendTaskHeartbeat, so a lost callback fails the task with "
          "States.Timeout");
}

}  // namespace

const Rule kCallbackWithoutTimeout{
    {"LMB004", "callback-without-timeout", Severity::Warning, kAsl,
     "A .waitForTaskToken task with neither a timeout nor a heartbeat"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
