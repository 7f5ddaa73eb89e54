// The LambdaInvokeFunction@1 task of Azure Pipelines (AWS Toolkit for Azure DevOps): the pipeline
// view that finds the task's steps, and the rules AZP001 missing-function-name, AZP002
// invalid-invocation-type, AZP003 tail-log-ignored, AZP004 output-variable-with-event, AZP005
// payload-not-json and AZP006 unknown-task-input.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "model/azure/pipeline.h"
#include "model/document_kind.h"
#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;

FileReport check(std::string_view text) {
  return testing::check_text("azure-pipelines.yml", text);
}

// A pipeline with a build stage and a deployment stage; the invoke step sits in the deployment
// job's runOnce deploy hook. Its first input line is line 25, and its keys start at column 21.
std::string deployment_pipeline(std::string_view input_lines) {
  return fmt::format(R"(trigger:
  - main
stages:
  - stage: Build
    jobs:
      - job: Package
        pool:
          vmImage: ubuntu-latest
        steps:
          - script: npm ci && npm run build
            displayName: Build
  - stage: Deploy
    dependsOn: Build
    jobs:
      - deployment: Release
        environment: production
        strategy:
          runOnce:
            deploy:
              steps:
                - task: LambdaInvokeFunction@1
                  displayName: Run migrations
                  inputs:
                    awsCredentials: aws-production
{})",
                     input_lines);
}

FileReport check_inputs(std::string_view input_lines) {
  return check(deployment_pipeline(input_lines));
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  return report.diagnostics.at(0);
}

// --- The pipeline view

std::vector<std::string> invoked_functions(std::string_view yaml) {
  const testing::LoadedText loaded = testing::load_text("p.yml", yaml, Syntax::Yaml);
  EXPECT_EQ(classify(&loaded.root()), DocumentKind::AzurePipelines);
  const azure::Pipeline pipeline(loaded.root());
  std::vector<std::string> out;
  for (const azure::TaskStep& step : pipeline.lambda_invocations()) {
    const Node* name = step.input("functionName");
    out.emplace_back(name ? name->text() : "?");
  }
  return out;
}

TEST(AzurePipeline, FindsTheTaskWhereverAPipelineHoldsSteps) {
  const std::string yaml = R"(steps:
  - task: LambdaInvokeFunction@1
    inputs: {functionName: top}
jobs:
  - job: A
    steps:
      - task: LambdaInvokeFunction@1
        inputs: {functionName: job}
stages:
  - stage: S
    jobs:
      - job: B
        steps:
          - task: LambdaInvokeFunction@1
            inputs: {functionName: stage-job}
      - deployment: D
        strategy:
          runOnce:
            preDeploy:
              steps:
                - task: LambdaInvokeFunction@1
                  inputs: {functionName: pre-deploy}
            deploy:
              steps:
                - task: LambdaInvokeFunction@1
                  inputs: {functionName: deploy}
            on:
              failure:
                steps:
                  - task: LambdaInvokeFunction@1
                    inputs: {functionName: on-failure}
      - deployment: R
        strategy:
          rolling:
            routeTraffic:
              steps:
                - task: LambdaInvokeFunction@1
                  inputs: {functionName: rolling-route}
          canary:
            postRouteTraffic:
              steps:
                - task: LambdaInvokeFunction@1
                  inputs: {functionName: canary-post-route}
            on:
              success:
                steps:
                  - task: LambdaInvokeFunction@1
                    inputs: {functionName: canary-success}
)";
  EXPECT_EQ(
      invoked_functions(yaml),
      (std::vector<std::string>{"top", "job", "stage-job", "pre-deploy", "deploy", "on-failure",
                                "rolling-route", "canary-post-route", "canary-success"}));
}

TEST(AzurePipeline, CollectsOnlyLambdaInvokeFunctionMatchedIgnoringCase) {
  const std::string yaml = R"(steps:
  - script: echo hello
  - task: S3Upload@1
    inputs: {bucketName: b}
  - template: steps/invoke.yml
  - task: lambdainvokefunction@1
    inputs: {functionName: lower}
  - task: AmazonWebServices.aws-vsts-tools.LambdaInvokeFunction.LambdaInvokeFunction@1
    inputs: {FUNCTIONNAME: qualified}
  - task: LambdaDeployFunction@1
    inputs: {functionName: deployed}
)";
  EXPECT_EQ(invoked_functions(yaml), (std::vector<std::string>{"lower", "qualified"}));
}

