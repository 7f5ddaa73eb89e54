// The binary in the places users run it: the rule catalogue, configuration files, baselines and
// report formats, as a user types them.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rules/registry.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using testing::write_file;
using Json = nlohmann::json;

constexpr const char* kBadAsl =
    "{\"StartAt\": \"B\",\n \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";
constexpr const char* kLambdaTask = R"({
  "StartAt": "Resize",
  "States": {
    "Resize": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:resize", "End": true}
  }
})";

class CliWorkflowTest : public testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    fs::create_directories(path(".git"));  // the directory is a repository root
  }
};

TEST_F(CliWorkflowTest, RulesListsTheCatalogue) {
  const auto table = wflint("rules");
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out.rfind("ID      NAME", 0), 0u) << table.out;
  EXPECT_NE(table.out.find("\nLMB015  missing-lambda-retry"), std::string::npos);
  const auto json = wflint("rules --format json --select LMB");
  const Json rules = Json::parse(json.out);
  ASSERT_EQ(rules.size(), 20u);
  EXPECT_EQ(rules[0]["id"], "LMB001");
  EXPECT_EQ(rules[0]["kinds"], Json::array({"asl"}));
  EXPECT_FALSE(rules[0]["description"].get<std::string>().empty());
  EXPECT_EQ(Json::parse(wflint("rules --format json").out).size(), rules::all_rules().size());
  EXPECT_EQ(wflint("rules --select NOPE").exit_code, 2);
}

TEST_F(CliWorkflowTest, RulesJsonListsOptions) {
  const Json rules = Json::parse(wflint("rules --format json --select LMB006").out);
  ASSERT_EQ(rules.size(), 1u);
  ASSERT_EQ(rules[0]["options"].size(), 3u);
  EXPECT_EQ(rules[0]["options"][0]["name"], "state-data-bytes");
  EXPECT_EQ(rules[0]["options"][0]["default"], 262144);
}

TEST_F(CliWorkflowTest, ExplainShowsThePageAndWhatItsBadExampleGets) {
  const auto result = wflint("explain LMB015 --color never");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("LMB015 missing-lambda-retry\n", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("What it catches\n"), std::string::npos);
  EXPECT_NE(result.out.find("Bad example (json):\n    {"), std::string::npos);
  EXPECT_NE(result.out.find("  wflint reports:\n    example.json:"), std::string::npos);
  EXPECT_NE(result.out.find("[LMB015 missing-lambda-retry]"), std::string::npos);
  EXPECT_EQ(result.out.find("```"), std::string::npos);
  EXPECT_EQ(wflint("explain missing-lambda-retry").out, result.out);
}

TEST_F(CliWorkflowTest, ExplainUnknownRule) {
  const auto result = wflint("explain LMB0155");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(stderr_text().find("'LMB0155' is no rule id or name; did you mean 'LMB015'?"),
            std::string::npos)
      << stderr_text();
}

TEST_F(CliWorkflowTest, NearestConfigurationAppliesToEachFile) {
  write_file(path(".wflint.yaml"), "severity: {LMB015: error}\n");
  write_file(path("flows/a.json"), kLambdaTask);
  write_file(path("team/.wflint.yaml"), "ignore: [LMB015]\n");
  write_file(path("team/b.json"), kLambdaTask);
  const auto result = wflint("check --format compact .");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("flows/a.json:4:44: error: Lambda task"), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("team/b.json"), std::string::npos) << result.out;
  const auto defaults = wflint("check --no-config --format compact .");
  EXPECT_NE(defaults.out.find("flows/a.json:4:44: warning: Lambda task"), std::string::npos);
  EXPECT_NE(defaults.out.find("team/b.json:4:44: warning: Lambda task"), std::string::npos);
}

