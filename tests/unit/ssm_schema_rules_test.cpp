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
            "\"timeoutSecond\" is not a field of the step \"wait\"; did you mean "
            "\"timeoutSeconds\"?");
}

TEST(SsmSchemaRules, MissingActionNamesTheStepAndUnderlinesItsName) {
  const FileReport report = check_with("r.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: InjectFailure
    inputs: {}
)");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"SSM001 3:11"});
  EXPECT_EQ(report.diagnostics[0].message, "the step \"InjectFailure\" has no \"action\"");
  EXPECT_EQ(report.diagnostics[0].pointer, "/mainSteps/0/action");
}

TEST(SsmSchemaRules, ParameterFieldsNameTheParameter) {
  const FileReport report = check_with("r.yaml", R"(schemaVersion: '0.3'
parameters:
  Role:
    type: String
    defualt: x
mainSteps:
  - name: wait
    action: aws:sleep
    inputs:
      Duration: PT5S
)");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"SSM001 5:5"});
  EXPECT_EQ(report.diagnostics[0].message,
            "\"defualt\" is not a field of the parameter \"Role\"; did you mean \"default\"?");
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

TEST(SsmSchemaRules, DefaultsAndAllowedValuesMustFitTheType) {
  const FileReport report = check_with("r.yaml", R"(schemaVersion: '0.3'
parameters:
  Count:
    type: Integer
    default: many
  Names:
    type: StringList
    default: [a, {b: c}]
  Tags:
    type: StringMap
    default: [x]
  Mode:
    type: String
    allowedValues: [fast, 2]
variables:
  Done:
    type: Boolean
    default: maybe
mainSteps:
  - name: wait
    action: aws:sleep
    inputs:
      Duration: PT5S
)");
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{"SSM001 5:14", "SSM001 8:14", "SSM001 11:14", "SSM001 14:27",
                                      "SSM001 18:14"}));
  EXPECT_EQ(report.diagnostics[0].message,
            "the default of Integer parameter \"Count\" is not a whole number");
  EXPECT_EQ(report.diagnostics[3].message,
            "the allowed value of String parameter \"Mode\" is not a string");
  EXPECT_EQ(report.diagnostics[3].severity, Severity::Warning);
  EXPECT_EQ(report.diagnostics[4].message,
            "the default of Boolean variable \"Done\" is not true or false");
  EXPECT_EQ(report.diagnostics[4].help, "write true or false, or change the variable's type");
}

TEST(SsmSchemaRules, DefaultMustBeOneOfTheAllowedValues) {
  const FileReport report = check_with("r.json", R"({"schemaVersion": "0.3",
 "parameters": {
  "Size": {"type": "String", "default": "huge", "allowedValues": ["small", "large"]},
  "Zones": {"type": "StringList", "default": ["a", "z"], "allowedValues": ["a", "b"]},
  "Retries": {"type": "Integer", "default": 2, "allowedValues": [1, 2, 3]}},
 "mainSteps": [{"name": "wait", "action": "aws:sleep", "inputs": {"Duration": "PT5S"}}]})");
  ASSERT_EQ(finding_positions(report), (std::vector<std::string>{"SSM001 3:41", "SSM001 4:52"}));
  EXPECT_EQ(report.diagnostics[0].message,
            "the default of parameter \"Size\" is not one of its allowedValues");
  ASSERT_EQ(report.diagnostics[0].related.size(), 1u);
}

TEST(SsmSchemaRules, ValuesReadAsTextAndFilledInValuesPass) {
  EXPECT_TRUE(findings("r.yaml", R"(schemaVersion: '0.3'
parameters:
  Count:
    type: Integer
    default: '5'
  Flag:
    type: Boolean
    default: 'true'
  Ami:
    type: String
    default: '{{ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'
  Bucket:
    type: AWS::S3::Bucket::Name
    default: !Ref Bucket
  Empty:
    type: MapList
    default: []
mainSteps:
  - name: wait
    action: aws:sleep
    inputs:
      Duration: PT5S
)")
                  .empty());
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
