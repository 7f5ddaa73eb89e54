// .wflint.yaml: reading and checking it, finding the one that governs a file, and combining it
// with the command line.
#include <gtest/gtest.h>

#include <filesystem>

#include "config/config_file.h"
#include "engine/settings.h"
#include "rules/registry.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using config::ConfigProblem;

std::vector<std::string> problems_of(std::string_view text) {
  const auto source = Source::from_bytes(".wflint.yaml", text);
  std::vector<ConfigProblem> problems;
  const auto config = config::parse_config(*source, problems);
  EXPECT_EQ(config.has_value(), problems.empty());
  std::vector<std::string> out;
  for (const ConfigProblem& problem : problems)
    out.push_back(problem.location + ": " + problem.message);
  return out;
}

config::ConfigFile parse(std::string_view text) {
  const auto source = Source::from_bytes("/repo/.wflint.yaml", text);
  std::vector<ConfigProblem> problems;
  auto config = config::parse_config(*source, problems);
  EXPECT_TRUE(problems.empty()) << problems.front().message;
  return config.value_or(config::ConfigFile{});
}

TEST(ConfigFileTest, ReadsEverySetting) {
  const config::ConfigFile config = parse(R"(
select: [ASL, LMB]
ignore: [ASL204, unknown-context-field]
severity: {LMB015: error, SSM: info}
options:
  LMB006: {state-data-bytes: 200000}
  missing-lambda-retry:
    errors: [Lambda.ServiceException]
sfn-type: express
exclude: [legacy/]
overrides:
  - files: ["batch/**"]
    sfn-type: standard
    ignore: [LMB015]
suppressions:
  - path: flows/order.asl.json
    pointer: /States/Charge
    rules: [LMB015]
    reason: the function retries itself
)");
  EXPECT_EQ(config.directory, "/repo");
  ASSERT_TRUE(config.base.select.has_value());
  EXPECT_EQ(*config.base.select, (std::vector<std::string>{"ASL", "LMB"}));
  EXPECT_EQ(config.base.ignore.size(), 2u);
  ASSERT_EQ(config.base.severities.size(), 2u);
  EXPECT_EQ(config.base.severities[1].severity, Severity::Info);
  ASSERT_EQ(config.base.options.size(), 2u);
  EXPECT_EQ(config.base.options[0].rule_id, "LMB006");
  EXPECT_EQ(std::get<int64_t>(config.base.options[0].value), 200000);
  EXPECT_EQ(config.base.options[1].rule_id, "LMB015");
  EXPECT_EQ(config.base.sfn_type, StateMachineType::Express);
  EXPECT_TRUE(config.excludes("legacy/old.asl.json"));
  ASSERT_EQ(config.overrides.size(), 1u);
  EXPECT_EQ(config.overrides[0].layer.sfn_type, StateMachineType::Standard);
  ASSERT_EQ(config.suppressions.size(), 1u);
  EXPECT_EQ(config.suppressions[0].pointer, "/States/Charge");
  EXPECT_EQ(config.suppressions[0].reason, "the function retries itself");
}

TEST(ConfigFileTest, AnEmptyFileSetsNothing) {
  EXPECT_EQ(problems_of(""), std::vector<std::string>{});
  EXPECT_EQ(problems_of("# nothing yet\n"), std::vector<std::string>{});
}

TEST(ConfigFileTest, EveryProblemIsReportedWithItsPosition) {
  EXPECT_EQ(problems_of(R"(selct: [ASL]
ignore: [ASL999]
severity: {LMB015: fatal}
options:
  LMB015: {error: [x]}
  LMB006: {state-data-bytes: 300000}
  ASL001: {x: 1}
exclude: ["[abc"]
overrides:
  - sfn-type: express
suppressions:
  - {path: x, pointer: States/X, rules: [LMB015]}
)"),
            (std::vector<std::string>{
                ".wflint.yaml:1:1: \"selct\" is not a field of the configuration; did you mean "
                "\"select\"?",
                ".wflint.yaml:2:10: \"ASL999\" matches no rule id, name or id prefix",
                ".wflint.yaml:3:20: \"LMB015\" must be \"error\", \"warning\" or \"info\", not "
                "\"fatal\"",
                ".wflint.yaml:5:12: LMB015 has no option \"error\"; did you mean \"errors\"?",
                ".wflint.yaml:6:30: state-data-bytes must be from 1 to 262144, not 300000",
                ".wflint.yaml:7:3: ASL001 (missing-start-state) takes no options",
                ".wflint.yaml:8:11: \"[abc\": the pattern has a '[' that is never closed",
                ".wflint.yaml:10:5: an override has no \"files\"",
                ".wflint.yaml:12:24: \"States/X\" is not a JSON pointer",
            }));
}

