// ASL401 invalid-resource-arn, ASL402 unsupported-service-pattern and ASL403
// unknown-service-integration: which Task Resources they report, and where.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;

CheckOptions resource_rules() {
  std::string error;
  return CheckOptions{*RuleFilter::parse("ASL4", "", error), std::nullopt};
}

FileReport check(const std::string& path, std::string_view text) {
  return testing::check_text(path, text, Origin::Explicit, resource_rules());
}

// One Task state; its Resource value starts on line 6, column 20.
std::string task_with_resource(std::string_view resource) {
  return fmt::format(R"({{
  "StartAt": "T",
  "States": {{
    "T": {{
      "Type": "Task",
      "Resource": "{}",
      "End": true
    }}
  }}
}})",
                     resource);
}

FileReport check_resource(std::string_view resource) {
  return check("machine.asl.json", task_with_resource(resource));
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  static const Diagnostic kNone;
  return report.diagnostics.empty() ? kNone : report.diagnostics.front();
}

TEST(SuspiciousRegionOrAccount, PointsAtTheAccount) {
  const FileReport report = check_resource("arn:aws:lambda:us-east-1:1234567890:function:f");
  EXPECT_EQ(finding_positions(report), Positions{"ASL404 6:45"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "1234567890");
  EXPECT_EQ(d.message, "account \"1234567890\" is not 12 digits");
  EXPECT_EQ(d.help,
            "an AWS account id has exactly 12 digits, as in 123456789012; if a deployment step "
            "fills it in, use a ${Placeholder} it replaces");
  EXPECT_EQ(d.pointer, "/States/T/Resource");
  EXPECT_EQ(d.severity, Severity::Warning);
}

TEST(InvalidResourceArn, UnderlinesAValueThatIsNoArn) {
  const FileReport report = check_resource("foo:bar");
  EXPECT_EQ(finding_positions(report), Positions{"ASL401 6:20"});
  EXPECT_EQ(testing::spanned(only_finding(report).span), "foo:bar");
}

TEST(InvalidResourceArn, EmptyValueUnderlinesTheQuotes) {
  const FileReport report = check_resource("");
  EXPECT_EQ(finding_positions(report), Positions{"ASL401 6:19"});
  EXPECT_EQ(testing::spanned(only_finding(report).span), "\"\"");
}

TEST(SuspiciousRegionOrAccount, InYaml) {
  const FileReport report = check("machine.asl.yaml", R"(StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:lambda:region-1:123456789012:function:f
    End: true
)");
  EXPECT_EQ(finding_positions(report), Positions{"ASL404 5:30"});
  EXPECT_EQ(testing::spanned(only_finding(report).span), "region-1");
}

TEST(InvalidResourceArn, JsonataStatesNeedAConstantResource) {
  const FileReport report = check("machine.asl.json", R"({
  "QueryLanguage": "JSONata",
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "{% $states.input.functionArn %}",
      "End": true
    },
    "U": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "{% $states.input.functionArn %}" },
      "End": true
    },
    "V": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:12345678901:function:f",
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), (Positions{"ASL401 7:20", "ASL404 18:45"}));
  EXPECT_EQ(report.diagnostics.front().message, "Resource cannot be a JSONata expression");
}

TEST(InvalidResourceArn, ChecksEveryScope) {
  const FileReport report = check("machine.asl.json", R"({
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "bad:a", "End": true } } }
      ],
      "Next": "M"
    },
    "M": {
      "Type": "Map",
      "ItemProcessor": {
        "StartAt": "B",
        "States": { "B": { "Type": "Task", "Resource": "bad:b", "End": true } }
      },
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), (Positions{"ASL401 7:75", "ASL401 15:57"}));
}

TEST(InvalidResourceArn, SkipsValuesFilledInAtDeployment) {
  EXPECT_EQ(finding_positions(check_resource("${ProcessFunctionArn}")), Positions{});
  EXPECT_EQ(finding_positions(check_resource("arn:${AWS::Partition}:states:::lambda:invoke")),
            Positions{});
  EXPECT_EQ(finding_positions(check("machine.asl.json", R"({
  "StartAt": "T",
  "States": {
    "T": { "Type": "Task", "Resource": { "Fn::GetAtt": ["Fn", "Arn"] }, "End": true }
  }
})")),
            Positions{});
  EXPECT_EQ(finding_positions(check("machine.asl.yaml", R"(StartAt: T
States:
  T:
    Type: Task
    Resource: !GetAtt Fn.Arn
    Next: U
  U:
    Type: Task
    Resource: !Sub arn:aws:lambda:us-east-1:123:function:f
    End: true
)")),
            Positions{});
}

TEST(InvalidResourceArn, OnlyTaskStates) {
  const FileReport report = check("machine.asl.json", R"({
  "StartAt": "T",
  "States": {
    "T": { "Type": "Pass", "Resource": "foo:bar", "End": true }
  }
})");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(InvalidResourceArn, AcceptsEveryWellFormedKind) {
  for (std::string_view resource : {
           "arn:aws:states:::lambda:invoke",
           "arn:aws:states:::sns:publish.waitForTaskToken",
           "arn:aws:states:::aws-sdk:s3:getObject",
           "arn:aws:states:us-east-1:123456789012:aws-sdk:s3:putObject",
           "arn:aws:lambda:us-east-1:123456789012:function:HelloWorld:$LATEST",
           "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:7",
           "arn:aws:states:us-west-2:123456789012:activity:HumanApproval",
       }) {
    EXPECT_EQ(finding_positions(check_resource(resource)), Positions{}) << resource;
  }
}

