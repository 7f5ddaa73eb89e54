// The Invoke-request rules: LMB001 wait-for-token-on-function-arn, LMB003
// tail-log-with-async-invoke, LMB009 missing-function-name, LMB010 unknown-invoke-parameter,
// LMB011 invalid-invoke-parameter-value, LMB012 qualifier-conflict, LMB013
// invalid-function-reference, LMB014 unsupported-integration-pattern, LMB018 dry-run-invocation
// and LMB020 invoke-shape-on-function-arn.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;

constexpr std::string_view kInvokeRules =
    "LMB001,LMB003,LMB009,LMB010,LMB011,LMB012,LMB013,LMB014,LMB018,LMB020";

CheckOptions invoke_rules() {
  std::string error;
  return CheckOptions{*RuleFilter::parse(kInvokeRules, "", error), std::nullopt};
}

FileReport check(const std::string& path, std::string_view text) {
  return testing::check_text(path, text, Origin::Explicit, invoke_rules());
}

constexpr std::string_view kInvoke = "arn:aws:states:::lambda:invoke";
constexpr std::string_view kFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:f";

// One Task state: its Resource value starts on line 6, column 20; its Parameters value on line
// 7, column 21.
std::string task(std::string_view resource, std::string_view parameters) {
  return fmt::format(R"({{
  "StartAt": "T",
  "States": {{
    "T": {{
      "Type": "Task",
      "Resource": "{}",
      "Parameters": {},
      "End": true
    }}
  }}
}})",
                     resource, parameters);
}

FileReport check_task(std::string_view resource, std::string_view parameters) {
  return check("machine.asl.json", task(resource, parameters));
}

FileReport check_invoke(std::string_view parameters) {
  return check_task(kInvoke, parameters);
}

// The position of `needle` in the Parameters value written by task().
std::string at(std::string_view rule, std::string_view parameters, std::string_view needle) {
  return fmt::format("{} 7:{}", rule, 21 + parameters.find(needle));
}

// One Task state without Parameters; the Resource value starts on line 6, column 20.
FileReport check_resource(std::string_view resource) {
  return check("machine.asl.json", fmt::format(R"({{
  "StartAt": "T",
  "States": {{
    "T": {{
      "Type": "Task",
      "Resource": "{}",
      "End": true
    }}
  }}
}})",
                                               resource));
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  static const Diagnostic kNone;
  return report.diagnostics.empty() ? kNone : report.diagnostics.front();
}

// LMB001 wait-for-token-on-function-arn

TEST(WaitForTokenOnFunctionArn, UnderlinesTheSuffix) {
  const FileReport report = check_resource(std::string(kFunctionArn) + ".waitForTaskToken");
  EXPECT_EQ(finding_positions(report), Positions{"LMB001 6:68"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ".waitForTaskToken");
  EXPECT_EQ(d.message, "a Lambda function ARN cannot take the .waitForTaskToken suffix");
  EXPECT_EQ(d.help,
            "to wait for a callback, set Resource to "
            "arn:aws:states:::lambda:invoke.waitForTaskToken, name the function in "
            "Parameters.FunctionName and pass $$.Task.Token in the Payload");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.pointer, "/States/T/Resource");
}

TEST(WaitForTokenOnFunctionArn, SyncSuffixesToo) {
  const FileReport report = check_resource(std::string(kFunctionArn) + ":prod.sync");
  EXPECT_EQ(finding_positions(report), Positions{"LMB001 6:73"});
  EXPECT_EQ(only_finding(report).help,
            "remove \".sync\": a function ARN task already waits for the function to return");
  EXPECT_EQ(finding_positions(check_resource(std::string(kFunctionArn) + ".sync:2")),
            Positions{"LMB001 6:68"});
}

