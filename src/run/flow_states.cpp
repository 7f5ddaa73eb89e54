// The states that produce no result of their own: Pass, Choice, Wait, Succeed, Fail.
#include <fmt/format.h>

#include "lang/intrinsic.h"
#include "load/node.h"
#include "run/choice_eval.h"
#include "run/execution.h"
#include "run/intrinsic_eval.h"
#include "run/timestamp.h"

namespace wflint::run {

Outcome<Transition> Execution::run_pass(const StateEntry& entry, const Json& input,
                                        Variables& variables) {
  const Node& state = *entry.state;
  auto effective = apply_filter_path(state.find("InputPath"), view_of(input, variables));
  if (!effective.ok()) return located(entry, std::move(effective.error()));
  Json result;
  if (const Node* fixed = state.find("Result")) {
    result = from_node(*fixed);
  } else if (const Node* parameters = state.find("Parameters")) {
    auto made = apply_template(*parameters, view_of(effective.value(), variables));
    if (!made.ok()) return located(entry, std::move(made.error()));
    result = std::move(made.value());
  } else {
    result = std::move(effective.value());
  }
  if (serialized_size(result) > kDataLimitBytes) return data_limit_exceeded(entry.name);
  return finish_with_result(entry, input, std::move(result), variables);
}

Outcome<Transition> Execution::run_choice(const StateEntry& entry, const Json& input,
                                          Variables& variables) {
  const Node& state = *entry.state;
  auto effective = apply_filter_path(state.find("InputPath"), view_of(input, variables));
  if (!effective.ok()) return located(entry, std::move(effective.error()));
  const DataView view = view_of(effective.value(), variables);
  const PathLookup lookup = lookup_in(view);
  std::string next;
  const Node* assign = state.find("Assign");
  if (const Node* choices = state.find("Choices")) {
    for (const Node& rule : choices->children()) {
      auto matched = evaluate_choice_rule(rule, lookup);
      if (!matched.ok()) return located(entry, std::move(matched.error()));
      if (matched.value()) {
        next = rule.find_string("Next");
        assign = rule.find("Assign");
        break;
      }
    }
  }
  if (next.empty()) {
    next = state.find_string("Default");
    if (next.empty()) {
      return RunError{"States.NoChoiceMatched",
                      fmt::format("No Choice rule of state '{}' matched the input, and it has no "
                                  "Default.",
                                  entry.name)};
    }
  }
  auto assigned = assign_variables(*this, assign, effective.value(), variables);
  if (!assigned.ok()) return located(entry, std::move(assigned.error()));
  auto output = apply_filter_path(state.find("OutputPath"), view);
  if (!output.ok()) return located(entry, std::move(output.error()));
  return Transition{std::move(output.value()), next};
}

namespace {

// How long a Wait state waits, from its one timing field.
Outcome<int64_t> wait_nanos(Execution& execution, const Node& state, const DataView& view) {
  constexpr int64_t kTooFarSeconds = 2'147'483'647;  // AWS rejects a delay of 2^31 s or more
  std::optional<Timestamp> until;
  if (const Node* seconds = state.find("Seconds")) {
    return static_cast<int64_t>(seconds->number().value_or(0) * kNanosPerSecond);
  }
  if (const Node* path = state.find("SecondsPath")) {
    auto value = read_reference_path(path->text(), view);
    if (!value.ok()) {
      return RunError{"States.Runtime",
                      fmt::format("The SecondsPath parameter does not reference an input value: {}",
                                  path->text())};
    }
    const Json& seconds = value.value();
    if (!seconds.is_number_integer()) {
      return RunError{
          "States.Runtime",
          fmt::format("The SecondsPath parameter cannot be parsed as a long value: {} == {}",
                      path->text(), message_text(seconds))};
    }
    if (seconds.get<int64_t>() < 0) {
      return RunError{"States.Runtime",
                      fmt::format("The SecondsPath parameter references a negative value: {} == {}",
                                  path->text(), message_text(seconds))};
    }
    if (seconds.get<int64_t>() >= kTooFarSeconds) {
      return RunError{"States.Runtime", "Wait state delay is too long."};
    }
    return seconds.get<int64_t>() * kNanosPerSecond;
  }
  if (const Node* timestamp = state.find("Timestamp")) {
    until = parse_timestamp(timestamp->text());
    if (!until) {
      return RunError{"States.Runtime",
                      fmt::format("The Timestamp field cannot be parsed as an ISO-8601 extended "
                                  "offset date-time format string: {}",
                                  timestamp->text())};
    }
  } else if (const Node* path = state.find("TimestampPath")) {
    auto value = read_reference_path(path->text(), view);
    if (!value.ok()) {
      return RunError{
          "States.Runtime",
          fmt::format("The TimestampPath parameter does not reference an input value: {}",
                      path->text())};
    }
    if (value.value().is_string()) until = parse_timestamp(value.value().get<std::string>());
    if (!until) {
      return RunError{"States.Runtime",
                      fmt::format("The TimestampPath parameter does not reference a valid ISO-8601 "
                                  "extended offset date-time format string: {} == {}",
                                  path->text(), message_text(value.value()))};
    }
  }
  if (!until || until->nanos <= execution.now()) return int64_t{0};
  const int64_t delay = until->nanos - execution.now();
  if (delay / kNanosPerSecond >= kTooFarSeconds) {
    return RunError{"States.Runtime", "Wait state delay is too long."};
  }
  return std::max<int64_t>(delay, 0);
}

}  // namespace

Outcome<Transition> Execution::run_wait(const StateEntry& entry, const Json& input,
                                        Variables& variables) {
  const Node& state = *entry.state;
  auto effective = apply_filter_path(state.find("InputPath"), view_of(input, variables));
  if (!effective.ok()) return located(entry, std::move(effective.error()));
  const DataView view = view_of(effective.value(), variables);
  auto delay = wait_nanos(*this, state, view);
  if (!delay.ok()) return located(entry, std::move(delay.error()));
  auto waited = elapse(delay.value());
  if (!waited.ok()) return std::move(waited.error());
  auto assigned = assign_variables(*this, state.find("Assign"), effective.value(), variables);
  if (!assigned.ok()) return located(entry, std::move(assigned.error()));
  auto output = apply_filter_path(state.find("OutputPath"), view);
  if (!output.ok()) return located(entry, std::move(output.error()));
  return Transition{std::move(output.value()), next_state_of(state)};
}

Outcome<Transition> Execution::run_succeed(const StateEntry& entry, const Json& input,
                                           Variables& variables) {
  const Node& state = *entry.state;
  auto effective = apply_filter_path(state.find("InputPath"), view_of(input, variables));
  if (!effective.ok()) return located(entry, std::move(effective.error()));
  auto output = apply_filter_path(state.find("OutputPath"), view_of(effective.value(), variables));
  if (!output.ok()) return located(entry, std::move(output.error()));
  return Transition{std::move(output.value()), ""};
}

namespace {

// Fail's Error/ErrorPath or Cause/CausePath; nullopt when neither is given.
Outcome<std::optional<std::string>> fail_field(Execution& execution, const Node& state,
                                               std::string_view field, const Json& input,
                                               Variables& variables) {
  if (const Node* fixed = state.find(field)) return std::optional<std::string>(fixed->text());
  const std::string path_field = std::string(field) + "Path";
  const Node* path = state.find(path_field);
  if (path == nullptr) return std::optional<std::string>();
  // A path or an intrinsic call: evaluate it as a one-member template.
  const DataView view = execution.view_of(input, variables);
  Json value;
  if (lang::looks_like_intrinsic(path->text())) {
    IntrinsicEnvironment environment{&execution.random(), &input};
    auto computed = evaluate_intrinsic(path->text(), lookup_in(view), environment);
    if (!computed.ok()) return std::move(computed.error());
    value = std::move(computed.value());
  } else {
    const lang::PathResult parsed = lang::parse_path(path->text());
    const std::optional<Json> found =
        parsed.ok() ? lookup_in(view)(parsed.path, path->text()) : std::nullopt;
    if (!found) {
      return RunError{"States.Runtime",
                      fmt::format("The JSONPath '{}' specified for the field '{}' could not be "
                                  "found in the input '{}'",
                                  path->text(), path_field, to_text(input))};
    }
    value = *found;
  }
  return std::optional<std::string>(message_text(value));
}

}  // namespace

Outcome<Transition> Execution::run_fail(const StateEntry& entry, const Json& input,
                                        Variables& variables) {
  auto error = fail_field(*this, *entry.state, "Error", input, variables);
  if (!error.ok()) return located(entry, std::move(error.error()));
  auto cause = fail_field(*this, *entry.state, "Cause", input, variables);
  if (!cause.ok()) return located(entry, std::move(cause.error()));
  RunError failure;
  failure.error = error.value().value_or("");
  failure.error_set = error.value().has_value();
  failure.cause = cause.value().value_or("");
  failure.cause_set = cause.value().has_value();
  return failure;
}

}  // namespace wflint::run
