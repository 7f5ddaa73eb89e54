#include "run/mock_config.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "load/node.h"
#include "run/loaded_file.h"

namespace wflint::run {

void MockedResponses::add(uint32_t first, uint32_t last, MockResponse response) {
  ranges_.push_back({first, last, std::move(response)});
}

const MockResponse* MockedResponses::at(uint32_t number) const {
  for (const Range& range : ranges_) {
    if (number >= range.first && number <= range.last) return &range.response;
  }
  return nullptr;
}

void TestCaseMocks::mock(std::string state, const MockedResponses* responses,
                         std::string response_name) {
  states_[std::move(state)] = {responses, std::move(response_name)};
}

const MockedResponses* TestCaseMocks::responses_for(std::string_view state) const {
  const auto found = states_.find(state);
  return found == states_.end() ? nullptr : found->second.responses;
}

std::string_view TestCaseMocks::response_name(std::string_view state) const {
  const auto found = states_.find(state);
  return found == states_.end() ? std::string_view() : std::string_view(found->second.name);
}

namespace {

// The first number in `value` too large for a 64-bit float (1e999), which a response could not
// return; nullptr when there is none.
const Node* overflowing_number(const Node& value) {
  std::vector<const Node*> pending{&value};
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->is_number() && std::isinf(std::strtod(std::string(node->text()).c_str(), nullptr)))
      return node;
    for (const Node& child : node->children())
      pending.push_back(&child);
  }
  return nullptr;
}

class MockConfigReader {
 public:
  explicit MockConfigReader(std::vector<std::string>& problems) : problems_(problems) {}

  void problem(const Node& node, std::string_view message) {
    problems_.push_back(message_at(node.key_span(), message));
  }

  const Node* object_member(const Node& parent, std::string_view key, bool required) {
    const Node* member = parent.find(key);
    if (member == nullptr) {
      if (required) problem(parent, fmt::format("missing \"{}\"", key));
      return nullptr;
    }
    if (!member->is_object()) {
      problem(*member, fmt::format("\"{}\" must be an object", key));
      return nullptr;
    }
    return member;
  }

  std::optional<uint32_t> parse_number(std::string_view text) {
    uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
      return std::nullopt;
    return value;
  }

  // "3" or "1-2".
  bool parse_call_range(const Node& entry, uint32_t& first, uint32_t& last) {
    const std::string_view key = entry.key();
    const auto dash = key.find('-');
    const auto a = parse_number(key.substr(0, dash));
    const auto b = dash == std::string_view::npos ? a : parse_number(key.substr(dash + 1));
    if (!a || !b || *b < *a) {
      problem(entry, fmt::format("\"{}\" is not a call number (\"0\") or range (\"1-2\")", key));
      return false;
    }
    first = *a;
    last = *b;
    return true;
  }

  std::optional<MockResponse> read_response(const Node& entry) {
    if (!entry.is_object()) {
      problem(entry, "a mocked response must be an object with \"Return\" or \"Throw\"");
      return std::nullopt;
    }
    const Node* returned = entry.find("Return");
    const Node* thrown = entry.find("Throw");
    if ((returned == nullptr) == (thrown == nullptr)) {
      problem(entry, "a mocked response needs exactly one of \"Return\" and \"Throw\"");
      return std::nullopt;
    }
    MockResponse response;
    if (returned != nullptr) {
      if (const Node* number = overflowing_number(*returned)) {
        problem(*number,
                fmt::format("{} is too large for a number a function can return", number->text()));
        return std::nullopt;
      }
      response.returned = from_node(*returned);
      return response;
    }
    const Node* error = thrown->find("Error");
    const Node* cause = thrown->find("Cause");
    if (!thrown->is_object() || error == nullptr || !error->is_string() || cause == nullptr ||
        !cause->is_string()) {
      problem(*thrown, "\"Throw\" needs \"Error\" and \"Cause\" strings");
      return std::nullopt;
    }
    response.throws = true;
    response.error = std::string(error->text());
    response.cause = std::string(cause->text());
    return response;
  }

  std::optional<MockedResponses> read_responses(const Node& named) {
    if (!named.is_object()) {
      problem(named, "a mocked response must map call numbers to responses");
      return std::nullopt;
    }
    MockedResponses responses;
    bool ok = true;
    for (const Node& entry : named.children()) {
      uint32_t first = 0, last = 0;
      if (!parse_call_range(entry, first, last)) {
        ok = false;
        continue;
      }
      auto response = read_response(entry);
      if (!response) {
        ok = false;
        continue;
      }
      responses.add(first, last, std::move(*response));
    }
    if (!ok) return std::nullopt;
    return responses;
  }

 private:
  std::vector<std::string>& problems_;
};

}  // namespace

std::optional<MockConfig> MockConfig::read(const Node& root, std::vector<std::string>& problems) {
  const std::size_t problems_before = problems.size();
  MockConfigReader reader(problems);
  MockConfig config;
  if (!root.is_object()) {
    problems.push_back(message_at(root.span(), "a mock file must be a JSON or YAML object"));
    return std::nullopt;
  }
  if (const Node* responses = reader.object_member(root, "MockedResponses", true)) {
    for (const Node& named : responses->children()) {
      if (auto read = reader.read_responses(named)) {
        config.responses_[std::string(named.key())] = std::move(*read);
      }
    }
  }
  if (const Node* machines = reader.object_member(root, "StateMachines", true)) {
    for (const Node& machine : machines->children()) {
      const Node* cases =
          machine.is_object() ? reader.object_member(machine, "TestCases", true) : nullptr;
      if (!machine.is_object()) reader.problem(machine, "a state machine entry must be an object");
      if (cases == nullptr) continue;
      auto& machine_cases = config.state_machines_[std::string(machine.key())];
      for (const Node& test_case : cases->children()) {
        if (!test_case.is_object()) {
          reader.problem(test_case, "a test case must map state names to mocked response names");
          continue;
        }
        auto& states = machine_cases[std::string(test_case.key())];
        for (const Node& state : test_case.children()) {
          if (!state.is_string()) {
            reader.problem(state, "a state's mock must be the name of a mocked response");
          } else if (root.find("MockedResponses") != nullptr &&
                     root.find("MockedResponses")->find(state.text()) == nullptr) {
            reader.problem(state, fmt::format("no mocked response is named \"{}\"", state.text()));
          } else {
            states[std::string(state.key())] = std::string(state.text());
          }
        }
      }
    }
  }
  if (problems.size() > problems_before) return std::nullopt;
  return config;
}

Outcome<TestCaseMocks> MockConfig::test_case(std::string_view state_machine,
                                             std::string_view test_case) const {
  const auto machine = state_machines_.find(state_machine);
  if (machine == state_machines_.end()) {
    return RunError{"InvalidName",
                    fmt::format("the mock file has no state machine named \"{}\"", state_machine)};
  }
  const auto found = machine->second.find(test_case);
  if (found == machine->second.end()) {
    return RunError{"InvalidName", fmt::format("state machine \"{}\" has no test case \"{}\"",
                                               state_machine, test_case)};
  }
  TestCaseMocks mocks;
  for (const auto& [state, response_name] : found->second) {
    const auto responses = responses_.find(response_name);
    mocks.mock(state, responses == responses_.end() ? nullptr : &responses->second, response_name);
  }
  return mocks;
}

}  // namespace wflint::run
