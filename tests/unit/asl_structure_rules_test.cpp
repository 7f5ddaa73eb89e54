// ASL structure, graph, Retry/Catch and field rules on cases the rule pages do not show:
// nesting, cross-scope transitions, cascades that must stay quiet, placeholders.
#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

std::vector<std::string> findings(std::string_view json, std::string_view select) {
  std::string error;
  CheckOptions options{*RuleFilter::parse(select, "", error), std::nullopt};
  return finding_positions(check_text("t.json", json, Origin::Explicit, options));
}

TEST(TransitionRulesTest, BranchCannotJumpToTopLevel) {
  const char* machine = R"({"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Branches": [
      {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "Done"}}}], "Next": "Done"},
    "Done": {"Type": "Succeed"}}})";
  FileReport report = check_text("t.json", machine);
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"ASL101 3:65"});
  EXPECT_NE(report.diagnostics[0].help.find("\"Done\" is a state of the top-level States"),
            std::string::npos);
}

TEST(TransitionRulesTest, CatchAndDefaultTargetsAreChecked) {
  const char* machine = R"({"StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "T"}],
          "Default": "Nowhere"},
    "T": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:a",
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}], "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL1"), (std::vector<std::string>{"ASL101 3:22", "ASL101 5:61"}));
}

TEST(TransitionRulesTest, UnreachableCycleIsFound) {
  const char* machine = R"({"StartAt": "A", "States": {
    "A": {"Type": "Succeed"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "B"}}})";
  EXPECT_EQ(findings(machine, "ASL1"), (std::vector<std::string>{"ASL104 3:5", "ASL104 4:5"}));
}

TEST(TransitionRulesTest, TypoInNextReportsOnlyTheTypo) {
  const char* machine = R"({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Next": "Bb"},
    "B": {"Type": "Succeed"}}})";
  EXPECT_EQ(findings(machine, "ASL"), std::vector<std::string>{"ASL101 2:35"});
}

TEST(TransitionRulesTest, EndlessLoopInsideMapProcessor) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "ItemProcessor": {"StartAt": "Poll", "States": {
      "Poll": {"Type": "Wait", "Seconds": 5, "Next": "Poll"}}}, "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL"), std::vector<std::string>{"ASL105 3:7"});
}

TEST(TransitionRulesTest, DuplicateNameAcrossBranches) {
  const char* machine = R"({"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [
    {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}},
    {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}], "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL"), std::vector<std::string>{"ASL102 3:33"});
}

TEST(TransitionRulesTest, EndMustBeTrue) {
  EXPECT_EQ(
      findings(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": false}}})", "ASL106"),
      std::vector<std::string>{"ASL106 1:58"});
}

TEST(ErrorHandlingRulesTest, StatesAllMustBeAlone) {
  const char* machine = R"({"StartAt": "T", "States": {"T": {"Type": "Task",
    "Resource": "arn:aws:states:us-east-1:123456789012:activity:a",
    "Retry": [{"ErrorEquals": ["States.ALL", "Custom"]}], "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL3"), std::vector<std::string>{"ASL302 3:32"});
}

TEST(ErrorHandlingRulesTest, DecimalBackoffRateAndIntegersAreFine) {
  const char* machine = R"({"StartAt": "T", "States": {"T": {"Type": "Task",
    "Resource": "arn:aws:states:us-east-1:123456789012:activity:a",
    "Retry": [{"ErrorEquals": ["X"], "IntervalSeconds": 3, "MaxAttempts": 0, "BackoffRate": 1.5},
              {"ErrorEquals": ["Y"], "IntervalSeconds": 1.5, "MaxAttempts": -1}],
    "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL3"), (std::vector<std::string>{"ASL304 4:57", "ASL304 4:77"}));
}

TEST(ErrorHandlingRulesTest, ErrorsRaisedByFailStatesAreKnown) {
  const char* machine = R"({"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Branches": [{"StartAt": "F", "States": {
      "F": {"Type": "Fail", "Error": "States.Custom"}}}],
      "Catch": [{"ErrorEquals": ["States.Custom"], "Next": "Done"},
                {"ErrorEquals": ["States.Unknown"], "Next": "Done"}], "End": true},
    "Done": {"Type": "Succeed"}}})";
  EXPECT_EQ(findings(machine, "ASL3"), std::vector<std::string>{"ASL305 5:34"});
}

TEST(FieldRulesTest, MapWithDeprecatedAndCurrentNames) {
  const char* machine = R"({"StartAt": "M", "States": {"M": {"Type": "Map",
    "Parameters": {"a.$": "$"}, "ItemSelector": {"a.$": "$"},
    "Iterator": {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}},
    "ItemProcessor": {"StartAt": "S2", "States": {"S2": {"Type": "Succeed"}}}, "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL501"), (std::vector<std::string>{"ASL501 2:5", "ASL501 3:5"}));
}

TEST(FieldRulesTest, ItemBatcherAndReaderConfigLimitsAreStaticOrRead) {
  const char* machine = R"({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
    "ItemBatcher": {"MaxInputBytesPerBatch": 1024, "MaxInputBytesPerBatchPath": "$.n"},
    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                   "ReaderConfig": {"MaxItems": 1, "MaxItemsPath": "$.m"}},
    "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}}}})";
  EXPECT_EQ(findings(machine, "ASL501"), (std::vector<std::string>{"ASL501 2:52", "ASL501 4:52"}));
}

TEST(FieldRulesTest, ChoiceRulesNestedDeeplyAreWalkedWithoutRecursion) {
  std::string rule = R"({"Variable": "$.x", "StringEquals": 1})";
  for (int i = 0; i < 300; ++i)
    rule = R"({"Not": )" + rule + "}";
  const std::string machine = R"({"StartAt": "C", "States": {"C": {"Type": "Choice",
    "Choices": [{"And": [)" + rule +
                              R"(], "Next": "D"}]}, "D": {"Type": "Succeed"}}})";
  FileReport report = check_text("t.json", machine);
  ASSERT_EQ(testing::rule_ids(report), std::vector<std::string>{"ASL504"});
  EXPECT_EQ(report.diagnostics[0].message, "\"StringEquals\" compares with a string");
}

TEST(FieldRulesTest, NextInsideNestedRule) {
  const char* machine = R"({"StartAt": "C", "States": {"C": {"Type": "Choice",
    "Choices": [{"Not": {"Variable": "$.x", "IsNull": true, "Next": "D"}, "Next": "D"}]},
    "D": {"Type": "Succeed"}}})";
  EXPECT_EQ(findings(machine, "ASL504"), std::vector<std::string>{"ASL504 2:61"});
}

TEST(FieldRulesTest, PlaceholdersAreNotJudged) {
  const char* machine = R"({"StartAt": "C", "States": {"C": {"Type": "Choice",
    "Choices": [{"Variable": "$.x", "NumericEquals": "${Threshold}", "Next": "W"}]},
    "W": {"Type": "Wait", "Timestamp": "${LaunchTime}", "Next": "D"},
    "D": {"Type": "Succeed"}}})";
  EXPECT_EQ(findings(machine, "ASL5"), std::vector<std::string>{});
}

TEST(FieldRulesTest, VariableInJsonataChoice) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "Condition": "{% true %}",
          "Next": "D"}]}, "D": {"Type": "Succeed"}}})";
  EXPECT_EQ(findings(machine, "ASL5"), std::vector<std::string>{"ASL505 2:42"});
}

TEST(FieldRulesTest, StateLevelQueryLanguageOverridesTheMachine) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
    "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "ResultPath": "$.x", "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL505"), std::vector<std::string>{});
}

}  // namespace
}  // namespace wflint
