// The aws:invokeLambdaFunction and aws:branch rules of SSM runbooks: SSM101
// invoke-timeout-over-max, SSM102 tail-log-with-async-invoke, SSM103 payload-shadowed, SSM104
// payload-not-json, SSM105 missing-function-name, SSM107 unknown-invoke-input and SSM108
// branch-without-default.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;

CheckOptions ssm_invoke_rules() {
  std::string error;
  return CheckOptions{
      *RuleFilter::parse("SSM101,SSM102,SSM103,SSM104,SSM105,SSM107,SSM108", "", error),
      std::nullopt};
}

FileReport check(const std::string& path, std::string_view text) {
  return testing::check_text(path, text, Origin::Explicit, ssm_invoke_rules());
}

// One invoke step; the first input line is line 6 and its key starts at column 7.
std::string invoke_yaml(std::string_view input_lines, std::string_view step_fields = "") {
  return fmt::format(R"(schemaVersion: '0.3'
mainSteps:
  - name: invoke
    action: aws:invokeLambdaFunction
    inputs:
{}{})",
                     input_lines, step_fields);
}

FileReport check_invoke(std::string_view input_lines, std::string_view step_fields = "") {
  return check("runbook.yaml", invoke_yaml(input_lines, step_fields));
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  return report.diagnostics.at(0);
}

// --- SSM101 invoke-timeout-over-max

TEST(SsmInvokeTimeout, ReportsTimeoutAboveThreeHundred) {
  const FileReport report = check_invoke("      FunctionName: f\n", "    timeoutSeconds: 600\n");
  EXPECT_EQ(finding_positions(report), Positions{"SSM101 7:21"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message,
            "timeoutSeconds 600 is above 300, the longest an aws:invokeLambdaFunction step ever "
            "runs");
}

TEST(SsmInvokeTimeout, ReadsDigitStrings) {
  EXPECT_EQ(
      finding_positions(check_invoke("      FunctionName: f\n", "    timeoutSeconds: '301'\n")),
      Positions{"SSM101 7:21"});
}

TEST(SsmInvokeTimeout, AcceptsThreeHundredAndOtherActions) {
  EXPECT_TRUE(
      check_invoke("      FunctionName: f\n", "    timeoutSeconds: 300\n").diagnostics.empty());
  EXPECT_TRUE(check("runbook.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: script
    action: aws:executeScript
    timeoutSeconds: 600
    inputs:
      Runtime: python3.11
      Handler: main
      Script: x
)")
                  .diagnostics.empty());
}

TEST(SsmInvokeTimeout, ChecksStepsInsideLoops) {
  const FileReport report = check("runbook.json", R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "loop", "action": "aws:loop", "inputs": {"Iterators": [1], "Steps": [
      {"name": "inner", "action": "aws:invokeLambdaFunction", "timeoutSeconds": 3600,
       "inputs": {"FunctionName": "f"}}
    ]}}
  ]
})");
  EXPECT_EQ(finding_positions(report), Positions{"SSM101 5:81"});
}

// --- SSM102 tail-log-with-async-invoke

TEST(SsmTailLog, ReportsTailWithEventAndDryRun) {
  const FileReport report =
      check_invoke("      FunctionName: f\n      InvocationType: Event\n      LogType: Tail\n");
  EXPECT_EQ(finding_positions(report), Positions{"SSM102 8:16"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "LogType Tail needs InvocationType RequestResponse, but this step invokes with Event");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), "Event");
  EXPECT_EQ(finding_positions(check_invoke(
                "      FunctionName: f\n      InvocationType: DryRun\n      LogType: Tail\n")),
            Positions{"SSM102 8:16"});
}

TEST(SsmTailLog, AcceptsRequestResponseDefaultAndReferences) {
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      LogType: Tail\n").diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      InvocationType: RequestResponse\n"
                           "      LogType: Tail\n")
                  .diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      InvocationType: '{{Type}}'\n"
                           "      LogType: Tail\n")
                  .diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      InvocationType: Event\n"
                           "      LogType: None\n")
                  .diagnostics.empty());
}

// --- SSM103 payload-shadowed

TEST(SsmPayloadShadowed, ReportsPayloadNextToInputPayload) {
  const FileReport report = check("runbook.json", R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "invoke", "action": "aws:invokeLambdaFunction",
     "inputs": {"FunctionName": "f", "InputPayload": {"a": 1}, "Payload": "{}"}}
  ]
})");
  EXPECT_EQ(finding_positions(report), Positions{"SSM103 5:64"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "Payload is ignored: this step also has InputPayload, which wins");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), "\"InputPayload\"");
}

