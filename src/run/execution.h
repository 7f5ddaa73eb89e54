#pragma once

// The interpreter's internals, shared by the files that run each kind of state.

#include <map>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "run/data_view.h"
#include "run/interpreter.h"
#include "run/variables.h"

namespace wflint::jsonata {
class Value;
}  // namespace wflint::jsonata

namespace wflint::run {

class JsonataFields;
struct PreparedExpression;

inline constexpr std::size_t kDataLimitBytes = 262'144;
inline constexpr int64_t kNanosPerSecond = 1'000'000'000;

// Where a state sends the execution: its output and the next state, or the end of its block.
struct Transition {
  Json output;
  std::string next;  // empty: the block ends here
};

// The state being executed: what errors raised by its own fields need to name.
struct StateEntry {
  std::string_view name;
  const Node* state = nullptr;
  uint64_t entered_event = 0;
  uint32_t retry_count = 0;
  bool jsonata = false;  // its QueryLanguage (or the machine's) is JSONata
};

class Execution {
 public:
  Execution(const Node& definition, const RunOptions& options, RunResult& result);

  void run();

  // Runs a States block (the machine, a Parallel branch, a Map iteration) from its StartAt.
  Outcome<Json> run_block(const Node& block, Json input, const Variables& parent_variables);

  // History: every event gets the next id; details are kept only with record_events.
  uint64_t emit(std::string_view type, std::string_view state, Json details = nullptr);
  bool recording() const { return options_.record_events && !recording_suspended_; }

  // The virtual clock.
  int64_t now() const { return now_; }
  // Moves the clock on; fails with an execution timeout when that passes the deadline.
  Outcome<bool> elapse(int64_t nanos);
  int64_t deadline() const { return deadline_; }

  // A States.Runtime or States.QueryEvaluationError raised by a state's own fields, with AWS's
  // prefix "An error occurred while executing the state 'S' (entered at the event id #N). ".
  static RunError located(const StateEntry& entry, RunError error);

  // A JSONata expression parsed and compiled once per execution; a syntax error is returned as
  // the cause of a RunError.
  Outcome<std::shared_ptr<const PreparedExpression>> jsonata_expression(
      std::string_view expression);

  DataView view_of(const Json& data, const Variables& variables) {
    return DataView{&data, &context_, &variables, &random_};
  }
  Json& context() { return context_; }
  // The context object as a JSONata value; the execution input in it is converted only once.
  jsonata::Value context_value();
  const RunOptions& options() const { return options_; }
  std::mt19937_64& random() { return random_; }
  // The zero-based number of this call of a mocked state.
  uint32_t next_mock_call(std::string_view state);

  // State kinds (execution.cpp, task_state.cpp, map_state.cpp, parallel_state.cpp).
  Outcome<Transition> run_pass(const StateEntry& entry, const Json& input, Variables& variables);
  Outcome<Transition> run_choice(const StateEntry& entry, const Json& input, Variables& variables);
  Outcome<Transition> run_wait(const StateEntry& entry, const Json& input, Variables& variables);
  Outcome<Transition> run_succeed(const StateEntry& entry, const Json& input, Variables& variables);
  Outcome<Transition> run_fail(const StateEntry& entry, const Json& input, Variables& variables);
  // Task, Parallel and Map produce a result, then share ResultSelector/ResultPath/OutputPath,
  // Retry and Catch.
  Outcome<Json> task_result(const StateEntry& entry, const Json& effective_input,
                            Variables& variables);
  Outcome<Json> parallel_result(const StateEntry& entry, const Json& effective_input,
                                Variables& variables);
  Outcome<Json> map_result(const StateEntry& entry, const Json& effective_input,
                           Variables& variables);

  // The same states in JSONata mode (jsonata_states.cpp).
  Outcome<Transition> run_pass_jsonata(const StateEntry& entry, const Json& input,
                                       Variables& variables);
  Outcome<Transition> run_choice_jsonata(const StateEntry& entry, const Json& input,
                                         Variables& variables);
  Outcome<Transition> run_wait_jsonata(const StateEntry& entry, const Json& input,
                                       Variables& variables);
  Outcome<Transition> run_fail_jsonata(const StateEntry& entry, const Json& input,
                                       Variables& variables);
  // Arguments of a Task or Parallel state, or its input when it has none.
  Outcome<Json> jsonata_arguments(const StateEntry& entry, const Json& input,
                                  const Variables& variables);
  // Assign, then Output (default: `default_output`), of a JSONata state, its matched Choice rule
  // or catcher, all evaluated with the variables as of state entry.
  Outcome<Json> jsonata_output(const StateEntry& entry, JsonataFields& fields, const Node& owner,
                               Json default_output, Variables& variables);
  Outcome<Json> jsonata_output(const StateEntry& entry, JsonataFields& fields, const Node* assign,
                               const Node* output, Json default_output, Variables& variables);

  // Sets $$.State for the state being run.
  void enter_context_state(const StateEntry& entry);

 private:
  Outcome<Transition> run_state(std::string_view name, const Node& state, Json input,
                                Variables& variables);
  Outcome<Transition> run_state_kind(StateEntry& entry, std::string_view type, const Json& input,
                                     Variables& variables);
  Outcome<Transition> run_with_result(StateEntry& entry, std::string_view type, const Json& input,
                                      Variables& variables);
  Outcome<Transition> finish_with_result(const StateEntry& entry, const Json& raw_input,
                                         Json result, Variables& variables);
  std::optional<Transition> catch_error(const StateEntry& entry, const RunError& error,
                                        const Json& raw_input, Variables& variables,
                                        Outcome<bool>& problem);
  void build_context();
  // Why the execution must stop for the size of its history, if it must.
  std::optional<RunError> history_exhausted() const;
  void finish(Outcome<Json> outcome);

  const Node& definition_;
  const RunOptions& options_;
  RunResult& result_;
  Json context_;
  std::mt19937_64 random_;
  int64_t now_ = 0;
  int64_t deadline_ = 0;
  uint64_t last_event_ = 0;
  bool recording_suspended_ = false;  // inside a distributed Map's child execution
  std::map<std::string, uint32_t, std::less<>> mock_calls_;
  std::map<std::string, std::shared_ptr<const PreparedExpression>, std::less<>>
      jsonata_expressions_;
  std::shared_ptr<const jsonata::Value> execution_input_value_;
};

// A state's Next ("" when it has none).
std::string next_state_of(const Node& state);

// Assign (JSONPath): evaluated against `data` with the variables as of state entry.
Outcome<bool> assign_variables(Execution& execution, const Node* assign, const Json& data,
                               Variables& variables);

// Whether ErrorEquals names match `error` (States.ALL, States.TaskFailed, ...).
bool error_matches(const Node& error_equals, const RunError& error);

// Errors no Retry or Catch handles.
bool is_uncatchable(const RunError& error);

// The error output a Catch receives: {"Error": ..., "Cause": ...}.
Json error_output(const RunError& error);

// States.DataLimitExceeded for a result of `label` ("lambda", a function ARN, a state name).
RunError data_limit_exceeded(std::string_view label);

}  // namespace wflint::run
