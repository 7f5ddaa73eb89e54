#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "run/json.h"
#include "run/lambda_invoke.h"
#include "run/mock_config.h"

namespace wflint {
class Node;
}

namespace wflint::run {

enum class RunStatus : uint8_t { Succeeded, Failed, TimedOut };

std::string_view to_string(RunStatus status);

// How a `.waitForTaskToken` task hears back when no mock answers for it (`--callback`).
// A mocked `.waitForTaskToken` state's Return is the callback's output unless an answer is given:
// then the Return is the Invoke response and the answer decides.
struct CallbackAnswer {
  enum class Kind : uint8_t { None, Success, Failure };
  bool given = false;                // set by --callback
  Kind kind = Kind::None;            // None: nobody calls back, so the heartbeat or a timeout fires
  Json output;                       // Success: SendTaskSuccess output
  std::optional<std::string> error;  // Failure: SendTaskFailure error and cause (each optional)
  std::optional<std::string> cause;
};

struct RunOptions {
  Json input = Json::object();
  std::string state_machine_name = "StateMachine";
  std::string execution_name = "wflint-run";
  std::string account = "123456789012";
  std::string region = "us-east-1";
  bool express = false;  // EXPRESS: five-minute limit instead of one year
  // Mocks of the selected MockConfigFile test case; states it names never run for real.
  const TestCaseMocks* mocks = nullptr;
  // Answers Lambda invocations no mock covers (--lambda-endpoint); nullptr: such a task stops the
  // run.
  LambdaInvoker* lambda = nullptr;
  CallbackAnswer callback;
  uint64_t seed = 0;                        // jitter, States.MathRandom, States.UUID, task tokens
  std::optional<int64_t> start_time_nanos;  // the virtual clock's start; none: now
  bool real_time = false;                   // really sleep in Wait states and retry intervals
  bool record_events = false;               // keep the history (--trace)
  bool record_states = false;  // keep the states entered and their outputs (wflint test)
};

// One execution history event, named as AWS names them ("TaskStateEntered",
// "LambdaFunctionFailed").
struct HistoryEvent {
  uint64_t id = 0;
  uint64_t previous_id = 0;
  int64_t timestamp_nanos = 0;
  std::string type;
  std::string state;  // the state it belongs to, if any
  Json details;       // AWS's <type>EventDetails
};

struct RunResult {
  RunStatus status = RunStatus::Succeeded;
  Json output;  // SUCCEEDED only
  std::optional<std::string> error;
  std::optional<std::string> cause;
  std::vector<HistoryEvent> events;  // with RunOptions::record_events
  std::vector<std::string> states_entered;
  // Each state's output by name, the last time it exited (for `wflint test` expectations).
  Json state_outputs = Json::object();
};

// Runs `definition` (a loaded JSONPath-mode state machine) once, to completion, on a virtual
// clock.
RunResult run_state_machine(const Node& definition, const RunOptions& options);

}  // namespace wflint::run