TEST_F(CliWorkflowTest, NoConfigAndGivenConfig) {
  write_file(path(".wflint.yaml"), "ignore: [LMB015]\n");
  write_file(path("strict.yaml"), "severity: {LMB015: error}\n");
  write_file(path("a.json"), kLambdaTask);
  EXPECT_EQ(wflint("check a.json").exit_code, 0);
  EXPECT_EQ(wflint("check --no-config --fail-on warning a.json").exit_code, 1);
  EXPECT_EQ(wflint("check --config strict.yaml a.json").exit_code, 1);
  EXPECT_EQ(wflint("check --config strict.yaml --no-config a.json").exit_code, 2);
}

TEST_F(CliWorkflowTest, ExcludedPathsAreNotChecked) {
  write_file(path(".wflint.yaml"), "exclude: [legacy/, '*.draft.json']\n");
  write_file(path("legacy/old.json"), kBadAsl);
  write_file(path("flows/new.draft.json"), kBadAsl);
  write_file(path("flows/ok.json"), kBadAsl);
  const auto result = wflint("check --format compact . legacy/old.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "flows/ok.json:1:13: error: StartAt \"B\" names no state in the top-level "
            "States [ASL001 missing-start-state]\n");
}

TEST_F(CliWorkflowTest, BrokenConfigurationExitsTwoWithPositions) {
  write_file(path(".wflint.yaml"), "ignore: [ASL999]\nselct: [ASL]\n");
  write_file(path("a.json"), kBadAsl);
  const auto result = wflint("check a.json");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(stderr_text().find(".wflint.yaml:1:10: \"ASL999\" matches no rule id"),
            std::string::npos)
      << stderr_text();
  EXPECT_NE(stderr_text().find(".wflint.yaml:2:1: \"selct\" is not a field of the configuration"),
            std::string::npos);
  EXPECT_NE(stderr_text().find("1 file was not checked"), std::string::npos);
}

TEST_F(CliWorkflowTest, ConfigShowPrintsTheEffectiveSettings) {
  write_file(path(".wflint.yaml"), R"(ignore: [ASL204]
options: {LMB006: {state-data-bytes: 200000}}
overrides:
  - files: ["express/**"]
    sfn-type: express
)");
  const auto result = wflint("config --show express/x.asl.json");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("overrides: 1 (files [\"express/**\"])\n"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("sfn-type: express\n"), std::string::npos);
  EXPECT_NE(result.out.find("disabled: ASL204\n"), std::string::npos);
  EXPECT_NE(result.out.find("    state-data-bytes: 200000\n"), std::string::npos);
  EXPECT_NE(result.out.find("    sync-request-bytes: 6291456  # default\n"), std::string::npos);
  EXPECT_NE(wflint("config --show other.json").out.find("sfn-type: unknown"), std::string::npos);
}

TEST_F(CliWorkflowTest, BaselineReportsOnlyNewFindings) {
  write_file(path("a.json"), kLambdaTask);
  EXPECT_EQ(wflint("check --write-baseline baseline.json a.json").exit_code, 0);
  EXPECT_NE(stderr_text().find("recorded 1 finding in baseline.json"), std::string::npos);
  const Json baseline = Json::parse(testing::read_file(path("baseline.json")));
  ASSERT_EQ(baseline["findings"].size(), 1u);
  EXPECT_EQ(baseline["findings"][0]["file"], "a.json");
  EXPECT_EQ(baseline["findings"][0]["rule"], "LMB015");

  // Lines added above the finding do not make it new; a new finding is reported.
  write_file(path("a.json"), R"({
  "Comment": "two lines added above the finding",

  "StartAt": "Resize",
  "States": {
    "Resize": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:resize", "Next": "Extra"},
    "Extra": {"Type": "Bogus", "End": true}
  }
})");
  const auto result = wflint("check --baseline baseline.json --format compact a.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.find("LMB015"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("ASL002"), std::string::npos) << result.out;
}