TEST(WaitForTokenOnFunctionArn, AcceptsPlainArnsAndTheCallbackIntegration) {
  EXPECT_EQ(finding_positions(check_resource(kFunctionArn)), Positions{});
  EXPECT_EQ(finding_positions(check_resource(std::string(kFunctionArn) + ":$LATEST")), Positions{});
  EXPECT_EQ(finding_positions(check_task("arn:aws:states:::lambda:invoke.waitForTaskToken",
                                         R"({ "FunctionName": "f", "Payload": {} })")),
            Positions{});
}

TEST(WaitForTokenOnFunctionArn, ReportsTheSuffixAfterPlaceholders) {
  const FileReport report =
      check_resource("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x.waitForTaskToken");
  EXPECT_EQ(finding_positions(report), Positions{"LMB001 6:78"});
  EXPECT_EQ(testing::spanned(only_finding(report).span), ".waitForTaskToken");
  EXPECT_EQ(finding_positions(check_resource("${FunctionArn}")), Positions{});
}

TEST(WaitForTokenOnFunctionArn, JsonataHelpNamesArgumentsAndTheJsonataToken) {
  const FileReport report = check("machine.asl.json", R"({
  "QueryLanguage": "JSONata",
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken",
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), Positions{"LMB001 7:68"});
  EXPECT_EQ(only_finding(report).help,
            "to wait for a callback, set Resource to "
            "arn:aws:states:::lambda:invoke.waitForTaskToken, name the function in "
            "Arguments.FunctionName and pass $states.context.Task.Token in the Payload");
}

// LMB014 unsupported-integration-pattern

TEST(UnsupportedLambdaIntegrationPattern, InvokeSync) {
  const FileReport report = check_resource("arn:aws:states:::lambda:invoke.sync");
  EXPECT_EQ(finding_positions(report), Positions{"LMB014 6:50"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ".sync");
  EXPECT_EQ(d.message, "lambda:invoke does not support the \".sync\" pattern");
  EXPECT_EQ(d.help,
            "remove \".sync\": arn:aws:states:::lambda:invoke already waits for the function to "
            "return; its only suffix is .waitForTaskToken, to wait for a callback");
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::lambda:invoke.sync:2")),
            Positions{"LMB014 6:50"});
}

TEST(UnsupportedLambdaIntegrationPattern, UnknownApi) {
  const FileReport typo = check_resource("arn:aws:states:::lambda:invok");
  EXPECT_EQ(finding_positions(typo), Positions{"LMB014 6:44"});
  EXPECT_EQ(only_finding(typo).message, "Step Functions has no lambda:invok integration");
  EXPECT_EQ(only_finding(typo).help, "did you mean \"invoke\"?");
  const FileReport other = check_resource("arn:aws:states:::lambda:listFunctions");
  EXPECT_EQ(only_finding(other).help,
            "call functions through arn:aws:states:::lambda:invoke, and other Lambda APIs "
            "through arn:aws:states:::aws-sdk:lambda:listFunctions");
}

TEST(UnsupportedLambdaIntegrationPattern, TemplatesAndSupportedForms) {
  EXPECT_EQ(finding_positions(check_resource("arn:${AWS::Partition}:states:::lambda:invoke.sync")),
            Positions{"LMB014 6:64"});
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::lambda:${LambdaApi}")), Positions{});
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::lambda:invoke")), Positions{});
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::lambda:invoke.waitForTaskToken")),
            Positions{});
  EXPECT_EQ(finding_positions(check_resource("arn:aws:states:::aws-sdk:lambda:invoke")),
            Positions{});
}

// LMB009 missing-function-name

TEST(MissingFunctionName, ReportsTheParametersKey) {
  const FileReport report = check_invoke(R"({ "Payload.$": "$" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB009 7:7"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Parameters\"");
  EXPECT_EQ(d.message,
            "Parameters of lambda:invoke has no FunctionName: Lambda does not know which "
            "function to run");
  EXPECT_EQ(d.pointer, "/States/T/Parameters");
}

TEST(MissingFunctionName, AcceptsAPathOrNoParametersAtAll) {
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName.$": "$.fn", "Payload.$": "$" })")),
            Positions{});
  // Without Parameters the state input is the request: it may well hold FunctionName.
  EXPECT_EQ(finding_positions(check_resource(kInvoke)), Positions{});
}