TEST(AzurePipeline, ReadsTheTaskReference) {
  const testing::LoadedText loaded = testing::load_text("p.yml", R"(steps:
  - task: LambdaInvokeFunction@1.23.0
  - task: LambdaInvokeFunction
    inputs: not-a-mapping
)",
                                                        Syntax::Yaml);
  const azure::Pipeline pipeline(loaded.root());
  ASSERT_EQ(pipeline.lambda_invocations().size(), 2u);
  const azure::TaskStep& versioned = pipeline.lambda_invocations()[0];
  EXPECT_EQ(versioned.name, "LambdaInvokeFunction");
  EXPECT_EQ(versioned.major_version, "1");
  EXPECT_EQ(testing::spanned(versioned.task->span()), "LambdaInvokeFunction@1.23.0");
  EXPECT_EQ(versioned.inputs, nullptr);
  const azure::TaskStep& bare = pipeline.lambda_invocations()[1];
  EXPECT_EQ(bare.major_version, "");
  EXPECT_EQ(bare.inputs, nullptr);
  EXPECT_EQ(bare.input("functionName"), nullptr);
}

TEST(AzurePipeline, TellsExpressionsApart) {
  EXPECT_TRUE(azure::holds_pipeline_expression("$(fn)"));
  EXPECT_TRUE(azure::holds_pipeline_expression("${{ parameters.fn }}"));
  EXPECT_TRUE(azure::holds_pipeline_expression("$[ variables.fn ]"));
  EXPECT_FALSE(azure::holds_pipeline_expression("price is $5"));
}

// --- Pipelines without the task