TEST(SsmPayloadShadowed, AcceptsEitherAlone) {
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Payload: '{}'\n").diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      InputPayload:\n        a: 1\n")
                  .diagnostics.empty());
}

// --- SSM104 payload-not-json

TEST(SsmPayloadNotJson, PointsAtTheCharacterInsideAYamlString) {
  const FileReport report =
      check_invoke("      FunctionName: f\n      Payload: '{\"a\": \"{{X}}\", \"b\": [1,]}'\n");
  // The trailing comma is the 23rd character of the value, which starts after the quote at 7:16.
  EXPECT_EQ(finding_positions(report), Positions{"SSM104 7:39"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.message, "Payload is not JSON: trailing comma is not allowed in JSON");
  EXPECT_EQ(testing::spanned(d.span), ",");
}

TEST(SsmPayloadNotJson, PointsAtTheCharacterInsideAJsonStringWithEscapes) {
  const FileReport report = check("runbook.json", R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "invoke", "action": "aws:invokeLambdaFunction",
     "inputs": {"FunctionName": "f", "Payload": "{\"id\": \"{{Id}}\" \"n\": 1}"}}
  ]
})");
  EXPECT_EQ(finding_positions(report), Positions{"SSM104 5:70"});
  EXPECT_EQ(only_finding(report).message,
            "Payload is not JSON: missing ',' between object members");
  EXPECT_EQ(testing::spanned(only_finding(report).span), "\\\"");
}

TEST(SsmPayloadNotJson, ReportsUnclosedObjects) {
  const FileReport report = check_invoke("      FunctionName: f\n      Payload: '{\"a\": 1'\n");
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "SSM104");
}

TEST(SsmPayloadNotJson, SubstitutesQuotedAndUnquotedReferences) {
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Payload: '{\"n\": {{Count}}, \"s\": "
                           "\"{{Name}}-{{global:REGION}}\"}'\n")
                  .diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Payload: '{{Step.Payload}}'\n")
                  .diagnostics.empty());
  // An unquoted reference may stand for several members: an error there is not decidable.
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Payload: '{ {{Members}} }'\n")
                  .diagnostics.empty());
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Payload: ''\n").diagnostics.empty());
}

TEST(SsmPayloadNotJson, StillReportsErrorsAwayFromReferences) {
  EXPECT_EQ(finding_positions(check_invoke(
                "      FunctionName: f\n      Payload: '{\"n\": {{Count}} \"s\": 1}'\n")),
            Positions{"SSM104 7:33"});
}

