// wflint's SARIF checked by Microsoft's SARIF validator (sarif-multitool, with its GitHub rules),
// where ../shared/tools/oracles/install.sh has installed it: the golden report of
// tests/report/ and a whole run over the real state machines of ../shared/corpus/asl. Skips when
// the validator is absent.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = WFLINT_SOURCE_DIR;

fs::path multitool() {
  const char* dir = std::getenv("WFLINT_ORACLES_DIR");
  const char* home = std::getenv("HOME");
  const fs::path oracles =
      dir ? fs::path(dir) : fs::path(home ? home : "/") / ".cache/wflint-oracles";
  return oracles / "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
}

struct Verdict {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

// Runs the validator on `sarif` (with its SARIF and GitHub rules) and collects what it reports.
Verdict validate(const std::string& sarif, const std::string& work_dir) {
  const std::string log = work_dir + "/validation.sarif";
  const std::string command = fmt::format(
      "'{}' validate '{}' -o '{}' --log ForceOverwrite --level 'Error;Warning' "
      "--rule-kind 'Sarif;Gh' >/dev/null 2>&1",
      multitool().string(), sarif, log);
  testing::run_command(command);
  Verdict verdict;
  const auto json = nlohmann::json::parse(testing::read_file(log), nullptr, false);
  EXPECT_TRUE(json.is_object()) << "the validator wrote no log: " << command;
  if (!json.is_object()) return verdict;
  for (const auto& result : json["runs"][0].value("results", nlohmann::json::array())) {
    const std::string text = result["ruleId"].get<std::string>() + " " + result["message"].dump();
    (result.value("level", "warning") == "error" ? verdict.errors : verdict.warnings)
        .push_back(text);
  }
  return verdict;
}

class SarifValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(multitool())) GTEST_SKIP() << "sarif-multitool is not installed";
    dir_ = testing::make_temp_dir();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string dir_;
};

TEST_F(SarifValidatorTest, GoldenReportIsValid) {
  const Verdict verdict = validate((kSourceDir / "tests/report/report.sarif").string(), dir_);
  EXPECT_EQ(verdict.errors, std::vector<std::string>{});
  EXPECT_EQ(verdict.warnings, std::vector<std::string>{});
}

TEST_F(SarifValidatorTest, RealCorpusRunIsValid) {
  const fs::path corpus = kSourceDir / ".." / "shared" / "corpus" / "asl";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "../shared/corpus is not present";
  const std::string sarif = dir_ + "/corpus.sarif";
  // As a repository would check itself: files named relative to its root.
  const auto run = testing::run_command(fmt::format(
      "{} check --no-config --fail-on never --format sarif --source-root '{}' -o '{}' '{}'",
      WFLINT_BINARY, corpus.parent_path().parent_path().string(), sarif, corpus.string()));
  ASSERT_EQ(run.exit_code, 0);
  const Verdict verdict = validate(sarif, dir_);
  EXPECT_EQ(verdict.errors, std::vector<std::string>{});
  EXPECT_EQ(verdict.warnings, std::vector<std::string>{});
}

}  // namespace
}  // namespace wflint
