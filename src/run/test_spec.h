#pragma once

// A `wflint test` spec: a state machine and the cases it is run with, in a `*.wftest.yaml`
// (or `.wftest.yml`, `.wftest.json`) file:
//
//   definition: ../state-machines/orders.asl.json  # required; relative to this file; JSON or YAML
//   mock-config: mocks.json        # optional Step Functions Local MockConfigFile, for test-case:
//   state-machine-name: Orders     # optional; default: the definition's file name ("orders")
//   express: false                 # optional; run as an EXPRESS state machine
//   cases:                         # required, at least one
//     - name: charges the card     # required, unique in the file
//       input: {"orderId": "o-1"}  # the execution input (default {}); or input-file: in.json
//       test-case: HappyPath       # optional: a test case of mock-config
//       mocks:                     # optional inline mocks by state name; they win over the
//                                  # test case's for the states they name
//         Charge: {return: {"StatusCode": 200, "Payload": {"ok": true}}}   # every call
//         Reserve:                                                        # call by call
//           - throw: {error: Lambda.TooManyRequestsException, cause: busy}  # cause optional
//           - return: {"StatusCode": 200, "Payload": {}}
//       callback: 'success:{"approved": true}'  # optional, as `wflint run --callback`: a
//                                  # .waitForTaskToken invocation then only hands the token over
//                                  # (unmocked Lambda invocations succeed with an empty result)
//       start-time: 2024-01-01T00:00:00Z        # optional; this is the default
//       expect:                    # optional; default: status SUCCEEDED
//         status: SUCCEEDED        # SUCCEEDED | FAILED | TIMED_OUT; default SUCCEEDED, or any
//                                  # failure when error, cause or cause-contains is given
//         output: {...}            # exactly (numbers by value, key order ignored)
//         output-contains: {...}   # the members given, recursively; arrays of the same length,
//                                  # element by element
//         error: States.Timeout    # exactly
//         cause: ...               # exactly
//         cause-contains: ...      # a substring of the cause
//         states: [Reserve, Charge, Done]  # the states entered, in order, exactly
//         state-outputs: {Charge: {...}}   # as output-contains, on a state's last output
//
// Everything wrong in a spec is reported at once, each problem as "path:line:col: message".

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "run/interpreter.h"
#include "run/json.h"
#include "run/loaded_file.h"
#include "run/mock_config.h"

namespace wflint::run {

// 2024-01-01T00:00:00Z: the virtual clock's start when a case gives no start-time, so that runs
// (and their $$.Execution.StartTime) are the same every time.
inline constexpr int64_t kDefaultTestStartNanos = 1'704'067'200'000'000'000;

// What a case expects of its execution; an absent member is not checked.
struct TestExpectation {
  // nullopt: SUCCEEDED, unless error, cause or cause-contains is given (then any failure).
  std::optional<RunStatus> status;
  std::optional<Json> output;
  std::optional<Json> output_contains;
  std::optional<std::string> error;
  std::optional<std::string> cause;
  std::optional<std::string> cause_contains;
  std::optional<std::vector<std::string>> states;
  std::vector<std::pair<std::string, Json>> state_outputs;  // in the spec's order
};

struct TestCaseSpec {
  std::string name;
  Json input = Json::object();
  std::string test_case;  // the MockConfigFile test case; empty for none
  // Inline mocks by state name. A std::map: TestCaseMocks points at its values.
  std::map<std::string, MockedResponses, std::less<>> mocks;
  std::optional<CallbackAnswer> callback;
  int64_t start_time_nanos = kDefaultTestStartNanos;
  TestExpectation expect;
};

struct TestSpec {
  std::string path;             // as given or found
  std::string definition_path;  // resolved against the spec's directory
  std::unique_ptr<LoadedFile> definition;
  std::optional<MockConfig> mock_config;
  std::string state_machine_name;
  bool express = false;
  std::vector<TestCaseSpec> cases;
};

// Reads the spec file `path`. On any problem, returns nullopt and appends every problem found to
// `problems` ("path:line:col: message").
std::optional<TestSpec> read_test_spec(const std::string& path, std::vector<std::string>& problems);

// Reads `text` as if it were the spec file `path` (files it names are read from disk).
std::optional<TestSpec> read_test_spec_text(const std::string& path, std::string_view text,
                                            std::vector<std::string>& problems);

// Whether `path` names a spec file by its extension.
bool is_test_spec_path(std::string_view path);

}  // namespace wflint::run