TEST(SsmPayloadNotJson, ReportsAMapPayloadAsAWarning) {
  const FileReport report = check_invoke("      FunctionName: f\n      Payload:\n        a: 1\n");
  EXPECT_EQ(finding_positions(report), Positions{"SSM104 8:9"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message, "Payload is given as a map, but it takes a JSON string");
}

// --- SSM105 missing-function-name

TEST(SsmMissingFunctionName, ReportsInputsWithoutFunctionName) {
  const FileReport report = check_invoke("      Payload: '{}'\n");
  EXPECT_EQ(finding_positions(report), Positions{"SSM105 5:5"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.pointer, "/mainSteps/0/inputs/FunctionName");
  EXPECT_EQ(d.message,
            "aws:invokeLambdaFunction step has no FunctionName: SSM does not know which function "
            "to invoke");
}

TEST(SsmMissingFunctionName, AcceptsReferencesAndJson) {
  EXPECT_TRUE(check_invoke("      FunctionName: '{{Fn}}'\n").diagnostics.empty());
  EXPECT_EQ(finding_positions(check("runbook.json", R"({"schemaVersion": "0.3", "mainSteps": [
  {"name": "a", "action": "aws:invokeLambdaFunction", "inputs": {"Qualifier": "1"}}]})")),
            Positions{"SSM105 2:55"});
}

// --- SSM107 unknown-invoke-input

TEST(SsmUnknownInvokeInput, ReportsUnknownNamesWithDidYouMean) {
  const FileReport report = check_invoke("      FunctionName: f\n      PayLoad: '{}'\n");
  EXPECT_EQ(finding_positions(report), Positions{"SSM107 7:7"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "aws:invokeLambdaFunction has no input \"PayLoad\"");
  EXPECT_TRUE(d.help.starts_with("did you mean \"Payload\"?")) << d.help;
}

TEST(SsmUnknownInvokeInput, ReportsValuesOutsideTheirLists) {
  const FileReport report =
      check_invoke("      FunctionName: f\n      InvocationType: event\n      LogType: Full\n");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM107 7:23", "SSM107 8:16"}));
  EXPECT_EQ(report.diagnostics[0].message,
            "InvocationType \"event\" is not one of \"Event\", \"RequestResponse\", \"DryRun\"");
  EXPECT_EQ(report.diagnostics[0].help, "did you mean \"Event\"?");
  EXPECT_EQ(report.diagnostics[1].message, "LogType \"Full\" is not one of \"None\", \"Tail\"");
}

TEST(SsmUnknownInvokeInput, AcceptsTheSevenAndReferences) {
  EXPECT_TRUE(check_invoke("      FunctionName: f\n      Qualifier: '1'\n"
                           "      InvocationType: '{{Type}}'\n      LogType: None\n"
                           "      ClientContext: e30=\n      InputPayload: {}\n")
                  .diagnostics.empty());
}

// --- SSM108 branch-without-default

std::string branch_yaml(std::string_view choices, std::string_view default_line) {
  return fmt::format(R"(schemaVersion: '0.3'
mainSteps:
  - name: choose
    action: aws:branch
    inputs:
      Choices:
{}{}  - name: next
    action: aws:sleep
    inputs:
      Duration: PT1S
)",
                     choices, default_line);
}

constexpr std::string_view kStringChoice =
    "        - NextStep: next\n          Variable: '{{Mode}}'\n          StringEquals: a\n";

TEST(SsmBranchWithoutDefault, ReportsChoicesThatMayAllMiss) {
  const FileReport report = check("runbook.yaml", branch_yaml(kStringChoice, ""));
  EXPECT_EQ(finding_positions(report), Positions{"SSM108 6:7"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "aws:branch has no Default: when no choice matches, execution falls through to step "
            "\"next\"");
  EXPECT_EQ(d.help,
            "add Default naming the step to run when no choice matches (Default: next if falling "
            "through is intended)");
}

TEST(SsmBranchWithoutDefault, AcceptsDefaultAndExhaustiveBooleans) {
  EXPECT_TRUE(check("runbook.yaml", branch_yaml(kStringChoice, "      Default: next\n"))
                  .diagnostics.empty());
  const std::string both =
      "        - NextStep: next\n          Variable: '{{Flag}}'\n          BooleanEquals: true\n"
      "        - NextStep: next\n          Variable: '{{Flag}}'\n          BooleanEquals: false\n";
  EXPECT_TRUE(check("runbook.yaml", branch_yaml(both, "")).diagnostics.empty());
}

// AWS's resilience runbooks end with `isEnd: true` when no choice matches: that is explicit.
TEST(SsmBranchWithoutDefault, AcceptsIsEndAndNextStepOnTheBranchStep) {
  EXPECT_TRUE(
      check("runbook.yaml", branch_yaml(kStringChoice, "    isEnd: true\n")).diagnostics.empty());
  EXPECT_TRUE(
      check("runbook.yaml", branch_yaml(kStringChoice, "    isEnd: 'true'\n")).diagnostics.empty());
  EXPECT_TRUE(check("runbook.yaml", branch_yaml(kStringChoice, "    nextStep: next\n"))
                  .diagnostics.empty());
  EXPECT_EQ(
      finding_positions(check("runbook.yaml", branch_yaml(kStringChoice, "    isEnd: false\n"))),
      Positions{"SSM108 6:7"});
}

TEST(SsmBranchWithoutDefault, NamesTheEndOfTheRunbookForTheLastStep) {
  const FileReport report = check("runbook.json", R"({"schemaVersion": "0.3", "mainSteps": [
  {"name": "choose", "action": "aws:branch", "inputs": {"Choices": [
    {"NextStep": "choose", "Variable": "{{Flag}}", "BooleanEquals": true}]}}]})");
  EXPECT_EQ(finding_positions(report), Positions{"SSM108 2:57"});
  EXPECT_EQ(only_finding(report).message,
            "aws:branch has no Default: when no choice matches, the runbook ends after this step");
}

}  // namespace
}  // namespace wflint
