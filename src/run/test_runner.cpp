#include "run/test_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

#include "run/lambda_invoke.h"
#include "support/text.h"

namespace wflint::run {

namespace {

std::string pointer_token(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void diff_values(const Json& expected, const Json& got, const std::string& pointer, bool subset,
                 std::vector<std::string>& out) {
  if (expected.is_object() && got.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      const std::string member = pointer + "/" + pointer_token(key);
      const auto found = got.find(key);
      if (found == got.end()) {
        out.push_back(fmt::format("{}: missing, expected {}", member, to_text(value)));
      } else {
        diff_values(value, *found, member, subset, out);
      }
    }
    if (subset) return;
    for (const auto& [key, value] : got.items()) {
      if (!expected.contains(key)) {
        out.push_back(
            fmt::format("{}/{}: unexpected, got {}", pointer, pointer_token(key), to_text(value)));
      }
    }
    return;
  }
  if (expected.is_array() && got.is_array()) {
    const std::size_t common = std::min(expected.size(), got.size());
    for (std::size_t i = 0; i < common; ++i)
      diff_values(expected[i], got[i], fmt::format("{}/{}", pointer, i), subset, out);
    for (std::size_t i = common; i < expected.size(); ++i)
      out.push_back(fmt::format("{}/{}: missing, expected {}", pointer, i, to_text(expected[i])));
    for (std::size_t i = common; i < got.size(); ++i)
      out.push_back(fmt::format("{}/{}: unexpected, got {}", pointer, i, to_text(got[i])));
    return;
  }
  if (!same_value(expected, got)) {
    out.push_back(fmt::format("{}: expected {}, got {}", pointer, to_text(expected), to_text(got)));
  }
}

std::string failure_summary(const RunResult& result) {
  if (!result.error && !result.cause) return "";
  return fmt::format(" ({}: {})", result.error.value_or("no error"),
                     result.cause.value_or("no cause"));
}

bool expects_failure(const TestExpectation& expect) {
  return expect.error || expect.cause || expect.cause_contains;
}

void compare_status(const TestExpectation& expect, const RunResult& result,
                    std::vector<std::string>& out) {
  const bool succeeded = result.status == RunStatus::Succeeded;
  if (expect.status) {
    if (*expect.status == result.status) return;
    out.push_back(fmt::format("status: expected {}, got {}{}", to_string(*expect.status),
                              to_string(result.status), failure_summary(result)));
    return;
  }
  if (expects_failure(expect) && succeeded) {
    out.push_back("status: expected FAILED or TIMED_OUT, got SUCCEEDED");
  } else if (!expects_failure(expect) && !succeeded) {
    out.push_back(fmt::format("status: expected SUCCEEDED, got {}{}", to_string(result.status),
                              failure_summary(result)));
  }
}

void compare_failure(const TestExpectation& expect, const RunResult& result,
                     std::vector<std::string>& out) {
  if (expect.error && result.error != expect.error) {
    out.push_back(
        fmt::format("error: expected {}, got {}", *expect.error, result.error.value_or("none")));
  }
  const std::string got_cause =
      result.cause ? wflint::text::json_quote(*result.cause) : std::string("none");
  if (expect.cause && result.cause != expect.cause) {
    out.push_back(fmt::format("cause: expected {}, got {}", wflint::text::json_quote(*expect.cause),
                              got_cause));
  }
  if (expect.cause_contains &&
      result.cause.value_or("").find(*expect.cause_contains) == std::string::npos) {
    out.push_back(fmt::format("cause: expected to contain {}, got {}",
                              wflint::text::json_quote(*expect.cause_contains), got_cause));
  }
}

void compare_states(const std::vector<std::string>& expected, const std::vector<std::string>& got,
                    std::vector<std::string>& out) {
  if (expected == got) return;
  const auto [mismatch, unused] = std::ranges::mismatch(expected, got);
  const auto first_difference = static_cast<std::size_t>(mismatch - expected.begin());
  out.push_back(fmt::format("states: expected {}, got {} (they differ from #{})",
                            to_text(Json(expected)), to_text(Json(got)), first_difference));
}

void compare_state_outputs(const TestExpectation& expect, const RunResult& result,
                           std::vector<std::string>& out) {
  for (const auto& [state, expected] : expect.state_outputs) {
    const std::string pointer = "/state-outputs/" + pointer_token(state);
    const auto found = result.state_outputs.find(state);
    if (found == result.state_outputs.end()) {
      out.push_back(fmt::format("{}: missing, the state never completed", pointer));
    } else {
      diff_subset(expected, *found, pointer, out);
    }
  }
}

}  // namespace

void diff_exact(const Json& expected, const Json& got, const std::string& pointer,
                std::vector<std::string>& out) {
  diff_values(expected, got, pointer, false, out);
}

void diff_subset(const Json& expected, const Json& got, const std::string& pointer,
                 std::vector<std::string>& out) {
  diff_values(expected, got, pointer, true, out);
}

std::vector<std::string> compare_result(const TestExpectation& expect, const RunResult& result) {
  std::vector<std::string> out;
  compare_status(expect, result, out);
  if (result.status == RunStatus::Succeeded) {
    if (expect.output) diff_exact(*expect.output, result.output, "/output", out);
    if (expect.output_contains) diff_subset(*expect.output_contains, result.output, "/output", out);
  } else {
    compare_failure(expect, result, out);
  }
  if (expect.states) compare_states(*expect.states, result.states_entered, out);
  compare_state_outputs(expect, result, out);
  return out;
}

TestCaseResult run_test_case(const TestSpec& spec, const TestCaseSpec& test_case) {
  TestCaseResult outcome;
  outcome.name = test_case.name;
  if (!spec.definition) {
    outcome.differences.push_back("the definition could not be read");
    return outcome;
  }
  RunOptions options;
  options.input = test_case.input;
  options.state_machine_name = spec.state_machine_name;
  options.express = spec.express;
  options.seed = 0;
  options.start_time_nanos = test_case.start_time_nanos;
  options.record_states = true;

  TestCaseMocks mocks;
  if (!test_case.test_case.empty() && spec.mock_config) {
    auto selected = spec.mock_config->test_case(spec.state_machine_name, test_case.test_case);
    if (selected.ok()) mocks = std::move(selected.value());
  }
  for (const auto& [state, responses] : test_case.mocks)
    mocks.mock(state, &responses, "inline mock of " + state);
  if (!test_case.test_case.empty() || !test_case.mocks.empty()) options.mocks = &mocks;

  if (test_case.callback) options.callback = *test_case.callback;
  try {
    const RunResult result = run_state_machine(*spec.definition->root(), options);
    outcome.differences = compare_result(test_case.expect, result);
  } catch (const std::exception& error) {
    outcome.differences.push_back(fmt::format("the interpreter failed: {}", error.what()));
  }
  return outcome;
}

}  // namespace wflint::run
