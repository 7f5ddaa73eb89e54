// Pass, Choice, Wait, Succeed and Fail in JSONata mode, and what Task, Parallel and Map share
// there: Arguments, Assign and Output.
#include <fmt/format.h>

#include "load/node.h"
#include "run/execution.h"
#include "run/jsonata_fields.h"
#include "run/timestamp.h"

namespace wflint::run {

Outcome<Json> Execution::jsonata_output(const StateEntry& entry, JsonataFields& fields,
                                        const Node& owner, Json default_output,
                                        Variables& variables) {
  return jsonata_output(entry, fields, owner.find("Assign"), owner.find("Output"),
                        std::move(default_output), variables);
}

Outcome<Json> Execution::jsonata_output(const StateEntry& entry, JsonataFields& fields,
                                        const Node* assign, const Node* output_field,
                                        Json default_output, Variables& variables) {
  Json assigned;
  if (assign != nullptr) {
    auto values = fields.assignments(*assign);
    if (!values.ok()) return located(entry, std::move(values.error()));
    assigned = std::move(values.value());
  }
  Json output = std::move(default_output);
  if (output_field != nullptr) {
    auto computed = fields.value(*output_field, "Output");
    if (!computed.ok()) return located(entry, std::move(computed.error()));
    output = std::move(computed.value());
  }
  if (!assigned.is_null()) variables.assign(assigned);
  return output;
}

Outcome<Json> Execution::jsonata_arguments(const StateEntry& entry, const Json& input,
                                           const Variables& variables) {
  const Node* arguments = entry.state->find("Arguments");
  if (arguments == nullptr) return input;
  JsonataFields fields(*this, variables, input);
  auto computed = fields.value(*arguments, "Arguments");
  if (!computed.ok()) return located(entry, std::move(computed.error()));
  return computed;
}

Outcome<Transition> Execution::run_pass_jsonata(const StateEntry& entry, const Json& input,
                                                Variables& variables) {
  JsonataFields fields(*this, variables, input);
  auto output = jsonata_output(entry, fields, *entry.state, input, variables);
  if (!output.ok()) return std::move(output.error());
  return Transition{std::move(output.value()), next_state_of(*entry.state)};
}

Outcome<Transition> Execution::run_choice_jsonata(const StateEntry& entry, const Json& input,
                                                  Variables& variables) {
  const Node& state = *entry.state;
  JsonataFields fields(*this, variables, input);
  const Node* matched_rule = nullptr;
  if (const Node* choices = state.find("Choices")) {
    for (const Node& rule : choices->children()) {
      const Node* condition = rule.find("Condition");
      if (condition == nullptr) continue;
      auto holds = fields.typed_value(*condition, "Condition", "boolean");
      if (!holds.ok()) return located(entry, std::move(holds.error()));
      if (holds.value().get<bool>()) {
        matched_rule = &rule;
        break;
      }
    }
  }
  std::string next(matched_rule ? matched_rule->find_string("Next") : state.find_string("Default"));
  if (next.empty()) {
    return RunError{"States.NoChoiceMatched",
                    fmt::format("No Choice rule of state '{}' matched the input, and it has no "
                                "Default.",
                                entry.name)};
  }
  // A matched rule's Assign replaces the state's, and so does its Output when it has one.
  const Node* assign = matched_rule ? matched_rule->find("Assign") : state.find("Assign");
  const Node* output_field = matched_rule && matched_rule->find("Output")
                                 ? matched_rule->find("Output")
                                 : state.find("Output");
  auto output = jsonata_output(entry, fields, assign, output_field, input, variables);
  if (!output.ok()) return std::move(output.error());
  return Transition{std::move(output.value()), std::move(next)};
}

namespace {

constexpr int64_t kTooFarSeconds = 2'147'483'647;  // AWS rejects a delay of 2^31 s or more

RunError query_error(std::string cause) {
  return RunError{"States.QueryEvaluationError", std::move(cause)};
}

// How long a JSONata Wait state waits: Seconds (an integer) or Timestamp (ISO 8601).
Outcome<int64_t> jsonata_wait_nanos(Execution& execution, const Node& state,
                                    JsonataFields& fields) {
  if (const Node* seconds_field = state.find("Seconds")) {
    auto seconds = fields.typed_value(*seconds_field, "Seconds", "integer");
    if (!seconds.ok()) return std::move(seconds.error());
    const int64_t value = seconds.value().get<int64_t>();
    if (value < 0) return query_error("The Seconds field must not be negative.");
    if (value >= kTooFarSeconds) return RunError{"States.Runtime", "Wait state delay is too long."};
    return value * kNanosPerSecond;
  }
  const Node* timestamp_field = state.find("Timestamp");
  if (timestamp_field == nullptr) return int64_t{0};
  auto text = fields.value(*timestamp_field, "Timestamp");
  if (!text.ok()) return std::move(text.error());
  std::optional<Timestamp> until;
  if (text.value().is_string()) until = parse_timestamp(text.value().get<std::string>());
  if (!until) {
    return query_error(fmt::format(
        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format "
        "string: {}",
        message_text(text.value())));
  }
  if (until->nanos <= execution.now()) return int64_t{0};
  const int64_t delay = until->nanos - execution.now();
  if (delay / kNanosPerSecond >= kTooFarSeconds)
    return RunError{"States.Runtime", "Wait state delay is too long."};
  return delay;
}

}  // namespace

Outcome<Transition> Execution::run_wait_jsonata(const StateEntry& entry, const Json& input,
                                                Variables& variables) {
  JsonataFields fields(*this, variables, input);
  auto delay = jsonata_wait_nanos(*this, *entry.state, fields);
  if (!delay.ok()) return located(entry, std::move(delay.error()));
  auto waited = elapse(delay.value());
  if (!waited.ok()) return std::move(waited.error());
  auto output = jsonata_output(entry, fields, *entry.state, input, variables);
  if (!output.ok()) return std::move(output.error());
  return Transition{std::move(output.value()), next_state_of(*entry.state)};
}

Outcome<Transition> Execution::run_fail_jsonata(const StateEntry& entry, const Json& input,
                                                Variables& variables) {
  JsonataFields fields(*this, variables, input);
  RunError failure;
  failure.error_set = false;
  failure.cause_set = false;
  if (const Node* error = entry.state->find("Error")) {
    auto value = fields.typed_value(*error, "Error", "string");
    if (!value.ok()) return located(entry, std::move(value.error()));
    failure.error = value.value().get<std::string>();
    failure.error_set = true;
  }
  if (const Node* cause = entry.state->find("Cause")) {
    auto value = fields.typed_value(*cause, "Cause", "string");
    if (!value.ok()) return located(entry, std::move(value.error()));
    failure.cause = value.value().get<std::string>();
    failure.cause_set = true;
  }
  return failure;
}

}  // namespace wflint::run