TEST(ConfigFileTest, WrongShapesAndSyntaxErrors) {
  EXPECT_EQ(problems_of("select: ASL\n"),
            std::vector<std::string>{".wflint.yaml:1:9: \"select\" must be an array, not \"ASL\""});
  EXPECT_EQ(problems_of("options: {LMB006: {state-data-bytes: many}}\n"),
            std::vector<std::string>{".wflint.yaml:1:38: state-data-bytes must be a whole number"});
  EXPECT_EQ(problems_of("select: [ASL\n").size(), 1u);
  EXPECT_EQ(problems_of("select: [ASL]\n---\nignore: [LMB]\n"),
            std::vector<std::string>{
                ".wflint.yaml:3:1: a configuration file holds one YAML document, not several"});
}

// The options a file is checked with; nullptr when its configuration has problems.
const CheckOptions* options_for(SettingsResolver& settings, const std::string& path) {
  const SettingsResolver::Resolution resolution = settings.resolve(path);
  return resolution.broken ? nullptr : &settings.options_of(resolution);
}

// A repository in a temporary directory: a git root with configuration files in it.
class SettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = testing::make_temp_dir();
    fs::create_directories(fs::path(root_) / ".git");
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string path(const std::string& name) const { return root_ + "/" + name; }
  void write(const std::string& name, std::string_view text) const {
    testing::write_file(path(name), text);
  }

  std::string root_;
};

TEST_F(SettingsTest, TheNearestConfigurationGovernsAndFilesAreNotMerged) {
  write(".wflint.yaml", "ignore: [ASL204]\n");
  write("team/.wflint.yaml", "ignore: [LMB015]\n");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  const CheckOptions* top = options_for(settings, path("flows/a.json"));
  const CheckOptions* team = options_for(settings, path("team/deep/b.json"));
  ASSERT_TRUE(top && team);
  EXPECT_FALSE(top->filter.enabled("ASL204"));
  EXPECT_TRUE(top->filter.enabled("LMB015"));
  EXPECT_TRUE(team->filter.enabled("ASL204"));
  EXPECT_FALSE(team->filter.enabled("LMB015"));
}

TEST_F(SettingsTest, TheSearchStopsAtTheRepositoryRoot) {
  write(".wflint.yaml", "ignore: [ASL204]\n");
  fs::create_directories(path("vendored/.git"));
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  EXPECT_EQ(settings.resolve(path("vendored/x.json")).config, nullptr);
  EXPECT_NE(settings.resolve(path("x.json")).config, nullptr);
}

TEST_F(SettingsTest, LayersApplyInOrderAndTheCommandLineWins) {
  write(".wflint.yaml", R"(
ignore: [ASL204]
severity: {LMB015: error}
sfn-type: standard
overrides:
  - files: ["express/**"]
    sfn-type: express
    select: [LMB]
    severity: {missing-lambda-retry: info}
)");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  const CheckOptions* plain = options_for(settings, path("a.json"));
  const CheckOptions* express = options_for(settings, path("express/b.json"));
  ASSERT_TRUE(plain && express);
  EXPECT_EQ(plain->sfn_type, StateMachineType::Standard);
  EXPECT_EQ(express->sfn_type, StateMachineType::Express);
  EXPECT_TRUE(plain->filter.enabled("ASL001"));
  EXPECT_FALSE(express->filter.enabled("ASL001"));
  EXPECT_TRUE(express->filter.enabled("LMB015"));
  ASSERT_EQ(express->severities.size(), 1u);
  EXPECT_EQ(express->severities[0].second, Severity::Info);

  CommandLineSettings command_line;
  command_line.select = std::vector<std::string>{"ASL"};
  command_line.sfn_type = StateMachineType::Standard;
  SettingsResolver overridden(command_line, SettingsResolver::Mode::Discover);
  const CheckOptions* cli = options_for(overridden, path("express/b.json"));
  ASSERT_TRUE(cli);
  EXPECT_TRUE(cli->filter.enabled("ASL204"));  // --select replaces what the file selected
  EXPECT_FALSE(cli->filter.enabled("LMB015"));
  EXPECT_EQ(cli->sfn_type, StateMachineType::Standard);
}

