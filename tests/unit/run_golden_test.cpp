// Golden cases of `wflint run`: each tests/run/<case>/ holds a state machine (definition.json or
// .yaml), the rest of the command line in `command` (after `wflint run DEFINITION`), any mock or
// input files it names, and `expected`: what wflint prints on stdout, then "exit N". Regenerate
// after an intended change with
//   WFLINT_UPDATE_GOLDEN=1 build/tests/wflint_tests --gtest_filter='RunGolden*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kRunCasesDir = fs::path(WFLINT_SOURCE_DIR) / "tests" / "run";

std::vector<std::string> list_run_cases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(kRunCasesDir)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string definition_in(const fs::path& dir) {
  for (const char* name : {"definition.json", "definition.yaml"}) {
    if (fs::exists(dir / name)) return name;
  }
  return "definition.json";
}

std::string run_case(const std::string& name) {
  const fs::path dir = kRunCasesDir / name;
  std::string arguments = testing::read_file((dir / "command").string());
  while (!arguments.empty() && (arguments.back() == '\n' || arguments.back() == ' ')) {
    arguments.pop_back();
  }
  const testing::CommandResult result =
      testing::run_command("cd '" + dir.string() + "' && '" WFLINT_BINARY "' run " +
                           definition_in(dir) + " " + arguments + " 2>&1");
  return result.out + "exit " + std::to_string(result.exit_code) + "\n";
}

class RunGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RunGoldenTest, OutputMatchesExpected) {
  testing::expect_golden((kRunCasesDir / GetParam() / "expected").string(), run_case(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Cases, RunGoldenTest, ::testing::ValuesIn(list_run_cases()),
                         [](const auto& test) { return testing::parameter_name(test.param); });

}  // namespace
}  // namespace wflint
