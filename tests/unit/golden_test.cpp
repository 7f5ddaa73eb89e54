// Golden cases: tests/cases/**/<name>.<json|yaml|yml|tf> with the expected text output beside it in
// <name>.expected. Regenerate after an intended change with
//   WFLINT_UPDATE_GOLDEN=1 build/wflint_tests --gtest_filter='Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "report/reporter.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kCasesDir = fs::path(WFLINT_SOURCE_DIR) / "tests" / "cases";

bool is_input(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".tf";
}

std::vector<std::string> list_cases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::recursive_directory_iterator(kCasesDir)) {
    if (entry.is_regular_file() && is_input(entry.path())) {
      cases.push_back(fs::relative(entry.path(), kCasesDir).generic_string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string render(const std::string& relative_path) {
  const std::string text = testing::read_file((kCasesDir / relative_path).string());
  FileReport report = testing::check_text(relative_path, text);
  std::ostringstream out;
  auto reporter = make_text_reporter(out, TextOptions{false, false});
  Summary summary;
  summary.add(report);
  reporter->add_file(report);
  reporter->finish(summary);
  return out.str();
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, OutputMatchesExpected) {
  const fs::path expected_path = (kCasesDir / GetParam()).replace_extension(".expected");
  testing::expect_golden(expected_path.string(), render(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(list_cases()),
                         [](const auto& test) { return testing::parameter_name(test.param); });

TEST(Golden, EveryExpectedFileHasAnInput) {
  for (const auto& entry : fs::recursive_directory_iterator(kCasesDir)) {
    if (entry.path().extension() != ".expected") continue;
    bool found = false;
    for (const char* ext : {".json", ".yaml", ".yml", ".tf"}) {
      found = found || fs::exists(fs::path(entry.path()).replace_extension(ext));
    }
    EXPECT_TRUE(found) << entry.path() << " has no input file";
  }
}

}  // namespace
}  // namespace wflint
