#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run/json.h"

namespace wflint {
class Node;
}

namespace wflint::run {

// One mocked answer: the value a task returns, or the error it throws.
struct MockResponse {
  bool throws = false;
  Json returned;      // when !throws
  std::string error;  // when throws
  std::string cause;
};

// The responses of one mocked state, by zero-based call number ("0", "1-2", ...).
class MockedResponses {
 public:
  void add(uint32_t first, uint32_t last, MockResponse response);
  // The response for call `number`; nullptr when the file gives none.
  const MockResponse* at(uint32_t number) const;

 private:
  struct Range {
    uint32_t first = 0;
    uint32_t last = 0;
    MockResponse response;
  };
  std::vector<Range> ranges_;
};

// The mocks of one test case: state name → its responses. States it does not name run for real.
class TestCaseMocks {
 public:
  void mock(std::string state, const MockedResponses* responses, std::string response_name);
  const MockedResponses* responses_for(std::string_view state) const;
  // The MockedResponses name a state uses (for messages).
  std::string_view response_name(std::string_view state) const;

 private:
  struct Entry {
    const MockedResponses* responses = nullptr;
    std::string name;
  };
  std::map<std::string, Entry, std::less<>> states_;
};

// A Step Functions Local MockConfigFile:
//   {"StateMachines": {NAME: {"TestCases": {CASE: {STATE: RESPONSE_NAME}}}},
//    "MockedResponses": {RESPONSE_NAME: {"0": {"Return": ...}, "1-2": {"Throw": {"Error",
//    "Cause"}}}}}
class MockConfig {
 public:
  // Reads a loaded MockConfigFile. What is wrong comes back in `problems` as
  // "path:line:col: message", all at once; the result is then empty.
  static std::optional<MockConfig> read(const Node& root, std::vector<std::string>& problems);

  // The mocks of test case `test_case` of state machine `state_machine`, or why there is none.
  Outcome<TestCaseMocks> test_case(std::string_view state_machine,
                                   std::string_view test_case) const;

 private:
  std::map<std::string, MockedResponses, std::less<>> responses_;
  // state machine → test case → state → response name
  std::map<std::string, std::map<std::string, std::map<std::string, std::string>, std::less<>>,
           std::less<>>
      state_machines_;
};

}  // namespace wflint::run
