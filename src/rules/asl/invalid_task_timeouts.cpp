#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidTaskTimeouts;

namespace {

constexpr double kMaxSeconds = 99999999;

// A literal number of seconds, or nullopt when the value is a placeholder, JSONata or not a
// number (those are for other rules).
std::optional<double> literal_seconds(const Node* value) {
  if (!value || !value->is_number()) return std::nullopt;
  return value->number();
}

void check_range(const Node* value, DiagnosticSink& sink) {
  const std::optional<double> seconds = literal_seconds(value);
  if (!seconds) return;
  if (value->is_integer() && *seconds >= 1 && *seconds <= kMaxSeconds) return;
  sink.report(
      kInvalidTaskTimeouts, *value,
      fmt::format("\"{}\" must be a whole number of seconds from 1 to 99999999", value->key()));
}

void check_state(const asl::State& state, DiagnosticSink& sink) {
  const Node* timeout = state.field("TimeoutSeconds");
  const Node* heartbeat = state.field("HeartbeatSeconds");
  check_range(timeout, sink);
  check_range(heartbeat, sink);
  const std::optional<double> timeout_value = literal_seconds(timeout);
  const std::optional<double> heartbeat_value = literal_seconds(heartbeat);
  if (timeout_value && heartbeat_value && *heartbeat_value >= *timeout_value) {
    sink.report(kInvalidTaskTimeouts, *heartbeat,
                fmt::format("\"HeartbeatSeconds\" ({}) must be less than \"TimeoutSeconds\" ({})",
                            heartbeat->text(), timeout->text()))
        .related(timeout->span(), "TimeoutSeconds is here")
        .help("a heartbeat interval at or above the timeout can never fire");
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  if (state.type == "Task") check_state(state, sink);
}

}  // namespace

const Rule kInvalidTaskTimeouts{{"ASL503", "invalid-task-timeouts", Severity::Error, kAsl,
                                 "TimeoutSeconds or HeartbeatSeconds out of range, or a heartbeat "
                                 "not below the timeout"},
                                nullptr,
                                &check_each_state};

}  // namespace wflint::rules