TEST(MissingFunctionName, LeavesAMisspelledNameToUnknownInvokeParameter) {
  const std::string parameters = R"({ "Functionname": "f" })";
  EXPECT_EQ(finding_positions(check_invoke(parameters)),
            Positions{at("LMB010", parameters, "\"Functionname\"")});
}

TEST(MissingFunctionName, CallbackInvokesToo) {
  EXPECT_EQ(finding_positions(check_task("arn:aws:states:::lambda:invoke.waitForTaskToken",
                                         R"({ "Payload": { "token.$": "$$.Task.Token" } })")),
            Positions{"LMB009 7:7"});
}

// LMB010 unknown-invoke-parameter

TEST(UnknownInvokeParameter, SuggestsTheClosestParameter) {
  const std::string parameters = R"({ "FunctionName": "f", "Qualifer": "1" })";
  const FileReport report = check_invoke(parameters);
  EXPECT_EQ(finding_positions(report), Positions{"LMB010 7:44"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Qualifer\"");
  EXPECT_EQ(d.message, "\"Qualifer\" is not a parameter of lambda:invoke");
  EXPECT_EQ(d.help, "did you mean \"Qualifier\"?");
  EXPECT_EQ(d.pointer, "/States/T/Parameters/Qualifer");
}

TEST(UnknownInvokeParameter, CaseAndDollarMixups) {
  const FileReport lower = check_invoke(R"({ "FunctionName": "f", "Invocationtype": "Event" })");
  EXPECT_EQ(only_finding(lower).help, "did you mean \"InvocationType\"?");
  const FileReport dollar = check_invoke(R"({ "FunctionName": "f", "Payload$": "$" })");
  EXPECT_EQ(only_finding(dollar).help, "did you mean \"Payload.$\"?");
  const FileReport other = check_invoke(R"({ "FunctionName": "f", "Input": {} })");
  EXPECT_EQ(only_finding(other).help,
            "lambda:invoke takes FunctionName, Payload, InvocationType, LogType, ClientContext "
            "and Qualifier; put what the function should receive inside Payload");
}

TEST(UnknownInvokeParameter, AcceptsTheSixInBothSpellings) {
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName.$": "$.f", "Payload": {}, "InvocationType": "Event",)"
                R"( "LogType.$": "$.l", "ClientContext": "e30=", "Qualifier": "1" })")),
            Positions{});
}

TEST(UnknownInvokeParameter, JsonataStatesTakeNoDollarKeys) {
  const FileReport report = check("machine.asl.json", R"({
  "QueryLanguage": "JSONata",
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "f", "Payload.$": "$" },
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), Positions{"LMB010 8:43"});
  EXPECT_EQ(only_finding(report).help,
            "JSONata states take no \".$\" keys: write \"Payload\" with a {% ... %} expression");
}

TEST(UnknownInvokeParameter, FunctionArnParametersAreTheEvent) {
  EXPECT_EQ(finding_positions(check_task(kFunctionArn, R"({ "orderId.$": "$.id" })")), Positions{});
}

// LMB011 invalid-invoke-parameter-value

TEST(InvalidInvokeParameterValue, UnknownInvocationType) {
  const std::string parameters = R"({ "FunctionName": "f", "InvocationType": "event" })";
  const FileReport report = check_invoke(parameters);
  EXPECT_EQ(finding_positions(report), Positions{at("LMB011", parameters, "\"event\"")});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "InvocationType \"event\" is not one Lambda accepts");
  EXPECT_EQ(d.help, "did you mean \"Event\"? InvocationType is RequestResponse, Event or DryRun");
}

TEST(InvalidInvokeParameterValue, UnknownLogType) {
  const FileReport report = check_invoke(R"({ "FunctionName": "f", "LogType": "Full" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB011 7:55"});
  EXPECT_EQ(only_finding(report).help, "LogType is None or Tail");
}