TEST(UnsupportedIntegrationPattern, SyncOnAnApiWithoutAJob) {
  const FileReport report = check_resource("arn:aws:states:::dynamodb:putItem.sync");
  EXPECT_EQ(finding_positions(report), Positions{"ASL402 6:53"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ".sync");
  EXPECT_EQ(d.message, "dynamodb:putItem does not support the .sync pattern");
  EXPECT_EQ(d.help, "dynamodb:putItem supports no suffix (request-response)");
}

TEST(UnsupportedIntegrationPattern, CallbackAndSync2) {
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::sns:publish.sync")),
            Positions{"ASL402 6:48"});
  const FileReport callback =
      check_resource("arn:aws:states:::athena:startQueryExecution.waitForTaskToken");
  EXPECT_EQ(finding_positions(callback), Positions{"ASL402 6:63"});
  EXPECT_EQ(only_finding(callback).help,
            "athena:startQueryExecution supports no suffix (request-response) or .sync");
  const FileReport sync2 = check_resource("arn:aws:states:::glue:startJobRun.sync:2");
  EXPECT_EQ(finding_positions(sync2), Positions{"ASL402 6:53"});
  EXPECT_EQ(only_finding(sync2).help,
            "did you mean \".sync\"? only states:startExecution has .sync:2");
}

TEST(UnsupportedIntegrationPattern, SdkIntegrationsHaveNoSync) {
  const FileReport report = check_resource("arn:aws:states:::aws-sdk:batch:submitJob.sync");
  EXPECT_EQ(finding_positions(report), Positions{"ASL402 6:60"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "AWS SDK integrations do not support the .sync pattern");
  EXPECT_EQ(d.help,
            "the optimized integration arn:aws:states:::batch:submitJob.sync waits for the job");
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::aws-sdk:s3:getObject.sync:2")),
            Positions{"ASL402 6:57"});
}

TEST(UnsupportedIntegrationPattern, AcceptsSupportedPatterns) {
  for (std::string_view resource : {
           "arn:aws:states:::states:startExecution.sync:2",
           "arn:aws:states:::states:startExecution.waitForTaskToken",
           "arn:aws:states:::ecs:runTask.sync",
           "arn:aws:states:::ecs:runTask.waitForTaskToken",
           "arn:aws:states:::batch:submitJob.sync",
           "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
           "arn:aws:states:::events:putEvents.waitForTaskToken",
           "arn:aws:states:::apigateway:invoke.waitForTaskToken",
           "arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken",
       }) {
    EXPECT_EQ(finding_positions(check_resource(resource)), Positions{}) << resource;
  }
}

// Lambda's own patterns are the LMB rules' business.
TEST(UnsupportedIntegrationPattern, LeavesLambdaToItsOwnRules) {
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::lambda:invoke.sync")), Positions{});
  EXPECT_EQ(finding_positions(check_resource(
                "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken")),
            Positions{});
}

TEST(UnknownServiceIntegration, UnknownApiOfAKnownService) {
  const FileReport report = check_resource("arn:aws:states:::dynamodb:query");
  EXPECT_EQ(finding_positions(report), Positions{"ASL403 6:46"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message, "dynamodb has no optimized integration for \"query\"");
  EXPECT_EQ(d.help,
            "other AWS APIs are called through the AWS SDK integration, as in "
            "arn:aws:states:::aws-sdk:dynamodb:query");
  EXPECT_EQ(only_finding(check_resource("arn:aws:states:::dynamodb:PutItem")).help,
            "did you mean \"putItem\"?");
}

TEST(UnknownServiceIntegration, UnknownService) {
  const FileReport report = check_resource("arn:aws:states:::dynamo:putItem");
  EXPECT_EQ(finding_positions(report), Positions{"ASL403 6:37"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "\"dynamo\" is not a service with an optimized integration");
  EXPECT_EQ(d.help, "did you mean \"dynamodb\"?");
}

TEST(UnknownServiceIntegration, IgnoresSdkIntegrations) {
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::aws-sdk:dynamodb:query")),
            Positions{});
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::aws-sdk:bedrockagent:getPrompt")),
            Positions{});
}

}  // namespace
}  // namespace wflint
