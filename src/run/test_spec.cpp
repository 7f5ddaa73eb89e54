#include "run/test_spec.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <set>

#include "load/node.h"
#include "run/run_arguments.h"
#include "run/timestamp.h"
#include "support/text.h"

namespace wflint::run {

namespace {

constexpr std::array<std::string_view, 5> kSpecKeys = {"definition", "mock-config",
                                                       "state-machine-name", "express", "cases"};
constexpr std::array<std::string_view, 8> kCaseKeys = {
    "name", "input", "input-file", "test-case", "mocks", "callback", "start-time", "expect"};
constexpr std::array<std::string_view, 8> kExpectKeys = {
    "status", "output",         "output-contains", "error",
    "cause",  "cause-contains", "states",          "state-outputs"};
constexpr std::array<std::string_view, 2> kResponseKeys = {"return", "throw"};
constexpr std::array<std::string_view, 2> kThrowKeys = {"error", "cause"};

std::string json_quoted(std::string_view text) {
  return wflint::text::json_quote(text);
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (const std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

// `relative` as seen from the current directory, when it is written relative to `spec_path`.
std::string resolve_beside(const std::string& spec_path, std::string_view relative) {
  const std::filesystem::path target(relative);
  if (target.is_absolute()) return target.string();
  const std::filesystem::path directory = std::filesystem::path(spec_path).parent_path();
  return (directory / target).lexically_normal().string();
}

// Every state name of a definition, nested ones (Parallel branches, Map processors) included.
void collect_state_names(const Node& node, std::set<std::string, std::less<>>& names) {
  if (!node.is_object() && !node.is_array()) return;
  for (const Node& child : node.children()) {
    if (child.has_key() && child.key() == "States" && child.is_object()) {
      for (const Node& state : child.children())
        names.emplace(state.key());
    }
    collect_state_names(child, names);
  }
}

class SpecReader {
 public:
  SpecReader(std::string path, std::vector<std::string>& problems)
      : path_(std::move(path)), problems_(problems) {}

  std::optional<TestSpec> read(const Node& root) {
    const std::size_t problems_before = problems_.size();
    TestSpec spec;
    spec.path = path_;
    if (!root.is_object()) {
      problem(root.span(), "a test spec must be a mapping with \"definition\" and \"cases\"");
      return std::nullopt;
    }
    check_keys(root, kSpecKeys, "a test spec");
    read_definition(root, spec);
    read_mock_config(root, spec);
    if (const Node* name = string_member(root, "state-machine-name")) {
      spec.state_machine_name = std::string(name->text());
    } else if (!spec.definition_path.empty()) {
      spec.state_machine_name = state_machine_name_of(spec.definition_path);
    }
    if (const Node* express = member_of_kind(root, "express", NodeKind::Bool, "a boolean")) {
      spec.express = express->bool_value();
    }
    read_cases(root, spec);
    if (problems_.size() > problems_before) return std::nullopt;
    return spec;
  }

 private:
  void problem(const Span& span, std::string_view message) {
    problems_.push_back(message_at(span, message));
  }

  void check_keys(const Node& object, std::span<const std::string_view> allowed,
                  std::string_view where) {
    for (const Node& member : object.children()) {
      if (std::ranges::find(allowed, member.key()) != allowed.end()) continue;
      const std::string_view suggestion = wflint::text::closest_match(member.key(), allowed);
      problem(member.key_span(),
              suggestion.empty()
                  ? fmt::format("unknown key {} in {}; expected one of: {}",
                                json_quoted(member.key()), where, joined(allowed))
                  : fmt::format("unknown key {} in {}; did you mean {}?", json_quoted(member.key()),
                                where, json_quoted(suggestion)));
    }
  }

  // Member `key` when it is present and of `kind`; a problem when it has another kind.
  const Node* member_of_kind(const Node& object, std::string_view key, NodeKind kind,
                             std::string_view kind_name) {
    const Node* member = object.find(key);
    if (member == nullptr) return nullptr;
    if (member->kind() != kind) {
      problem(member->span(), fmt::format("{} must be {}", json_quoted(key), kind_name));
      return nullptr;
    }
    return member;
  }

  const Node* string_member(const Node& object, std::string_view key) {
    return member_of_kind(object, key, NodeKind::String, "a string");
  }

  const Node* required(const Node& object, std::string_view key, NodeKind kind,
                       std::string_view kind_name, std::string_view where) {
    if (object.find(key) == nullptr) {
      problem(object.key_span(), fmt::format("{} has no {}", where, json_quoted(key)));
      return nullptr;
    }
    return member_of_kind(object, key, kind, kind_name);
  }

  std::unique_ptr<LoadedFile> load_beside(const Node& value, std::string& resolved) {
    resolved = resolve_beside(path_, value.text());
    std::string error;
    auto file = load_file(resolved, error);
    if (!file)
      problem(value.span(), fmt::format("cannot read {}: {}", json_quoted(value.text()), error));
    return file;
  }

  void read_definition(const Node& root, TestSpec& spec) {
    const Node* value = required(root, "definition", NodeKind::String, "a string", "a test spec");
    if (value == nullptr) return;
    spec.definition = load_beside(*value, spec.definition_path);
    if (!spec.definition) return;
    const Node& definition = *spec.definition->root();
    if (!definition.is_object() || definition.find("StartAt") == nullptr ||
        definition.find("States") == nullptr) {
      problem(value->span(), fmt::format("{} is not a state machine (no StartAt and States)",
                                         spec.definition_path));
      spec.definition.reset();
      return;
    }
    collect_state_names(definition, state_names_);
  }

  void read_mock_config(const Node& root, TestSpec& spec) {
    const Node* value = string_member(root, "mock-config");
    if (value == nullptr) return;
    mock_config_node_ = value;
    std::string resolved;
    const auto file = load_beside(*value, resolved);
    if (file) spec.mock_config = MockConfig::read(*file->root(), problems_);
  }

  void read_cases(const Node& root, TestSpec& spec) {
    const Node* cases = required(root, "cases", NodeKind::Array, "a list of cases", "a test spec");
    if (cases == nullptr) return;
    if (cases->size() == 0) problem(cases->span(), "\"cases\" is empty: give at least one case");
    std::map<std::string, const Node*, std::less<>> names;
    for (const Node& entry : cases->children()) {
      if (!entry.is_object()) {
        problem(entry.span(), "a case must be a mapping with \"name\"");
        continue;
      }
      TestCaseSpec test_case = read_case(entry, spec);
      if (test_case.name.empty()) continue;
      const auto [previous, inserted] = names.emplace(test_case.name, entry.find("name"));
      if (!inserted) {
        problem(entry.find("name")->span(),
                fmt::format("another case is named {} (line {})", json_quoted(test_case.name),
                            locate(previous->second->span()).begin.line));
      }
      spec.cases.push_back(std::move(test_case));
    }
  }

  TestCaseSpec read_case(const Node& entry, const TestSpec& spec) {
    TestCaseSpec test_case;
    check_keys(entry, kCaseKeys, "a case");
    if (const Node* name = required(entry, "name", NodeKind::String, "a string", "a case")) {
      test_case.name = std::string(name->text());
      if (test_case.name.empty()) problem(name->span(), "a case's name must not be empty");
    }
    read_input(entry, test_case);
    read_test_case(entry, spec, test_case);
    if (const Node* mocks = member_of_kind(entry, "mocks", NodeKind::Object, "a mapping")) {
      read_mocks(*mocks, test_case);
    }
    read_callback(entry, test_case);
    read_start_time(entry, test_case);
    if (const Node* expect = member_of_kind(entry, "expect", NodeKind::Object, "a mapping")) {
      read_expectation(*expect, test_case.expect);
    }
    return test_case;
  }

  void read_input(const Node& entry, TestCaseSpec& test_case) {
    const Node* input = entry.find("input");
    if (input != nullptr) test_case.input = from_node(*input);
    const Node* file_name = string_member(entry, "input-file");
    if (file_name == nullptr) return;
    if (input != nullptr) {
      problem(file_name->key_span(), "give \"input\" or \"input-file\", not both");
      return;
    }
    std::string resolved;
    if (const auto file = load_beside(*file_name, resolved)) {
      test_case.input = from_node(*file->root());
    }
  }

  void read_test_case(const Node& entry, const TestSpec& spec, TestCaseSpec& test_case) {
    const Node* value = string_member(entry, "test-case");
    if (value == nullptr) return;
    test_case.test_case = std::string(value->text());
    if (mock_config_node_ == nullptr) {
      problem(value->span(), "\"test-case\" needs a \"mock-config\" file at the top level");
      return;
    }
    if (!spec.mock_config) return;  // its problems are already reported
    const auto selected = spec.mock_config->test_case(spec.state_machine_name, value->text());
    if (!selected.ok()) {
      problem(value->span(),
              fmt::format("{}: {}", mock_config_node_->text(), selected.error().cause));
    }
  }

  void check_state_name(const Node& member, std::string_view where) {
    if (state_names_.empty() || state_names_.contains(member.key())) return;
    std::vector<std::string_view> candidates(state_names_.begin(), state_names_.end());
    const std::string_view suggestion = wflint::text::closest_match(member.key(), candidates);
    problem(
        member.key_span(),
        fmt::format(
            "{}: the definition has no state named {}{}", where, json_quoted(member.key()),
            suggestion.empty() ? "" : fmt::format("; did you mean {}?", json_quoted(suggestion))));
  }

  void read_mocks(const Node& mocks, TestCaseSpec& test_case) {
    for (const Node& state : mocks.children()) {
      check_state_name(state, "mocks");
      MockedResponses responses;
      if (state.is_object()) {
        if (auto response = read_response(state)) {
          responses.add(0, std::numeric_limits<uint32_t>::max(), std::move(*response));
        }
      } else if (state.is_array() && state.size() > 0) {
        uint32_t call = 0;
        for (const Node& element : state.children()) {
          if (auto response = read_response(element)) responses.add(call, call, *response);
          ++call;
        }
      } else {
        problem(state.span(),
                "a mock must be a response ({return: VALUE} or {throw: {error, cause}}) or a "
                "non-empty list of responses, one a call");
      }
      test_case.mocks.emplace(std::string(state.key()), std::move(responses));
    }
  }

  std::optional<MockResponse> read_response(const Node& node) {
    if (!node.is_object()) {
      problem(node.span(), "a mocked response must be {return: VALUE} or {throw: {error, cause}}");
      return std::nullopt;
    }
    check_keys(node, kResponseKeys, "a mocked response");
    const Node* returned = node.find("return");
    const Node* thrown = node.find("throw");
    if ((returned == nullptr) == (thrown == nullptr)) {
      problem(node.span(), "a mocked response needs exactly one of \"return\" and \"throw\"");
      return std::nullopt;
    }
    MockResponse response;
    if (returned != nullptr) {
      response.returned = from_node(*returned);
      return response;
    }
    if (!thrown->is_object()) {
      problem(thrown->span(), "\"throw\" must be a mapping with \"error\" and \"cause\"");
      return std::nullopt;
    }
    check_keys(*thrown, kThrowKeys, "\"throw\"");
    const Node* error = required(*thrown, "error", NodeKind::String, "a string", "\"throw\"");
    const Node* cause = string_member(*thrown, "cause");
    if (error == nullptr) return std::nullopt;
    response.throws = true;
    response.error = std::string(error->text());
    if (cause != nullptr) response.cause = std::string(cause->text());
    return response;
  }

  void read_callback(const Node& entry, TestCaseSpec& test_case) {
    const Node* value = string_member(entry, "callback");
    if (value == nullptr) return;
    auto callback = parse_callback(value->text());
    if (!callback.ok()) {
      problem(value->span(),
              fmt::format("\"callback\" must be success:JSON, failure[:ERROR[:CAUSE]] or none: {}",
                          callback.error().cause));
      return;
    }
    test_case.callback = std::move(callback.value());
  }

  void read_start_time(const Node& entry, TestCaseSpec& test_case) {
    const Node* value = string_member(entry, "start-time");
    if (value == nullptr) return;
    const auto start = parse_timestamp(value->text());
    if (!start) {
      problem(value->span(),
              fmt::format("\"start-time\" {} is not a timestamp such as 2024-01-01T00:00:00Z",
                          json_quoted(value->text())));
      return;
    }
    test_case.start_time_nanos = start->nanos;
  }

  void read_status(const Node& expect, TestExpectation& expectation) {
    const Node* value = string_member(expect, "status");
    if (value == nullptr) return;
    for (const RunStatus status : {RunStatus::Succeeded, RunStatus::Failed, RunStatus::TimedOut}) {
      if (value->text() == to_string(status)) expectation.status = status;
    }
    if (!expectation.status) {
      problem(value->span(), fmt::format("\"status\" {} is not one of SUCCEEDED, FAILED, TIMED_OUT",
                                         json_quoted(value->text())));
    }
  }

  void read_expectation(const Node& expect, TestExpectation& expectation) {
    check_keys(expect, kExpectKeys, "\"expect\"");
    read_status(expect, expectation);
    if (const Node* output = expect.find("output")) expectation.output = from_node(*output);
    if (const Node* output = expect.find("output-contains"))
      expectation.output_contains = from_node(*output);
    if (const Node* error = string_member(expect, "error"))
      expectation.error = std::string(error->text());
    if (const Node* cause = string_member(expect, "cause"))
      expectation.cause = std::string(cause->text());
    if (const Node* cause = string_member(expect, "cause-contains"))
      expectation.cause_contains = std::string(cause->text());
    read_states(expect, expectation);
    if (const Node* outputs =
            member_of_kind(expect, "state-outputs", NodeKind::Object, "a mapping")) {
      for (const Node& state : outputs->children()) {
        check_state_name(state, "state-outputs");
        expectation.state_outputs.emplace_back(std::string(state.key()), from_node(state));
      }
    }
    check_consistency(expect, expectation);
  }

  void read_states(const Node& expect, TestExpectation& expectation) {
    const Node* states = member_of_kind(expect, "states", NodeKind::Array, "a list of state names");
    if (states == nullptr) return;
    std::vector<std::string> names;
    for (const Node& name : states->children()) {
      if (!name.is_string()) {
        problem(name.span(), "\"states\" must list state names (strings)");
        return;
      }
      names.emplace_back(name.text());
    }
    expectation.states = std::move(names);
  }

  // Expectations no execution can meet are mistakes in the spec, not failures of the machine.
  void check_consistency(const Node& expect, const TestExpectation& expectation) {
    const bool expects_failure =
        expectation.error || expectation.cause || expectation.cause_contains;
    const bool expects_output = expectation.output || expectation.output_contains;
    if (expects_failure && expects_output) {
      problem(expect.key_span(),
              "\"expect\" gives both an output and an error or cause: an execution has one or "
              "the other");
    } else if (expectation.status == RunStatus::Succeeded && expects_failure) {
      problem(expect.find("status")->span(),
              "status SUCCEEDED has no error or cause to check: remove them or expect FAILED");
    } else if (expectation.status && expectation.status != RunStatus::Succeeded && expects_output) {
      problem(expect.find("status")->span(),
              fmt::format("only a SUCCEEDED execution has an output to check, not {}",
                          to_string(*expectation.status)));
    }
  }

  std::string path_;
  std::vector<std::string>& problems_;
  std::set<std::string, std::less<>> state_names_;
  const Node* mock_config_node_ = nullptr;
};

std::optional<TestSpec> read_loaded(const std::string& path, std::unique_ptr<LoadedFile> file,
                                    const std::string& error, std::vector<std::string>& problems) {
  if (!file) {
    problems.push_back(error);
    return std::nullopt;
  }
  return SpecReader(path, problems).read(*file->root());
}

}  // namespace

std::optional<TestSpec> read_test_spec(const std::string& path,
                                       std::vector<std::string>& problems) {
  std::string error;
  auto file = load_file(path, error);
  return read_loaded(path, std::move(file), error, problems);
}

std::optional<TestSpec> read_test_spec_text(const std::string& path, std::string_view text,
                                            std::vector<std::string>& problems) {
  std::string error;
  auto file = load_text(path, text, error);
  return read_loaded(path, std::move(file), error, problems);
}

bool is_test_spec_path(std::string_view path) {
  return path.ends_with(".wftest.yaml") || path.ends_with(".wftest.yml") ||
         path.ends_with(".wftest.json");
}

}  // namespace wflint::run