TEST(InvalidInvokeParameterValue, WrongType) {
  const FileReport report =
      check_invoke(R"({ "FunctionName": 42, "Qualifier": 1, "InvocationType": ["Event"] })");
  EXPECT_EQ(finding_positions(report), (Positions{"LMB011 7:39", "LMB011 7:56", "LMB011 7:77"}));
  EXPECT_EQ(report.diagnostics[0].message, "FunctionName must be a string, not a number");
  EXPECT_EQ(report.diagnostics[1].message, "Qualifier must be a string, not a number");
  EXPECT_EQ(report.diagnostics[1].help,
            "write it as a string: \"Qualifier\": \"1\" or \"Qualifier\": \"prod\"");
  EXPECT_EQ(report.diagnostics[2].message, "InvocationType must be a string, not an array");
}

TEST(InvalidInvokeParameterValue, ClientContext) {
  const FileReport bad_char = check_invoke(R"({ "FunctionName": "f", "ClientContext": "e30!" })");
  EXPECT_EQ(finding_positions(bad_char), Positions{"LMB011 7:65"});
  EXPECT_EQ(testing::spanned(only_finding(bad_char).span), "!");
  EXPECT_EQ(only_finding(bad_char).message,
            "ClientContext is not base64: this character is not in its alphabet");
  const FileReport bad_length = check_invoke(R"({ "FunctionName": "f", "ClientContext": "e30" })");
  EXPECT_EQ(only_finding(bad_length).message,
            "ClientContext is not base64: its length is not a multiple of 4");
  // "bm90IGpzb24=" is "not json".
  const FileReport not_json =
      check_invoke(R"({ "FunctionName": "f", "ClientContext": "bm90IGpzb24=" })");
  EXPECT_EQ(only_finding(not_json).message,
            "ClientContext decodes to something other than a JSON object");
  const FileReport too_long = check_invoke(
      fmt::format(R"({{ "FunctionName": "f", "ClientContext": "{}" }})", std::string(3584, 'A')));
  EXPECT_EQ(only_finding(too_long).message,
            "ClientContext is 3584 bytes long; Lambda takes at most 3,583");
  // {"custom":{"a":1}}
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "f", "ClientContext": "eyJjdXN0b20iOnsiYSI6MX19" })")),
            Positions{});
}

TEST(InvalidInvokeParameterValue, Qualifier) {
  const FileReport report = check_invoke(R"({ "FunctionName": "f", "Qualifier": "v 2" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB011 7:57"});
  EXPECT_EQ(only_finding(report).message,
            "qualifier \"v 2\" is not a version, an alias or $LATEST");
  EXPECT_EQ(only_finding(check_invoke(R"({ "FunctionName": "f", "Qualifier": "" })")).message,
            "Qualifier is empty");
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName": "f", "Qualifier": "$LATEST" })")),
            Positions{});
}

TEST(InvalidInvokeParameterValue, LeavesRunTimeValuesAlone) {
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "f", "InvocationType.$": "$.type", "LogType": "$.log" })")),
            Positions{});
  EXPECT_EQ(
      finding_positions(check_invoke(
          R"({ "FunctionName": "f", "InvocationType": "${Type}", "Qualifier": {"Ref": "V"} })")),
      Positions{});
}

TEST(InvalidInvokeParameterValue, Jsonata) {
  const FileReport report = check("machine.asl.json", R"({
  "QueryLanguage": "JSONata",
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "f", "InvocationType": "Evnt", "LogType": "{% $log %}" },
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), Positions{"LMB011 8:61"});
  EXPECT_EQ(only_finding(report).help,
            "did you mean \"Event\"? InvocationType is RequestResponse, Event or DryRun");
}

// LMB003 tail-log-with-async-invoke and LMB018 dry-run-invocation

