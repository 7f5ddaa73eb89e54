// Runs the JSONPath cases of ../shared/corpus/conformance (executions recorded against real AWS)
// and compares wflint run's results with AWS's, the way the corpus README prescribes.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run/interpreter.h"
#include "run/loaded_file.h"
#include "run/mock_config.h"
#include "run/timestamp.h"
#include "test_support.h"

namespace wflint::run {
namespace {

namespace fs = std::filesystem;

fs::path conformance_dir() {
  return fs::path(WFLINT_SOURCE_DIR) / "../shared/corpus/conformance";
}

Json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str(), nullptr, false);
}

// Replaces the member a JSON pointer names by a placeholder (both sides get the same one).
void mask(Json& document, const std::string& pointer) {
  const Json::json_pointer target(pointer);
  if (!document.contains(target)) return;
  document[target] = "<skipped>";
}

struct CaseOutcome {
  std::string name;
  bool matched = false;
  std::string why;
};

// {"output", "error", "cause"} of a result, with only the keys `expected` has.
Json comparable(const RunResult& result, const Json& expected) {
  Json actual = Json::object();
  if (expected.contains("output") && result.status == RunStatus::Succeeded) {
    actual["output"] = result.output;
  }
  if (expected.contains("error") && result.error) actual["error"] = *result.error;
  if (expected.contains("cause") && result.cause) {
    actual["cause"] = *result.cause;
    if (expected.value("cause_is_json", false)) {
      const Json parsed = Json::parse(*result.cause, nullptr, false);
      if (!parsed.is_discarded()) actual["cause"] = parsed;
    }
  }
  return actual;
}

Json expected_part(const Json& expected) {
  Json part = Json::object();
  for (const char* key : {"output", "error", "cause"}) {
    if (expected.contains(key)) part[key] = expected[key];
  }
  return part;
}

// The input, with a value that depends on the runner's clock recomputed.
Json case_input(const fs::path& dir, const Json& case_info, int64_t now_nanos) {
  Json input = read_json(dir / "input.json");
  if (case_info.contains("time_dependent_input")) {
    const std::string pointer = case_info["time_dependent_input"]["pointer"];
    const int64_t later = now_nanos + int64_t{24'856} * 86'400 * 1'000'000'000;
    input[Json::json_pointer(pointer)] = format_timestamp(Timestamp{later});
  }
  return input;
}

CaseOutcome run_case(const fs::path& dir) {
  CaseOutcome outcome;
  outcome.name = dir.parent_path().filename().string() + "/" + dir.filename().string();
  const Json expected = read_json(dir / "expected.json");
  const Json case_info = read_json(dir / "case.json");
  std::string error;
  const auto definition = load_file((dir / "definition.json").string(), error);
  if (!definition) {
    outcome.why = error;
    return outcome;
  }
  RunOptions options;
  options.start_time_nanos = 1'700'000'000LL * 1'000'000'000;
  options.input = case_input(dir, case_info, *options.start_time_nanos);
  options.state_machine_name = dir.filename().string();
  options.account = "111111111111";
  options.express = case_info.value("state_machine_type", "") == "EXPRESS";
  std::optional<MockConfig> mock_config;
  TestCaseMocks mocks;
  std::unique_ptr<LoadedFile> mock_file;
  if (fs::exists(dir / "mocks.json")) {
    mock_file = load_file((dir / "mocks.json").string(), error);
    std::vector<std::string> problems;
    if (mock_file) mock_config = MockConfig::read(*mock_file->root(), problems);
    if (!mock_config) {
      outcome.why = "mock file: " + (problems.empty() ? error : problems.front());
      return outcome;
    }
    auto selected = mock_config->test_case(options.state_machine_name, "Default");
    if (!selected.ok()) {
      outcome.why = selected.error().cause;
      return outcome;
    }
    mocks = std::move(selected.value());
    options.mocks = &mocks;
  }
  const RunResult result = run_state_machine(*definition->root(), options);
  if (std::string(to_string(result.status)) != expected["status"].get<std::string>()) {
    outcome.why = fmt::format("status {} (error {}, cause {}), AWS {}", to_string(result.status),
                              result.error.value_or("-"), result.cause.value_or("-").substr(0, 300),
                              expected["status"].get<std::string>());
    return outcome;
  }
  Json want = expected_part(expected);
  Json got = comparable(result, expected);
  for (const auto& pointer : expected.value("nondeterministic", Json::array())) {
    mask(want, pointer.get<std::string>());
    mask(got, pointer.get<std::string>());
  }
  outcome.matched = same_value(want, got);
  if (!outcome.matched) {
    outcome.why =
        fmt::format("got {}\n      AWS {}", got.dump().substr(0, 600), want.dump().substr(0, 600));
  }
  return outcome;
}

bool is_jsonata_case(const fs::path& dir) {
  if (dir.parent_path().filename() == "jsonata") return true;
  const Json info = read_json(dir / "case.json");
  return info.value("query_language", "JSONPath") != "JSONPath";
}

// The cases of one query language, in name order.
std::vector<fs::path> cases_in(bool jsonata) {
  std::vector<fs::path> cases;
  for (const auto& group : fs::directory_iterator(conformance_dir())) {
    if (!group.is_directory() || group.path().filename() == "tools") continue;
    for (const auto& entry : fs::directory_iterator(group.path())) {
      if (!fs::exists(entry.path() / "expected.json")) continue;
      if (is_jsonata_case(entry.path()) == jsonata) cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

// Runs every case, prints the share that matches and each mismatch, and returns the share.
double matching_share(const std::vector<fs::path>& cases, std::string_view language) {
  std::size_t matched = 0;
  std::string mismatches;
  for (const fs::path& dir : cases) {
    const CaseOutcome outcome = run_case(dir);
    if (outcome.matched) {
      ++matched;
    } else {
      mismatches += fmt::format("  {}: {}\n", outcome.name, outcome.why);
    }
  }
  const double share = 100.0 * static_cast<double>(matched) / static_cast<double>(cases.size());
  std::cout << fmt::format("conformance: {} of {} {} cases match AWS ({:.1f}%)\n{}", matched,
                           cases.size(), language, share, mismatches);
  return share;
}

TEST(Conformance, JsonPathCasesMatchAwsRecordings) {
  if (!fs::exists(conformance_dir())) GTEST_SKIP() << "../shared/corpus/conformance is absent";
  const std::vector<fs::path> cases = cases_in(false);
  ASSERT_GT(cases.size(), 700u);
  EXPECT_GE(matching_share(cases, "JSONPath"), 95.0);
}

TEST(Conformance, JsonataCasesMatchAwsRecordings) {
  if (!fs::exists(conformance_dir())) GTEST_SKIP() << "../shared/corpus/conformance is absent";
  const std::vector<fs::path> cases = cases_in(true);
  ASSERT_GT(cases.size(), 100u);
  EXPECT_GE(matching_share(cases, "JSONata"), 95.0);
}

}  // namespace
}  // namespace wflint::run
