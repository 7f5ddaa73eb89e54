// SSM001 invalid-runbook-structure (schemas/ssm-automation.schema.json through valijson) and
// SSM004 unknown-action.
#include <gtest/gtest.h>

#include <optional>

#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

FileReport check_with(const std::string& name, std::string_view text) {
  std::string error;
  CheckOptions options{*RuleFilter::parse("SSM001,SSM004", "", error), std::nullopt};
  return check_text(name, text, Origin::Explicit, options);
}

std::vector<std::string> findings(const std::string& name, std::string_view text) {
  return finding_positions(check_with(name, text));
}

TEST(SsmSchemaRules, UnknownStepFieldIsReportedAtItsKeyWithDidYouMean) {
  const FileReport report = check_with("r.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: wait
    action: aws:sleep
    timeoutSecond: 60
    inputs:
      Duration: PT5S
)");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"SSM001 5:5"});
  EXPECT_EQ(report.diagnostics[0].message,
            "\"timeoutSecond\" is not a field of a step; did you mean \"timeoutSeconds\"?");
}

TEST(SsmSchemaRules, MissingFunctionNameAndUnknownInvokeInputInJson) {
  const FileReport report = check_with("r.json", R"({"schemaVersion": "0.3",
 "mainSteps": [
  {"name": "invoke", "action": "aws:invokeLambdaFunction",
   "inputs": {"Payloud": "{}"}}]})");
  EXPECT_EQ(finding_positions(report), (std::vector<std::string>{"SSM001 4:4", "SSM001 4:15"}));
}

TEST(SsmSchemaRules, WrongValueTypeAndParameterType) {
  EXPECT_EQ(findings("r.yaml", R"(schemaVersion: '0.3'
parameters:
  Role:
    type: Strin
mainSteps:
  - name: wait
    action: aws:sleep
    maxAttempts: true
    inputs:
      Duration: PT5S
)"),
            (std::vector<std::string>{"SSM001 4:11", "SSM001 8:18"}));
}

TEST(SsmSchemaRules, AcceptsWhatAwsAccepts) {
  EXPECT_TRUE(findings("r.yaml", R"(schemaVersion: '0.3'
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  AutomationAssumeRole:
    type: AWS::IAM::Role::Arn
variables:
  Count:
    type: Integer
    default: 0
mainSteps:
  - name: loop
    action: aws:loop
    onCancel: Abort
    isCritical: 'true'
    inputs:
      MaxIterations: 3
      LoopCondition:
        Variable: '{{ variable:Count }}'
        NumericLesser: 3
      Steps:
        - name: bump
          action: aws:updateVariable
          inputs:
            Name: variable:Count
            Value: 1
)")
                  .empty());
}

TEST(SsmSchemaRules, NestedLoopStepIsChecked) {
  EXPECT_EQ(findings("r.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: loop
    action: aws:loop
    inputs:
      Iterators: [a, b]
      Steps:
        - name: bump
          action: aws:sleeep
          inputs:
            Duration: PT1S
)"),
            std::vector<std::string>{"SSM004 9:19"});
}

TEST(SsmUnknownAction, SuggestsTheClosestAction) {
  const FileReport report = check_with("r.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: invoke
    action: aws:invokeLambda
    inputs:
      FunctionName: f
)");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"SSM004 4:13"});
  EXPECT_EQ(report.diagnostics[0].message,
            "action \"aws:invokeLambda\" is not an SSM Automation action; did you mean "
            "\"aws:invokeLambdaFunction\"?");
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Error);
}

TEST(SsmUnknownAction, UndocumentedAwsActionIsInfo) {
  const FileReport report = check_with("r.json", R"({"schemaVersion": "0.3", "mainSteps": [
  {"name": "m", "action": "aws:shareSQLMedia", "inputs": {}}]})");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"SSM004 2:27"});
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Info);
}

TEST(SsmUnknownAction, DocumentedActionsPass) {
  EXPECT_TRUE(findings("r.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: hook
    action: aws:invokeWebhook
    inputs:
      IntegrationName: ops
)")
                  .empty());
}

}  // namespace
}  // namespace wflint