TEST(TailLogWithAsyncInvoke, ReportsLogTypeWithTheInvocationTypeRelated) {
  const FileReport report =
      check_invoke(R"({ "FunctionName": "f", "InvocationType": "Event", "LogType": "Tail" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB003 7:82"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "LogType \"Tail\" needs a synchronous invoke, but InvocationType is \"Event\"");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), "\"Event\"");
  EXPECT_EQ(d.severity, Severity::Error);
}

TEST(TailLogWithAsyncInvoke, DryRunToo) {
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "f", "InvocationType": "DryRun", "LogType": "Tail" })")),
            (Positions{"LMB018 7:62", "LMB003 7:83"}));
}

TEST(TailLogWithAsyncInvoke, AcceptsSynchronousOrUnknownTypes) {
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName": "f", "LogType": "Tail" })")),
            Positions{});
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "f", "InvocationType.$": "$.t", "LogType": "Tail" })")),
            Positions{});
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "f", "InvocationType": "Event", "LogType": "None" })")),
            Positions{});
}

TEST(DryRunInvocation, IsAWarningOnTheValue) {
  const FileReport report = check_invoke(R"({ "FunctionName": "f", "InvocationType": "DryRun" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB018 7:62"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message,
            "InvocationType \"DryRun\" only checks the request: the function never runs");
  EXPECT_EQ(
      finding_positions(check_invoke(R"({ "FunctionName": "f", "InvocationType": "Event" })")),
      Positions{});
}

// LMB012 qualifier-conflict

TEST(QualifierConflict, ReportsQualifierWithTheNameRelated) {
  const FileReport report = check_invoke(R"({ "FunctionName": "f:1", "Qualifier": "prod" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB012 7:59"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "Qualifier \"prod\" conflicts with \"1\", the version or alias FunctionName already "
            "names");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), "1");
  EXPECT_EQ(d.help,
            "Lambda rejects the request: keep one, remove Qualifier or \":1\" from FunctionName");
}

TEST(QualifierConflict, ArnsAndMatchingQualifiers) {
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:f:live",)"
                R"( "Qualifier": "7" })")),
            Positions{"LMB012 7:109"});
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName": "f:prod", "Qualifier": "prod" })")),
            Positions{});
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName": "f", "Qualifier": "prod" })")),
            Positions{});
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName.$": "$.f", "Qualifier": "prod" })")),
            Positions{});
}

// LMB013 invalid-function-reference