TEST_F(SettingsTest, ExcludedPathsAndDirectories) {
  write(".wflint.yaml", "exclude: [legacy, '*.generated.json']\n");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  EXPECT_TRUE(settings.resolve(path("legacy"), true).excluded);
  EXPECT_TRUE(settings.resolve(path("a/legacy/x.json")).excluded);
  EXPECT_TRUE(settings.resolve(path("flows/x.generated.json")).excluded);
  EXPECT_FALSE(settings.resolve(path("flows/x.json")).excluded);
}

TEST_F(SettingsTest, GivenAndNoConfiguration) {
  write(".wflint.yaml", "ignore: [ASL204]\n");
  write("other.yaml", "ignore: [LMB015]\n");
  SettingsResolver given({}, SettingsResolver::Mode::Given, path("other.yaml"));
  const CheckOptions* options = options_for(given, path("x.json"));
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->filter.enabled("ASL204"));
  EXPECT_FALSE(options->filter.enabled("LMB015"));
  SettingsResolver none({}, SettingsResolver::Mode::None);
  EXPECT_TRUE(options_for(none, path("x.json"))->filter.enabled("ASL204"));
}

TEST_F(SettingsTest, FilesUnderABrokenConfigurationGetNoOptions) {
  write(".wflint.yaml", "ignore: [NOPE]\n");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  EXPECT_EQ(options_for(settings, path("a.json")), nullptr);
  EXPECT_EQ(options_for(settings, path("b.json")), nullptr);
  EXPECT_EQ(settings.problems().size(), 1u);  // read once
}

constexpr std::string_view kLambdaTask = R"({
  "StartAt": "Resize",
  "States": {
    "Resize": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:resize",
      "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"]}],
      "End": true
    }
  }
})";

TEST_F(SettingsTest, RuleOptionsChangeWhatRulesReport) {
  write(".wflint.yaml", R"(
options:
  LMB015: {errors: [Lambda.ServiceException, Lambda.TooManyRequestsException]}
severity: {LMB015: error}
)");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  const CheckOptions* options = options_for(settings, path("a.json"));
  ASSERT_TRUE(options);
  const FileReport report =
      testing::check_text(path("a.json"), kLambdaTask, Origin::Explicit, *options);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "LMB015");
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Error);
  EXPECT_EQ(report.diagnostics[0].message,
            "Retry of Lambda task \"Resize\" does not cover Lambda.TooManyRequestsException: "
            "such transient Lambda service errors fail the task at once");
  EXPECT_EQ(testing::check_text(path("a.json"), kLambdaTask).diagnostics.size(), 0u);
}

TEST_F(SettingsTest, StateDataBudgetBelowTheLimit) {
  write(".wflint.yaml", "options: {LMB006: {state-data-bytes: 100}}\n");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  const std::string machine = R"({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": ")" +
                              std::string(200, 'x') + R"(", "End": true}}})";
  const FileReport report = testing::check_text(path("a.json"), machine, Origin::Explicit,
                                                *options_for(settings, path("a.json")));
  ASSERT_EQ(testing::rule_ids(report), std::vector<std::string>{"LMB006"});
  EXPECT_EQ(report.diagnostics[0].message,
            "Result is 202 bytes of JSON, over the 100-byte budget set for LMB006 in the "
            "configuration (Step Functions fails a state over 262,144 bytes with "
            "States.DataLimitExceeded)");
}

TEST_F(SettingsTest, SuppressionsByPathAndPointer) {
  write(".wflint.yaml", R"(
suppressions:
  - path: "flows/*.json"
    pointer: /States/Resize
    rules: [LMB]
)");
  const std::string machine(R"({
  "StartAt": "Resize",
  "States": {
    "Resize": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:resize", "Next": "Other"},
    "Other": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:other", "End": true}
  }
})");
  SettingsResolver settings({}, SettingsResolver::Mode::Discover);
  const auto findings_in = [&](const std::string& name) {
    return testing::finding_positions(testing::check_text(path(name), machine, Origin::Explicit,
                                                          *options_for(settings, path(name))));
  };
  EXPECT_EQ(findings_in("flows/a.json"), std::vector<std::string>{"LMB015 5:43"});
  EXPECT_EQ(findings_in("elsewhere/a.json"),
            (std::vector<std::string>{"LMB015 4:44", "LMB015 5:43"}));
}

}  // namespace
}  // namespace wflint
