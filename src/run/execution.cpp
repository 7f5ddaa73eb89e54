#include "run/execution.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "jsonata/eval/value.h"
#include "jsonata/parser.h"
#include "load/node.h"
#include "run/jsonata_fields.h"
#include "run/jsonata_values.h"
#include "run/timestamp.h"

namespace wflint::run {

namespace {

constexpr std::string_view kExecutionTimedOut = "wflint.ExecutionTimedOut";
constexpr int64_t kStandardLimitSeconds = 365LL * 24 * 3600;
constexpr int64_t kExpressLimitSeconds = 5 * 60;
// A STANDARD execution fails when its history reaches 25,000 events. EXPRESS executions keep no
// history; this many events (a loop that never waits) stand in for their five-minute limit.
constexpr uint64_t kStandardHistoryLimit = 25'000;
constexpr uint64_t kExpressEventLimit = 10'000'000;

int64_t wall_clock_nanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool uses_jsonata(const Node& state, const Node& definition) {
  const Node* language = state.find("QueryLanguage");
  if (language == nullptr) language = definition.find("QueryLanguage");
  return language != nullptr && language->text() == "JSONata";
}

std::string event_prefix(std::string_view type) {
  if (type == "Pass" || type == "Task" || type == "Choice" || type == "Wait" || type == "Succeed" ||
      type == "Fail" || type == "Parallel" || type == "Map") {
    return std::string(type);
  }
  return "Unknown";
}

Json state_event_details(std::string_view name, const Json& data, const char* field) {
  Json details = Json::object();
  details["name"] = name;
  details[field] = to_text(data);
  details[std::string(field) + "Details"] = Json{{"truncated", false}};
  return details;
}

}  // namespace

bool is_uncatchable(const RunError& error) {
  return error.error == "States.Runtime" || error.error.starts_with("wflint.");
}

bool error_matches(const Node& error_equals, const RunError& error) {
  for (const Node& name_node : error_equals.children()) {
    const std::string_view name = name_node.text();
    if (name == error.error) return true;
    if (name == "States.ALL") return true;
    if (name == "States.TaskFailed" && error.error != "States.Timeout") return true;
    if (name == "States.HeartbeatTimeout" && error.heartbeat) return true;
  }
  return false;
}

Json error_output(const RunError& error) {
  Json output = Json::object();
  output["Error"] = error.error_set ? Json(error.error) : Json(nullptr);
  output["Cause"] = error.cause_set ? Json(error.cause) : Json(nullptr);
  return output;
}

RunError data_limit_exceeded(std::string_view label) {
  return RunError{"States.DataLimitExceeded",
                  fmt::format("The state/task '{}' returned a result with a size exceeding the "
                              "maximum number of bytes service limit.",
                              label)};
}

Execution::Execution(const Node& definition, const RunOptions& options, RunResult& result)
    : definition_(definition), options_(options), result_(result), random_(options.seed) {
  now_ = options.start_time_nanos.value_or(wall_clock_nanos());
  int64_t limit = options.express ? kExpressLimitSeconds : kStandardLimitSeconds;
  if (const Node* timeout = definition.find("TimeoutSeconds"); timeout && timeout->number()) {
    limit = std::min<int64_t>(limit, static_cast<int64_t>(*timeout->number()));
  }
  deadline_ = now_ + limit * kNanosPerSecond;
}

void Execution::build_context() {
  const RunOptions& o = options_;
  const std::string machine_arn = fmt::format("arn:aws:states:{}:{}:stateMachine:{}", o.region,
                                              o.account, o.state_machine_name);
  const std::string execution_arn =
      fmt::format("arn:aws:states:{}:{}:{}:{}:{}", o.region, o.account,
                  o.express ? "express" : "execution", o.state_machine_name, o.execution_name);
  context_ = Json::object();
  context_["Execution"] =
      Json{{"Id", execution_arn},
           {"Input", o.input},
           {"StartTime", format_timestamp(Timestamp{now_})},
           {"Name", o.execution_name},
           {"RoleArn", fmt::format("arn:aws:iam::{}:role/wflint-run", o.account)},
           {"RedriveCount", 0}};
  if (o.express)
    context_["Execution"].erase("RedriveCount");  // express executions are never redriven
  context_["StateMachine"] = Json{{"Id", machine_arn}, {"Name", o.state_machine_name}};
  context_["State"] = Json::object();
}

void Execution::enter_context_state(const StateEntry& entry) {
  Json& state = context_["State"];
  state = Json::object();
  state["Name"] = entry.name;
  state["EnteredTime"] = format_timestamp(Timestamp{now_});
  const std::string_view type = entry.state->find_string("Type");
  if (type == "Task" || type == "Map" || type == "Parallel")
    state["RetryCount"] = entry.retry_count;
}

uint64_t Execution::emit(std::string_view type, std::string_view state, Json details) {
  const uint64_t id = ++last_event_;
  if (recording()) {
    result_.events.push_back(
        HistoryEvent{id, id - 1, now_, std::string(type), std::string(state), std::move(details)});
  }
  return id;
}

Outcome<bool> Execution::elapse(int64_t nanos) {
  if (nanos <= 0) return true;
  const int64_t target = now_ + nanos;
  const int64_t until = std::min(target, deadline_);
  if (options_.real_time) std::this_thread::sleep_for(std::chrono::nanoseconds(until - now_));
  now_ = until;
  if (target > deadline_) return RunError{std::string(kExecutionTimedOut), "", false};
  return true;
}

std::optional<RunError> Execution::history_exhausted() const {
  if (options_.express && last_event_ >= kExpressEventLimit) {
    return RunError{"wflint.RunawayExecution",
                    "The execution went through 10,000,000 history events without ending; as an "
                    "EXPRESS execution it would run until its five-minute limit."};
  }
  if (!options_.express && last_event_ >= kStandardHistoryLimit) {
    return RunError{"States.Runtime",
                    "The execution reached the limit of 25,000 events in its history."};
  }
  return std::nullopt;
}

uint32_t Execution::next_mock_call(std::string_view state) {
  auto found = mock_calls_.find(state);
  if (found == mock_calls_.end()) found = mock_calls_.emplace(std::string(state), 0).first;
  return found->second++;
}

RunError Execution::located(const StateEntry& entry, RunError error) {
  if (error.error == "States.Runtime" || error.error == "States.QueryEvaluationError") {
    error.cause = fmt::format(
        "An error occurred while executing the state '{}' (entered at the "
        "event id #{}). {}",
        entry.name, entry.entered_event, error.cause);
  }
  return error;
}

Outcome<std::shared_ptr<const PreparedExpression>> Execution::jsonata_expression(
    std::string_view expression) {
  if (auto found = jsonata_expressions_.find(expression); found != jsonata_expressions_.end())
    return found->second;
  jsonata::ParseResult parsed = jsonata::parse(expression);
  if (!parsed.ast) {
    return RunError{"States.QueryEvaluationError",
                    parsed.error ? parsed.error->message : "The expression cannot be parsed."};
  }
  auto prepared = std::make_shared<const PreparedExpression>(
      prepare_expression(std::make_shared<const jsonata::Ast>(std::move(*parsed.ast))));
  jsonata_expressions_.emplace(std::string(expression), prepared);
  return std::shared_ptr<const PreparedExpression>(prepared);
}

jsonata::Value Execution::context_value() {
  if (!execution_input_value_) {
    execution_input_value_ = std::make_shared<const jsonata::Value>(to_jsonata(options_.input));
  }
  jsonata::Object context;
  for (const auto& [key, member] : context_.items()) {
    if (key != "Execution") {
      context.set(key, to_jsonata(member));
      continue;
    }
    jsonata::Object execution;
    for (const auto& [field, value] : member.items())
      execution.set(field, field == "Input" ? *execution_input_value_ : to_jsonata(value));
    context.set(key, jsonata::Value::object(std::move(execution)));
  }
  return jsonata::Value::object(std::move(context));
}

void Execution::run() {
  build_context();
  const std::size_t input_size = serialized_size(options_.input);
  emit("ExecutionStarted", "",
       recording() ? Json{{"input", to_text(options_.input)},
                          {"inputDetails", {{"truncated", false}}},
                          {"roleArn", context_["Execution"]["RoleArn"]}}
                   : Json());
  if (input_size > kDataLimitBytes) {
    finish(RunError{"States.DataLimitExceeded",
                    fmt::format("The execution input is {} bytes; Step Functions accepts at most "
                                "{} bytes.",
                                input_size, kDataLimitBytes)});
    return;
  }
  Variables variables;
  finish(run_block(definition_, options_.input, variables));
}

void Execution::finish(Outcome<Json> outcome) {
  if (outcome.ok()) {
    result_.status = RunStatus::Succeeded;
    result_.output = std::move(outcome.value());
    emit("ExecutionSucceeded", "",
         recording()
             ? Json{{"output", to_text(result_.output)}, {"outputDetails", {{"truncated", false}}}}
             : Json());
    return;
  }
  const RunError& error = outcome.error();
  if (error.error == kExecutionTimedOut) {
    result_.status = RunStatus::TimedOut;
    emit("ExecutionTimedOut", "", Json::object());
    return;
  }
  result_.status = RunStatus::Failed;
  if (error.error_set) result_.error = error.error;
  if (error.cause_set) result_.cause = error.cause;
  Json details = Json::object();
  if (error.error_set) details["error"] = error.error;
  if (error.cause_set) details["cause"] = error.cause;
  emit("ExecutionFailed", "", std::move(details));
}

Outcome<Json> Execution::run_block(const Node& block, Json input,
                                   const Variables& parent_variables) {
  Variables variables(&parent_variables);
  const Node* states = block.find("States");
  std::string current(block.find_string("StartAt"));
  Json data = std::move(input);
  for (;;) {
    if (auto exhausted = history_exhausted()) return std::move(*exhausted);
    const Node* state = states == nullptr ? nullptr : states->find(current);
    if (state == nullptr || !state->is_object()) {
      return RunError{"States.Runtime",
                      fmt::format("The state machine has no state named '{}'", current)};
    }
    auto transition = run_state(current, *state, std::move(data), variables);
    if (!transition.ok()) return std::move(transition.error());
    if (transition.value().next.empty()) return std::move(transition.value().output);
    current = std::move(transition.value().next);
    data = std::move(transition.value().output);
  }
}

Outcome<Transition> Execution::run_state(std::string_view name, const Node& state, Json input,
                                         Variables& variables) {
  const std::string_view type = state.find_string("Type");
  const std::string prefix = event_prefix(type);
  StateEntry entry{name, &state};
  entry.entered_event = emit(prefix + "StateEntered", name,
                             recording() ? state_event_details(name, input, "input") : Json());
  if (options_.record_states) result_.states_entered.emplace_back(name);
  entry.jsonata = uses_jsonata(state, definition_);
  const std::size_t input_size = serialized_size(input);
  if (input_size > kDataLimitBytes) return data_limit_exceeded(name);
  enter_context_state(entry);
  auto transition = run_state_kind(entry, type, input, variables);
  if (!transition.ok()) return transition;
  if (serialized_size(transition.value().output) > kDataLimitBytes)
    return data_limit_exceeded(name);
  if (type != "Fail") {
    emit(prefix + "StateExited", name,
         recording() ? state_event_details(name, transition.value().output, "output") : Json());
  }
  if (options_.record_states) result_.state_outputs[std::string(name)] = transition.value().output;
  return transition;
}

Outcome<Transition> Execution::run_state_kind(StateEntry& entry, std::string_view type,
                                              const Json& input, Variables& variables) {
  if (entry.jsonata) {
    if (type == "Pass" || type == "Succeed") return run_pass_jsonata(entry, input, variables);
    if (type == "Choice") return run_choice_jsonata(entry, input, variables);
    if (type == "Wait") return run_wait_jsonata(entry, input, variables);
    if (type == "Fail") return run_fail_jsonata(entry, input, variables);
  }
  if (type == "Pass") return run_pass(entry, input, variables);
  if (type == "Choice") return run_choice(entry, input, variables);
  if (type == "Wait") return run_wait(entry, input, variables);
  if (type == "Succeed") return run_succeed(entry, input, variables);
  if (type == "Fail") return run_fail(entry, input, variables);
  if (type == "Task" || type == "Parallel" || type == "Map") {
    return run_with_result(entry, type, input, variables);
  }
  return located(entry, RunError{"States.Runtime", fmt::format("Unknown state type '{}'.", type)});
}

std::string next_state_of(const Node& state) {
  if (const Node* end = state.find("End"); end != nullptr && end->bool_value()) return "";
  return std::string(state.find_string("Next"));
}

Outcome<bool> assign_variables(Execution& execution, const Node* assign, const Json& data,
                               Variables& variables) {
  if (assign == nullptr) return true;
  auto values = apply_template(*assign, execution.view_of(data, variables));
  if (!values.ok()) return std::move(values.error());
  variables.assign(values.value());
  return true;
}

Outcome<Transition> Execution::finish_with_result(const StateEntry& entry, const Json& raw_input,
                                                  Json result, Variables& variables) {
  const Node& state = *entry.state;
  auto assigned = assign_variables(*this, state.find("Assign"), result, variables);
  if (!assigned.ok()) return located(entry, std::move(assigned.error()));
  auto placed = apply_result_path(state.find("ResultPath"), raw_input, std::move(result));
  if (!placed.ok()) return located(entry, std::move(placed.error()));
  auto output = apply_filter_path(state.find("OutputPath"), view_of(placed.value(), variables));
  if (!output.ok()) return located(entry, std::move(output.error()));
  return Transition{std::move(output.value()), next_state_of(state)};
}

namespace {

// The pause before retry number `attempt` (0-based) of a retrier, in nanoseconds.
int64_t retry_delay(const Node& retrier, uint32_t attempt, std::mt19937_64& random) {
  const double interval =
      retrier.find("IntervalSeconds") && retrier.find("IntervalSeconds")->number()
          ? *retrier.find("IntervalSeconds")->number()
          : 1.0;
  const double rate = retrier.find("BackoffRate") && retrier.find("BackoffRate")->number()
                          ? *retrier.find("BackoffRate")->number()
                          : 2.0;
  double seconds = interval * std::pow(rate, attempt);
  if (const Node* max_delay = retrier.find("MaxDelaySeconds"); max_delay && max_delay->number()) {
    seconds = std::min(seconds, *max_delay->number());
  }
  if (retrier.find_string("JitterStrategy") == "FULL") {
    seconds = std::uniform_real_distribution<double>(0.0, seconds)(random);
  }
  return static_cast<int64_t>(seconds * kNanosPerSecond);
}

uint32_t max_attempts(const Node& retrier) {
  const Node* attempts = retrier.find("MaxAttempts");
  return attempts && attempts->number() ? static_cast<uint32_t>(*attempts->number()) : 3;
}

}  // namespace

Outcome<Transition> Execution::run_with_result(StateEntry& entry, std::string_view type,
                                               const Json& input, Variables& variables) {
  const Node& state = *entry.state;
  const Node* retriers = state.find("Retry");
  std::vector<uint32_t> attempts(retriers ? retriers->size() : 0, 0);
  for (;;) {
    enter_context_state(entry);
    Outcome<Json> result = [&]() -> Outcome<Json> {
      if (entry.jsonata) {
        if (type == "Map") return map_result(entry, input, variables);
        if (type == "Task") return task_result(entry, input, variables);
        auto arguments = jsonata_arguments(entry, input, variables);
        if (!arguments.ok()) return arguments;
        return parallel_result(entry, arguments.value(), variables);
      }
      auto effective = apply_filter_path(state.find("InputPath"), view_of(input, variables));
      if (!effective.ok()) return located(entry, std::move(effective.error()));
      if (type == "Map") return map_result(entry, effective.value(), variables);
      Json parameters = std::move(effective.value());
      if (const Node* template_node = state.find("Parameters");
          template_node && type == "Parallel") {
        auto made = apply_template(*template_node, view_of(parameters, variables));
        if (!made.ok()) return located(entry, std::move(made.error()));
        parameters = std::move(made.value());
      }
      if (type == "Parallel") return parallel_result(entry, parameters, variables);
      return task_result(entry, parameters, variables);
    }();
    Outcome<Transition> transition = [&]() -> Outcome<Transition> {
      if (!result.ok()) return std::move(result.error());
      if (entry.jsonata) {
        JsonataFields fields(*this, variables, input);
        fields.set_result(result.value());
        auto output = jsonata_output(entry, fields, state, result.value(), variables);
        if (!output.ok()) return std::move(output.error());
        return Transition{std::move(output.value()), next_state_of(state)};
      }
      Json value = std::move(result.value());
      if (const Node* selector = state.find("ResultSelector")) {
        auto selected = apply_template(*selector, view_of(value, variables));
        if (!selected.ok()) return located(entry, std::move(selected.error()));
        value = std::move(selected.value());
      }
      return finish_with_result(entry, input, std::move(value), variables);
    }();
    if (transition.ok()) return transition;
    RunError& error = transition.error();
    if (is_uncatchable(error)) return transition;
    // The first retrier whose ErrorEquals matches decides; an exhausted one ends retrying.
    bool retried = false;
    if (retriers != nullptr) {
      for (std::size_t i = 0; i < retriers->size(); ++i) {
        const Node& retrier = retriers->children()[i];
        const Node* equals = retrier.find("ErrorEquals");
        if (equals == nullptr || !error_matches(*equals, error)) continue;
        if (attempts[i] < max_attempts(retrier)) {
          auto waited = elapse(retry_delay(retrier, attempts[i], random_));
          if (!waited.ok()) return std::move(waited.error());
          ++attempts[i];
          ++entry.retry_count;
          retried = true;
        }
        break;
      }
    }
    if (retried) continue;
    Outcome<bool> problem = true;
    if (auto caught = catch_error(entry, error, input, variables, problem))
      return std::move(*caught);
    if (!problem.ok()) return std::move(problem.error());
    return transition;
  }
}

std::optional<Transition> Execution::catch_error(const StateEntry& entry, const RunError& error,
                                                 const Json& raw_input, Variables& variables,
                                                 Outcome<bool>& problem) {
  const Node* catchers = entry.state->find("Catch");
  if (catchers == nullptr) return std::nullopt;
  for (const Node& catcher : catchers->children()) {
    const Node* equals = catcher.find("ErrorEquals");
    if (equals == nullptr || !error_matches(*equals, error)) continue;
    Json output = error_output(error);
    if (entry.jsonata) {
      JsonataFields fields(*this, variables, raw_input);
      fields.set_error_output(output);
      auto caught = jsonata_output(entry, fields, catcher, output, variables);
      if (!caught.ok()) {
        problem = std::move(caught.error());
        return std::nullopt;
      }
      return Transition{std::move(caught.value()), std::string(catcher.find_string("Next"))};
    }
    auto assigned = assign_variables(*this, catcher.find("Assign"), output, variables);
    if (!assigned.ok()) {
      problem = located(entry, std::move(assigned.error()));
      return std::nullopt;
    }
    auto placed = apply_result_path(catcher.find("ResultPath"), raw_input, std::move(output));
    if (!placed.ok()) {
      problem = located(entry, std::move(placed.error()));
      return std::nullopt;
    }
    return Transition{std::move(placed.value()), std::string(catcher.find_string("Next"))};
  }
  return std::nullopt;
}

std::string_view to_string(RunStatus status) {
  switch (status) {
    case RunStatus::Succeeded:
      return "SUCCEEDED";
    case RunStatus::Failed:
      return "FAILED";
    case RunStatus::TimedOut:
      return "TIMED_OUT";
  }
  return "FAILED";
}

RunResult run_state_machine(const Node& definition, const RunOptions& options) {
  RunResult result;
  Execution execution(definition, options, result);
  execution.run();
  return result;
}

}  // namespace wflint::run