TEST(InvalidFunctionReference, NameWithForbiddenCharacters) {
  const FileReport report = check_invoke(R"({ "FunctionName": "my function" })");
  EXPECT_EQ(finding_positions(report), Positions{"LMB013 7:40"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "my function");
  EXPECT_EQ(d.message, "function name \"my function\" has characters Lambda does not allow");
  EXPECT_EQ(d.pointer, "/States/T/Parameters/FunctionName");
}

TEST(InvalidFunctionReference, ArnParts) {
  const FileReport account =
      check_invoke(R"({ "FunctionName": "arn:aws:lambda:us-east-1:12345678901:function:f" })");
  EXPECT_EQ(finding_positions(account), Positions{"LMB013 7:65"});
  EXPECT_EQ(testing::spanned(only_finding(account).span), "12345678901");
  EXPECT_EQ(only_finding(account).message, "account \"12345678901\" is not 12 digits");
  const FileReport partition =
      check_invoke(R"({ "FunctionName": "arn:aws-foo:lambda:us-east-1:123456789012:function:f" })");
  EXPECT_EQ(only_finding(partition).message, "unknown partition \"aws-foo\"");
  const FileReport service = check_invoke(R"({ "FunctionName": "arn:aws:s3:::bucket" })");
  EXPECT_EQ(only_finding(service).message,
            "FunctionName is an ARN of \"s3\", not of a Lambda function");
  const FileReport dotted =
      check_invoke(R"({ "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:my.fn" })");
  EXPECT_EQ(testing::spanned(only_finding(dotted).span), "my.fn");
  const FileReport region =
      check_invoke(R"({ "FunctionName": "arn:aws:lambda:useast1:123456789012:function:f" })");
  EXPECT_EQ(only_finding(region).message, "\"useast1\" is not an AWS region");
}

TEST(InvalidFunctionReference, ShortForms) {
  EXPECT_EQ(only_finding(check_invoke(R"({ "FunctionName": "1234:function:f" })")).message,
            "account \"1234\" is not 12 digits");
  EXPECT_EQ(
      only_finding(check_invoke(fmt::format(R"({{ "FunctionName": "{}" }})", std::string(65, 'f'))))
          .message,
      "function name is longer than 64 characters");
  EXPECT_EQ(only_finding(check_invoke(R"({ "FunctionName": "a:b:c:d:e" })")).message,
            "FunctionName \"a:b:c:d:e\" is not a function name or function ARN");
  for (std::string_view good : {"my-function_1", "f:prod", "f:$LATEST", "123456789012:function:f",
                                "123456789012:function:f:3", "us-east-1:123456789012:function:f",
                                "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST",
                                "arn:aws-cn:lambda:cn-north-1:123456789012:function:f"}) {
    EXPECT_EQ(finding_positions(check_invoke(fmt::format(R"({{ "FunctionName": "{}" }})", good))),
              Positions{})
        << good;
  }
}

TEST(InvalidFunctionReference, PlaceholdersOfAnyTemplateToolAreUnknown) {
  for (std::string_view value :
       {"${FunctionArn}", "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x",
        "arn:aws:lambda:<region>:<account>:function:CallLLM:$LATEST", "{{Add}}",
        "arn:aws:lambda:{REGION}:{ACCOUNT}:function:f",
        "arn:aws:lambda:REGION:ACCOUNT_ID:function:f", "{% $states.input.fn %}"}) {
    EXPECT_EQ(finding_positions(check_invoke(fmt::format(R"({{ "FunctionName": "{}" }})", value))),
              Positions{})
        << value;
  }
  EXPECT_EQ(finding_positions(check_invoke(
                R"({ "FunctionName": { "Fn::GetAtt": ["Fn", "Arn"] }, "Payload": {} })")),
            Positions{});
}

TEST(InvalidFunctionReference, Yaml) {
  const FileReport report = check("machine.asl.yaml", R"(StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: !GetAtt Fn.Arn
      Payload.$: $
    Next: U
  U:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: bad name
    End: true
)");
  EXPECT_EQ(finding_positions(report), Positions{"LMB013 14:21"});
}

// LMB020 invoke-shape-on-function-arn

TEST(InvokeShapeOnFunctionArn, ReportsTheFirstInvokeKey) {
  const std::string parameters = R"({ "FunctionName": "f", "Payload.$": "$" })";
  const FileReport report = check_task(kFunctionArn, parameters);
  EXPECT_EQ(finding_positions(report), Positions{"LMB020 7:23"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.message,
            "\"FunctionName\" looks like an Invoke request field, but a function ARN task sends "
            "its Parameters to the function as the event");
  EXPECT_EQ(finding_positions(check_task(kFunctionArn, R"({ "id.$": "$.id", "Payload.$": "$" })")),
            Positions{"LMB020 7:39"});
}

TEST(InvokeShapeOnFunctionArn, AcceptsAPlainEventAndTheOptimizedIntegration) {
  EXPECT_EQ(finding_positions(check_task(kFunctionArn, R"({ "orderId.$": "$.id" })")), Positions{});
  EXPECT_EQ(finding_positions(check_invoke(R"({ "FunctionName": "f", "Payload.$": "$" })")),
            Positions{});
}

// Every rule in JSONata mode and nested in Parallel branches and Map item processors.

struct BadState {
  std::string_view rule;
  std::string_view jsonpath;  // the state object, JSONPath mode
  std::string_view jsonata;   // the same mistake in a JSONata state
};

const BadState kBadStates[] = {
    {"LMB001",
     R"({ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken", "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken", "End": true })"},
    {"LMB003",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "Event", "LogType": "Tail" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "InvocationType": "Event", "LogType": "Tail" }, "End": true })"},
    {"LMB009",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "Payload.$": "$" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "Payload": "{% $states.input %}" }, "End": true })"},
    {"LMB010",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "Qualifer": "1" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "Qualifer": "1" }, "End": true })"},
    {"LMB011",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "Evnt" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "InvocationType": "Evnt" }, "End": true })"},
    {"LMB012",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f:1", "Qualifier": "2" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f:1", "Qualifier": "2" }, "End": true })"},
    {"LMB013",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "my function" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "my function" }, "End": true })"},
    {"LMB014",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.sync", "Parameters": { "FunctionName": "f" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.sync", "Arguments": { "FunctionName": "f" }, "End": true })"},
    {"LMB018",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "DryRun" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "InvocationType": "DryRun" }, "End": true })"},
    {"LMB020",
     R"({ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Parameters": { "FunctionName": "f", "Payload.$": "$" }, "End": true })",
     R"({ "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Arguments": { "FunctionName": "f", "Payload": "{% $states.input %}" }, "End": true })"},
};