TEST_F(CliWorkflowTest, BaselineShowsWhatWasFixed) {
  write_file(path("flows/a.json"), kLambdaTask);
  write_file(path("flows/b.json"), kBadAsl);
  ASSERT_EQ(wflint("check --write-baseline ci/baseline.json flows").exit_code, 0);
  write_file(path("flows/b.json"),
             "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
  const auto result = wflint("check --baseline ci/baseline.json --show-fixed -q flows");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "Fixed since ci/baseline.json (1):\n"
            "  flows/b.json: ASL001: StartAt \"B\" names no state in the top-level States (was "
            "line 1)\n");
  // A baseline written elsewhere names files relative to itself, so it works from any directory.
  fs::create_directories(path("flows/sub"));
  const auto inside = testing::run_command("cd '" + path("flows") + "' && " + WFLINT_BINARY +
                                           " check --baseline ../ci/baseline.json a.json");
  EXPECT_EQ(inside.exit_code, 0) << inside.out;
}

TEST_F(CliWorkflowTest, BaselineMistakes) {
  write_file(path("a.json"), kBadAsl);
  write_file(path("not-a-baseline.json"), "{\"findings\": 3}");
  EXPECT_EQ(wflint("check --baseline missing.json a.json").exit_code, 2);
  EXPECT_EQ(wflint("check --baseline not-a-baseline.json a.json").exit_code, 2);
  EXPECT_NE(stderr_text().find("not a wflint baseline"), std::string::npos);
  EXPECT_EQ(wflint("check --show-fixed a.json").exit_code, 2);
  EXPECT_EQ(wflint("check --baseline b.json --write-baseline b.json a.json").exit_code, 2);
}

TEST_F(CliWorkflowTest, OutputFileAndStatistics) {
  write_file(path("a.json"), kBadAsl);
  const auto sarif = wflint("check --format sarif --output report.sarif a.json");
  EXPECT_EQ(sarif.exit_code, 1);
  EXPECT_EQ(sarif.out, "");
  const Json log = Json::parse(testing::read_file(path("report.sarif")));
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "a.json");
  EXPECT_EQ(wflint("check --statistics a.json").out, "1  ASL001  missing-start-state\n");
  EXPECT_EQ(wflint("check --statistics --format sarif a.json").exit_code, 2);
  EXPECT_EQ(wflint("check --output a.json/report.txt a.json").exit_code, 2);
  EXPECT_EQ(wflint("check --format json --output reports/wflint.json a.json").exit_code, 1);
  EXPECT_EQ(Json::parse(testing::read_file(path("reports/wflint.json"))).size(), 1u);
}

TEST_F(CliWorkflowTest, GithubAndSarifNameFilesFromTheRepositoryRoot) {
  write_file(path("flows/a.json"), kBadAsl);
  const auto result = testing::run_command("cd '" + path("flows") + "' && " + WFLINT_BINARY +
                                           " check --format github a.json");
  EXPECT_EQ(result.out.rfind("::error file=flows/a.json,line=1,col=13,endLine=1,endColumn=16,"
                             "title=ASL001 missing-start-state::StartAt",
                             0),
            0u)
      << result.out;
  const auto rooted = testing::run_command("cd '" + path("flows") + "' && " + WFLINT_BINARY +
                                           " check --format github --source-root . a.json");
  EXPECT_EQ(rooted.out.rfind("::error file=a.json,", 0), 0u) << rooted.out;
}

TEST_F(CliWorkflowTest, JunitAndCompactFormats) {
  write_file(path("a.json"), kBadAsl);
  write_file(path("b.json"), "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
  const auto junit = wflint("check --format junit a.json b.json");
  EXPECT_EQ(junit.exit_code, 1);
  EXPECT_NE(junit.out.find("<testsuites name=\"wflint\" tests=\"2\" failures=\"1\" errors=\"0\">"),
            std::string::npos)
      << junit.out;
  EXPECT_NE(junit.out.find("<testcase name=\"b.json\" classname=\"wflint\" file=\"b.json\"/>"),
            std::string::npos);
  const auto compact = wflint("check --format compact a.json b.json");
  EXPECT_EQ(compact.out,
            "a.json:1:13: error: StartAt \"B\" names no state in the top-level "
            "States [ASL001 missing-start-state]\n");
}

}  // namespace
}  // namespace wflint