TEST(AzpRules, PipelineWithoutLambdaTasksGivesNothing) {
  const FileReport report = check(R"(trigger:
  - main
jobs:
  - job: Test
    pool:
      vmImage: ubuntu-latest
    steps:
      - task: NodeTool@0
        inputs:
          versionSpec: '20.x'
      - script: npm test
      - task: S3Upload@1
        inputs:
          bucketName: artifacts
          invocationType: Sideways
)");
  EXPECT_TRUE(report.checked);
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(AzpRules, AGoodInvocationGivesNothing) {
  EXPECT_EQ(finding_positions(check_inputs(R"yaml(                    regionName: eu-west-1
                    functionName: migrate-database
                    invocationType: RequestResponse
                    payload: |
                      {"target": "$(Release.EnvironmentName)", "dryRun": false}
                    outputVariable: migrationResult
                    logRequest: true
)yaml")),
            Positions{});
}

// --- AZP001 missing-function-name

TEST(AzpMissingFunctionName, ReportsTheInputsKeyOfAStepWithoutFunctionName) {
  const FileReport report = check_inputs("                    regionName: eu-west-1\n");
  EXPECT_EQ(finding_positions(report), Positions{"AZP001 23:19"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "LambdaInvokeFunction has no functionName input: the task fails with \"Input "
            "required: functionName\"");
  EXPECT_EQ(d.pointer, "/stages/1/jobs/0/strategy/runOnce/deploy/steps/0/inputs/functionName");
  EXPECT_FALSE(d.help.empty());
}

TEST(AzpMissingFunctionName, ReportsTheTaskOfAStepWithoutInputs) {
  EXPECT_EQ(finding_positions(check(R"(steps:
  - task: LambdaInvokeFunction@1
    displayName: Invoke
)")),
            Positions{"AZP001 2:11"});
}

TEST(AzpMissingFunctionName, ReportsAnEmptyFunctionName) {
  EXPECT_EQ(finding_positions(check_inputs("                    functionName: ''\n")),
            Positions{"AZP001 25:35"});
  EXPECT_EQ(finding_positions(check_inputs("                    functionName:\n")),
            Positions{"AZP001 25:21"});
}

TEST(AzpMissingFunctionName, AcceptsAnyCaseAndMacros) {
  EXPECT_EQ(finding_positions(check_inputs("                    FunctionName: $(MigrationFn)\n")),
            Positions{});
}

// --- AZP002 invalid-invocation-type

TEST(AzpInvalidInvocationType, ReportsDryRun) {
  const FileReport report = check_inputs(R"(                    functionName: migrate
                    invocationType: DryRun
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP002 26:37"});
  EXPECT_EQ(only_finding(report).message,
            "invocationType \"DryRun\" is not offered by LambdaInvokeFunction, which takes "
            "\"Event\", \"RequestResponse\": a DryRun invoke does not run the function");
}

TEST(AzpInvalidInvocationType, SuggestsTheValueOfAnotherCase) {
  const FileReport report = check_inputs(R"(                    functionName: migrate
                    invocationType: event
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP002 26:37"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "invocationType \"event\" is not one of \"Event\", \"RequestResponse\": Lambda "
            "rejects the invoke");
  EXPECT_EQ(d.help, "did you mean \"Event\"? (the values are case-sensitive)");
}

TEST(AzpInvalidInvocationType, DoesNotJudgeExpressionsOrEmptyValues) {
  for (std::string_view value :
       {"$(InvokeMode)", "${{ parameters.mode }}", "$[ variables.mode ]", "''", "Event"}) {
    EXPECT_EQ(finding_positions(check_inputs(fmt::format(
                  "                    functionName: f\n                    invocationType: {}\n",
                  value))),
              Positions{})
        << value;
  }
}

// --- AZP003 tail-log-ignored

TEST(AzpTailLogIgnored, ReportsTailWithoutALogsVariable) {
  const FileReport report = check_inputs(R"(                    functionName: smoke-test
                    logType: Tail
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP003 26:30"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(testing::spanned(d.span), "Tail");
}

TEST(AzpTailLogIgnored, AcceptsNoneMacrosAndALogsVariable) {
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: smoke-test
                    logType: None
)")),
            Positions{});
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: smoke-test
                    logType: $(LogType)
)")),
            Positions{});
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: smoke-test
                    logType: Tail
                    outputLogsVariable: smokeLog
)")),
            Positions{});
}

// --- AZP004 output-variable-with-event

TEST(AzpOutputVariableWithEvent, ReportsTheVariableOfAnEventInvoke) {
  const FileReport report = check_inputs(R"(                    functionName: build-report
                    invocationType: Event
                    outputVariable: reportUrl
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP004 27:37"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "outputVariable \"reportUrl\" is always empty: an Event invoke returns no response");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), "Event");
}

TEST(AzpOutputVariableWithEvent, ReportsTheLogsVariableToo) {
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: build-report
                    invocationType: Event
                    outputLogsVariable: reportLog
)")),
            Positions{"AZP004 27:41"});
}

TEST(AzpOutputVariableWithEvent, AcceptsRequestResponseAndMacros) {
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: build-report
                    invocationType: RequestResponse
                    outputVariable: reportUrl
)")),
            Positions{});
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: build-report
                    invocationType: $(InvokeMode)
                    outputVariable: reportUrl
)")),
            Positions{});
  EXPECT_EQ(finding_positions(check_inputs(R"(                    functionName: build-report
                    invocationType: Event
                    outputVariable: ''
)")),
            Positions{});
}

// --- AZP005 payload-not-json

FileReport check_payload(std::string_view payload_line) {
  return check_inputs(fmt::format(
      "                    functionName: notify\n                    payload: {}\n", payload_line));
}

TEST(AzpPayloadNotJson, ReportsAPayloadTheTaskWrapsAsAString) {
  const FileReport report = check_payload("version=$(Build.BuildNumber)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP005 26:30"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message,
            "payload does not start and end like JSON, so the task sends it as one JSON string: "
            "the function receives a string, not an object");
  EXPECT_EQ(finding_positions(check_payload("42")), Positions{"AZP005 26:30"});
  EXPECT_EQ(finding_positions(check_payload("'{\"a\": 1} # done'")), Positions{"AZP005 26:30"});
  // Whatever the macro holds, the payload cannot end like JSON.
  EXPECT_EQ(finding_positions(check_payload("$(Greeting) world")), Positions{"AZP005 26:30"});
}