std::string in_parallel(std::string_view header, std::string_view state) {
  return fmt::format(R"({{ {}"StartAt": "P", "States": {{ "P": {{ "Type": "Parallel",
  "Branches": [ {{ "StartAt": "T", "States": {{ "T": {} }} }} ], "End": true }} }} }})",
                     header, state);
}

std::string in_map(std::string_view header, std::string_view state) {
  return fmt::format(R"({{ {}"StartAt": "M", "States": {{ "M": {{ "Type": "Map",
  "ItemProcessor": {{ "StartAt": "T", "States": {{ "T": {} }} }}, "End": true }} }} }})",
                     header, state);
}

std::vector<std::string> ids_of(const std::string& text) {
  return testing::rule_ids(check("machine.asl.json", text));
}

class InvokeRuleEverywhere : public ::testing::TestWithParam<BadState> {};

TEST_P(InvokeRuleEverywhere, InParallelBranchesAndMapProcessors) {
  const BadState& bad = GetParam();
  const std::vector<std::string> expected{std::string(bad.rule)};
  EXPECT_EQ(ids_of(in_parallel("", bad.jsonpath)), expected);
  EXPECT_EQ(ids_of(in_map("", bad.jsonpath)), expected);
}

TEST_P(InvokeRuleEverywhere, InJsonataStates) {
  const BadState& bad = GetParam();
  const std::vector<std::string> expected{std::string(bad.rule)};
  constexpr std::string_view kJsonata = R"("QueryLanguage": "JSONata", )";
  EXPECT_EQ(ids_of(in_parallel(kJsonata, bad.jsonata)), expected);
  EXPECT_EQ(ids_of(in_map(kJsonata, bad.jsonata)), expected);
}

INSTANTIATE_TEST_SUITE_P(Lmb, InvokeRuleEverywhere, ::testing::ValuesIn(kBadStates),
                         [](const ::testing::TestParamInfo<BadState>& param_info) {
                           return std::string(param_info.param.rule);
                         });

TEST(InvokeRulesPlaceholders, TemplatedRequestsAreNeverReported) {
  const FileReport report = check("machine.asl.yaml", R"(StartAt: A
States:
  A:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: ${FunctionArn}
      Qualifier: ${Alias}
      InvocationType: !Ref InvocationType
      ClientContext: !Sub "${Context}"
      Payload.$: $
    Next: B
  B:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x
      Qualifier: prod
    Next: C
  C:
    Type: Task
    Resource: !GetAtt Fn.Arn
    Parameters:
      FunctionName: f
    Next: D
  D:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters: !Ref Request
    End: true
)");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(InvokeRulesPlaceholders, JsonataArgumentsExpressionIsUnknown) {
  const FileReport report = check("machine.asl.json", R"({
  "QueryLanguage": "JSONata",
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": "{% $states.input.request %}",
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(report), Positions{});
}

}  // namespace
}  // namespace wflint