TEST(AzpPayloadNotJson, ReportsJsonErrorsAtTheirCharacter) {
  // The text starts at column 31, after the quote.
  const FileReport report =
      check_payload(R"yaml('{"id": "$(Build.BuildId)", "tags": ["a",]}')yaml");
  EXPECT_EQ(finding_positions(report), Positions{"AZP005 26:70"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ",");
  EXPECT_EQ(d.message, "payload is not JSON: trailing comma is not allowed in JSON");
  EXPECT_EQ(finding_positions(check_payload(R"yaml('{"id": 1]')yaml")), Positions{"AZP005 26:39"});
}

TEST(AzpPayloadNotJson, TreatsMacrosAsValues) {
  EXPECT_EQ(finding_positions(
                check_payload(R"yaml('{"id": "$(Build.BuildId)", "count": $(Count)}')yaml")),
            Positions{});
  EXPECT_EQ(finding_positions(check_payload(R"yaml('[${{ parameters.first }}, 2]')yaml")),
            Positions{});
  EXPECT_EQ(finding_positions(check_payload(R"yaml('"$(Build.SourceBranchName)"')yaml")),
            Positions{});
}

TEST(AzpPayloadNotJson, DoesNotJudgeAnExpressionAtEitherEndOrAnEmptyPayload) {
  EXPECT_EQ(finding_positions(check_payload("$(Payload)")), Positions{});
  EXPECT_EQ(finding_positions(check_payload("${{ convertToJson(parameters.event) }}")),
            Positions{});
  EXPECT_EQ(finding_positions(check_payload("'  '")), Positions{});
}

TEST(AzpPayloadNotJson, ReadsBlockScalars) {
  EXPECT_EQ(finding_positions(check_inputs(R"yaml(                    functionName: notify
                    payload: |
                      {
                        "release": "$(Release.ReleaseName)",
                        "approved": true
                      }
)yaml")),
            Positions{});
}

TEST(AzpPayloadNotJson, ReportsAMappingAsAnError) {
  const FileReport report = check_inputs(R"(                    functionName: notify
                    payload:
                      release: v1
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP005 27:23"});
  EXPECT_EQ(only_finding(report).severity, Severity::Error);
}

// --- AZP006 unknown-task-input

TEST(AzpUnknownTaskInput, ReportsAnUnknownInputWithTheClosestName) {
  const FileReport report = check_inputs(R"(                    functionName: resize
                    outputVariabel: resized
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP006 26:21"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "LambdaInvokeFunction has no input \"outputVariabel\": the task ignores it");
  EXPECT_TRUE(d.help.starts_with("did you mean \"outputVariable\"?")) << d.help;
  EXPECT_EQ(testing::spanned(d.span), "outputVariabel");
}

TEST(AzpUnknownTaskInput, AcceptsEveryInputInAnyCase) {
  EXPECT_EQ(finding_positions(check_inputs(R"(                    REGIONNAME: eu-west-1
                    functionname: resize
                    Payload: '{}'
                    invocationtype: RequestResponse
                    OutputVariable: resized
                    logtype: None
                    logRequest: true
                    LOGRESPONSE: false
)")),
            Positions{});
}

TEST(AzpUnknownTaskInput, ReportsAMajorVersionOtherThanOne) {
  const FileReport report = check(R"(jobs:
  - job: Invoke
    steps:
      - task: LambdaInvokeFunction@2
        inputs:
          functionName: resize
)");
  EXPECT_EQ(finding_positions(report), Positions{"AZP006 4:15"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "LambdaInvokeFunction@2 does not exist; the task's major version is 1");
  EXPECT_EQ(d.help, "write LambdaInvokeFunction@1");
  EXPECT_EQ(finding_positions(check(R"(steps:
  - task: LambdaInvokeFunction@0
    inputs: {functionName: resize}
)")),
            Positions{"AZP006 2:11"});
}

}  // namespace
}  // namespace wflint
