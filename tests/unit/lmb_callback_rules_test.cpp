// LMB002 callback-token-not-passed, LMB004 callback-without-timeout, LMB006
// payload-exceeds-limit, LMB015 missing-lambda-retry, LMB016 timeout-exceeds-lambda-max, LMB017
// task-token-outside-callback and LMB019 callback-in-express: what they report, and where.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using testing::rule_ids;
using Positions = std::vector<std::string>;

CheckOptions only(std::string_view rule, std::optional<StateMachineType> type = std::nullopt) {
  std::string error;
  CheckOptions options{*RuleFilter::parse(std::string(rule), "", error), std::nullopt};
  options.sfn_type = type;
  return options;
}

FileReport check(std::string_view rule, std::string_view text,
                 const std::string& path = "machine.asl.json") {
  return testing::check_text(path, text, Origin::Explicit, only(rule));
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  static const Diagnostic kNone;
  return report.diagnostics.empty() ? kNone : report.diagnostics.front();
}

// One state "T" on line 4; its fields start on line 5, column 7.
std::string machine(std::string_view state_fields, bool jsonata = false) {
  return fmt::format(R"({{{}
  "StartAt": "T",
  "States": {{
    "T": {{
      {},
      "End": true
    }}
  }}
}})",
                     jsonata ? R"( "QueryLanguage": "JSONata",)" : "", state_fields);
}

// The same state inside a Parallel branch (fields on line 10, column 15).
std::string in_parallel(std::string_view state_fields) {
  return fmt::format(R"({{
  "StartAt": "P",
  "States": {{
    "P": {{
      "Type": "Parallel",
      "Branches": [
        {{
          "StartAt": "T",
          "States": {{
            "T": {{ {}, "End": true }}
          }}
        }}
      ],
      "End": true
    }}
  }}
}})",
                     state_fields);
}

// The same state inside a Map's ItemProcessor (fields on line 9, column 15).
std::string in_map(std::string_view state_fields) {
  return fmt::format(R"({{
  "StartAt": "M",
  "States": {{
    "M": {{
      "Type": "Map",
      "ItemProcessor": {{
        "StartAt": "T",
        "States": {{
          "T": {{ {}, "End": true }}
        }}
      }},
      "End": true
    }}
  }}
}})",
                     state_fields);
}

constexpr std::string_view kCallback =
    R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken")";

std::string callback_with(std::string_view parameters) {
  return fmt::format(R"({}, "TimeoutSeconds": 60, "Parameters": {})", kCallback, parameters);
}

std::string jsonata_callback_with(std::string_view arguments) {
  return fmt::format(R"({}, "TimeoutSeconds": 60, "Arguments": {})", kCallback, arguments);
}

// ----- LMB002 callback-token-not-passed -----

TEST(CallbackTokenNotPassed, WholeInputPayloadDoesNotPassIt) {
  const FileReport report =
      check("LMB002", machine(callback_with(R"({"FunctionName": "f", "Payload.$": "$"})")));
  EXPECT_EQ(finding_positions(report), Positions{"LMB002 5:144"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Payload.$\"");
  EXPECT_EQ(d.message,
            "Payload never references the task token ($$.Task.Token): the function cannot report "
            "back, so the task waits until it times out");
  EXPECT_EQ(d.help,
            "pass it in Payload, e.g. \"Payload\": {\"TaskToken.$\": \"$$.Task.Token\", "
            "\"Input.$\": \"$\"}, so the function can call SendTaskSuccess or SendTaskFailure "
            "with it");
  EXPECT_EQ(d.pointer, "/States/T/Parameters/Payload.$");
  EXPECT_EQ(d.severity, Severity::Error);
}

TEST(CallbackTokenNotPassed, ObjectPayloadWithoutTheToken) {
  const FileReport report = check(
      "LMB002", machine(callback_with(R"({"FunctionName": "f", "Payload": {"id.$": "$.id"}})")));
  EXPECT_EQ(testing::spanned(only_finding(report).span), "\"Payload\"");
}

TEST(CallbackTokenNotPassed, MissingPayloadPointsAtParameters) {
  const FileReport report = check("LMB002", machine(callback_with(R"({"FunctionName": "f"})")));
  EXPECT_EQ(finding_positions(report), Positions{"LMB002 5:108"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Parameters\"");
  EXPECT_EQ(d.message,
            "this callback task has no Payload, so the function never receives the task token "
            "($$.Task.Token) and the task waits until it times out");
}

TEST(CallbackTokenNotPassed, MissingParametersPointsAtResource) {
  const FileReport report =
      check("LMB002", machine(fmt::format(R"({}, "TimeoutSeconds": 60)", kCallback)));
  EXPECT_EQ(testing::spanned(only_finding(report).span),
            "\"arn:aws:states:::lambda:invoke.waitForTaskToken\"");
}

TEST(CallbackTokenNotPassed, TokenAtAnyDepthOrInAnIntrinsicPasses) {
  for (std::string_view payload : {
           R"({"TaskToken.$": "$$.Task.Token"})",
           R"({"a": [{"b": {"token.$": "$$.Task.Token"}}]})",
           R"js({"msg.$": "States.Format('token {}', $$.Task.Token)"})js",
           R"js({"msg.$": "States.JsonToString(States.Array($.x, $$.Task.Token))"})js",
           R"({"task.$": "$$.Task"})",
           R"({"context.$": "$$"})",
       }) {
    const std::string parameters =
        fmt::format(R"({{"FunctionName": "f", "Payload": {}}})", payload);
    EXPECT_EQ(finding_positions(check("LMB002", machine(callback_with(parameters)))), Positions{})
        << payload;
  }
}

TEST(CallbackTokenNotPassed, WholePayloadPathsAreUnknownUnlessTheyAreTheInput) {
  for (std::string_view payload :
       {R"("$$.Task.Token")", R"("$.request")", R"("$myVariable")",
        R"js("States.JsonMerge($, $.extra, false)")js", R"("${Path}")"}) {
    const std::string parameters =
        fmt::format(R"({{"FunctionName": "f", "Payload.$": {}}})", payload);
    EXPECT_EQ(finding_positions(check("LMB002", machine(callback_with(parameters)))), Positions{})
        << payload;
  }
}

TEST(CallbackTokenNotPassed, TokenInClientContextReachesTheFunction) {
  const FileReport report = check(
      "LMB002",
      machine(callback_with(
          R"js({"FunctionName": "f", "Payload.$": "$", "ClientContext.$": "States.Base64Encode($$.Task.Token)"})js")));
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(CallbackTokenNotPassed, TokenOutsidePayloadDoesNotReachTheFunction) {
  const FileReport report = check(
      "LMB002", machine(callback_with(
                    R"({"FunctionName": "f", "TaskToken.$": "$$.Task.Token", "Payload": {}})")));
  EXPECT_EQ(testing::spanned(only_finding(report).span), "\"Payload\"");
}

TEST(CallbackTokenNotPassed, OnlyLambdaCallbacks) {
  const std::string other = R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", )"
                            R"("Parameters": {"FunctionName": "f", "Payload.$": "$"})";
  EXPECT_EQ(finding_positions(check("LMB002", machine(other))), Positions{});
  const std::string sqs =
      R"("Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", )"
      R"("Parameters": {"QueueUrl": "q", "MessageBody.$": "$"})";
  EXPECT_EQ(finding_positions(check("LMB002", machine(sqs))), Positions{});
}

TEST(CallbackTokenNotPassed, Jsonata) {
  const FileReport bad =
      check("LMB002",
            machine(jsonata_callback_with(
                        R"({"FunctionName": "f", "Payload": {"input": "{% $states.input %}"}})"),
                    true));
  EXPECT_EQ(finding_positions(bad), Positions{"LMB002 5:143"});
  EXPECT_EQ(only_finding(bad).message,
            "Payload never references the task token ($states.context.Task.Token): the function "
            "cannot report back, so the task waits until it times out");
  const FileReport whole_input = check(
      "LMB002",
      machine(jsonata_callback_with(R"({"FunctionName": "f", "Payload": "{% $states.input %}"})"),
              true));
  EXPECT_EQ(rule_ids(whole_input), std::vector<std::string>{"LMB002"});
  for (std::string_view payload : {
           R"({"token": "{% $states.context.Task.Token %}"})",
           R"("{% {'token': $states.context.Task.Token, 'in': $states.input} %}")",
           R"({"ctx": "{% $states.context %}"})",
           R"("{% $merge([$states.input, {'t': $states.context.Task.Token}]) %}")",
           R"("{% $states.input.request %}")",
           R"("{% $states.input. %}")",
       }) {
    const std::string arguments = fmt::format(R"({{"FunctionName": "f", "Payload": {}}})", payload);
    EXPECT_EQ(finding_positions(check("LMB002", machine(jsonata_callback_with(arguments), true))),
              Positions{})
        << payload;
  }
  const FileReport whole_arguments =
      check("LMB002", machine(jsonata_callback_with(R"("{% $states.input.request %}")"), true));
  EXPECT_EQ(finding_positions(whole_arguments), Positions{});
}

TEST(CallbackTokenNotPassed, NestedInParallelAndMap) {
  const std::string state = callback_with(R"({"FunctionName": "f", "Payload.$": "$"})");
  EXPECT_EQ(finding_positions(check("LMB002", in_parallel(state))), Positions{"LMB002 10:157"});
  EXPECT_EQ(finding_positions(check("LMB002", in_map(state))), Positions{"LMB002 9:155"});
}

TEST(CallbackTokenNotPassed, PlaceholderResourcesAndFunctionNames) {
  const std::string state =
      R"("Type": "Task", "Resource": "arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken", )"
      R"("TimeoutSeconds": 60, "Parameters": {"FunctionName": "${FunctionArn}", "Payload.$": "$"})";
  EXPECT_EQ(rule_ids(check("LMB002", machine(state))), std::vector<std::string>{"LMB002"});
  const std::string good =
      R"("Type": "Task", "Resource": "arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken", )"
      R"("TimeoutSeconds": 60, "Parameters": {"FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]}, )"
      R"("Payload": {"token.$": "$$.Task.Token"}})";
  EXPECT_EQ(finding_positions(check("LMB002", machine(good))), Positions{});
}

TEST(CallbackTokenNotPassed, Yaml) {
  const FileReport report = check("LMB002", R"(StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
    TimeoutSeconds: 60
    Parameters:
      FunctionName: !GetAtt Fn.Arn
      Payload:
        id.$: $.id
    End: true
)",
                                  "machine.asl.yaml");
  EXPECT_EQ(finding_positions(report), Positions{"LMB002 9:7"});
}

// ----- LMB004 callback-without-timeout -----

TEST(CallbackWithoutTimeout, UnderlinesTheSuffix) {
  const std::string state = fmt::format(
      R"({}, "Parameters": {{"FunctionName": "f", "Payload": {{"t.$": "$$.Task.Token"}}}})",
      kCallback);
  const FileReport report = check("LMB004", machine(state));
  EXPECT_EQ(finding_positions(report), Positions{"LMB004 5:66"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ".waitForTaskToken");
  EXPECT_EQ(d.message,
            "callback task \"T\" has neither TimeoutSeconds nor HeartbeatSeconds: if the token is "
            "lost it waits until the execution's one-year limit");
  EXPECT_EQ(d.pointer, "/States/T/Resource");
  EXPECT_EQ(d.severity, Severity::Warning);
}

TEST(CallbackWithoutTimeout, AnyTimerField) {
  for (std::string_view timer :
       {R"("TimeoutSeconds": 300)", R"("HeartbeatSeconds": 60)",
        R"("TimeoutSecondsPath": "$.timeout")", R"("HeartbeatSecondsPath": "$.heartbeat")"}) {
    const std::string state = fmt::format(R"({}, {})", kCallback, timer);
    EXPECT_EQ(finding_positions(check("LMB004", machine(state))), Positions{}) << timer;
  }
  const std::string jsonata =
      fmt::format(R"({}, "TimeoutSeconds": "{{% $states.input.timeout %}}")", kCallback);
  EXPECT_EQ(finding_positions(check("LMB004", machine(jsonata, true))), Positions{});
}

TEST(CallbackWithoutTimeout, AnyService) {
  const FileReport report = check(
      "LMB004",
      machine(
          R"("Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken")"));
  EXPECT_EQ(finding_positions(report), Positions{"LMB004 5:68"});
  const FileReport not_waiting =
      check("LMB004", machine(R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke")"));
  EXPECT_EQ(finding_positions(not_waiting), Positions{});
}

TEST(CallbackWithoutTimeout, FunctionArnsAreLeftToLmb001) {
  const FileReport report = check(
      "LMB004",
      machine(
          R"("Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken")"));
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(CallbackWithoutTimeout, JsonataNestedAndPlaceholders) {
  EXPECT_EQ(finding_positions(check("LMB004", machine(std::string(kCallback), true))),
            Positions{"LMB004 5:66"});
  EXPECT_EQ(finding_positions(check("LMB004", in_parallel(kCallback))), Positions{"LMB004 10:79"});
  EXPECT_EQ(finding_positions(check("LMB004", in_map(kCallback))), Positions{"LMB004 9:77"});
  const FileReport placeholder = check(
      "LMB004",
      machine(
          R"("Type": "Task", "Resource": "arn:${AWS::Partition}:states:::sqs:sendMessage.waitForTaskToken")"));
  EXPECT_EQ(testing::spanned(only_finding(placeholder).span), ".waitForTaskToken");
  const FileReport intrinsic = check(
      "LMB004", machine(R"("Type": "Task", "Resource": {"Fn::Sub": "arn:x.waitForTaskToken"})"));
  EXPECT_EQ(finding_positions(intrinsic), Positions{});
}

// ----- LMB006 payload-exceeds-limit -----

// A JSON string of exactly `bytes` bytes, quotes included.
std::string json_string_of(std::size_t bytes) {
  std::string out(bytes, 'x');
  out.front() = '"';
  out.back() = '"';
  return out;
}

TEST(PayloadExceedsLimit, PassResultOverTheLimit) {
  // {"a":"..."} is 6 bytes plus the string.
  const std::string over =
      fmt::format(R"("Type": "Pass", "Result": {{"a": {}}})", json_string_of(262'144 - 6 + 1));
  const FileReport report = check("LMB006", machine(over));
  EXPECT_EQ(finding_positions(report), Positions{"LMB006 5:23"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Result\"");
  EXPECT_EQ(d.message,
            "Result is 262,145 bytes of JSON, over the 262,144-byte (256 KiB) limit on a state's "
            "data: the state fails with States.DataLimitExceeded");
  EXPECT_EQ(d.pointer, "/States/T/Result");
  const std::string at_limit =
      fmt::format(R"("Type": "Pass", "Result": {{"a": {}}})", json_string_of(262'144 - 6));
  EXPECT_EQ(finding_positions(check("LMB006", machine(at_limit))), Positions{});
}

TEST(PayloadExceedsLimit, EscapesAndUtf8CountAsSerialized) {
  // Each "é" is two bytes of UTF-8, each \" two bytes of JSON: 4 bytes per repetition.
  std::string text;
  for (int i = 0; i < 65'536; ++i)
    text += "\\u00e9\\\"";
  const std::string over = fmt::format(R"("Type": "Pass", "Result": {{"a": "{}"}})", text);
  const FileReport report = check("LMB006", machine(over));
  EXPECT_EQ(only_finding(report).message,
            "Result is 262,152 bytes of JSON, over the 262,144-byte (256 KiB) limit on a state's "
            "data: the state fails with States.DataLimitExceeded");
}

TEST(PayloadExceedsLimit, LambdaPayloadAndRequestLimits) {
  const std::string sync = fmt::format(
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {{"FunctionName": "f", "Payload": {{"a": {}}}}})",
      json_string_of(7'000'000));
  const FileReport sync_report = check("LMB006", machine(sync));
  const Diagnostic& d = only_finding(sync_report);
  EXPECT_EQ(testing::spanned(d.span), "\"Payload\"");
  EXPECT_EQ(d.message,
            "Payload is 7,000,006 bytes of JSON, over the 262,144-byte (256 KiB) limit on a "
            "state's data, and over Lambda's 6 MB request limit for a synchronous invocation: the "
            "state fails with States.DataLimitExceeded");
  const std::string event = fmt::format(
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {{"FunctionName": "f", "InvocationType": "Event", "Payload": {{"a": {}}}}})",
      json_string_of(2'000'000));
  EXPECT_NE(only_finding(check("LMB006", machine(event)))
                .message.find("Lambda's 1 MB request limit for an Event invocation"),
            std::string::npos);
  const std::string function_arn = fmt::format(
      R"("Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Parameters": {{"a": {}}})",
      json_string_of(7'000'000));
  const FileReport function_arn_report = check("LMB006", machine(function_arn));
  const Diagnostic& whole = only_finding(function_arn_report);
  EXPECT_EQ(testing::spanned(whole.span), "\"Parameters\"");
  EXPECT_NE(whole.message.find("6 MB"), std::string::npos);
}

TEST(PayloadExceedsLimit, DynamicPartsCountAsAbsent) {
  const std::string big = json_string_of(300'000);
  // The literal part alone is over the limit: reported as a lower bound.
  const std::string lower_bound = fmt::format(
      R"("Type": "Pass", "Parameters": {{"a": {}, "b.$": "$.b", "c": {{"Ref": "X"}}}})", big);
  EXPECT_EQ(only_finding(check("LMB006", machine(lower_bound))).message,
            "Parameters is at least 300,006 bytes of JSON, over the 262,144-byte (256 KiB) limit "
            "on a state's data: the state fails with States.DataLimitExceeded");
  // Placeholders count as empty, JSONata expressions as absent.
  const std::string placeholder =
      fmt::format(R"("Type": "Pass", "Parameters": {{"a": "${{Big}}"}})");
  EXPECT_EQ(finding_positions(check("LMB006", machine(placeholder))), Positions{});
  const std::string jsonata =
      fmt::format(R"("Type": "Pass", "Output": {{"a": "{{% $string($states.input) %}}", "b": {}}})",
                  json_string_of(1'000));
  EXPECT_EQ(finding_positions(check("LMB006", machine(jsonata, true))), Positions{});
}

TEST(PayloadExceedsLimit, JsonataNestedAndYamlAliases) {
  const std::string output =
      fmt::format(R"("Type": "Pass", "Output": {{"a": {}}})", json_string_of(300'000));
  EXPECT_EQ(finding_positions(check("LMB006", machine(output, true))), Positions{"LMB006 5:23"});
  const std::string arguments = fmt::format(
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {{"FunctionName": "f", "Payload": {{"a": {}}}}})",
      json_string_of(300'000));
  EXPECT_EQ(testing::spanned(only_finding(check("LMB006", machine(arguments, true))).span),
            "\"Payload\"");
  const std::string result =
      fmt::format(R"("Type": "Pass", "Result": {{"a": {}}})", json_string_of(300'000));
  EXPECT_EQ(finding_positions(check("LMB006", in_parallel(result))), Positions{"LMB006 10:36"});
  EXPECT_EQ(finding_positions(check("LMB006", in_map(result))), Positions{"LMB006 9:34"});
  // 100-character rows, repeated 10 x 10 x 30 times through aliases: about 310 KB.
  const FileReport yaml = check("LMB006",
                                fmt::format(R"(StartAt: T
States:
  T:
    Type: Pass
    Result:
      row: &row {}
      block: &block [*row, *row, *row, *row, *row, *row, *row, *row, *row, *row]
      page: &page [*block, *block, *block, *block, *block, *block, *block, *block, *block, *block]
      book: [*page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page, *page]
    End: true
)",
                                            std::string(100, 'y')),
                                "machine.asl.yaml");
  EXPECT_EQ(finding_positions(yaml), Positions{"LMB006 5:5"});
}

// ----- LMB015 missing-lambda-retry -----

constexpr std::string_view kInvoke =
    R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"})";

TEST(MissingLambdaRetry, NoRetryPointsAtTheResource) {
  const FileReport report = check("LMB015", machine(kInvoke));
  EXPECT_EQ(finding_positions(report), Positions{"LMB015 5:35"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"arn:aws:states:::lambda:invoke\"");
  EXPECT_EQ(d.message,
            "Lambda task \"T\" has no Retry: a transient Lambda service error "
            "(Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException) fails "
            "it at once");
  EXPECT_EQ(d.severity, Severity::Warning);
}

TEST(MissingLambdaRetry, IncompleteRetryNamesWhatIsMissing) {
  const std::string state = fmt::format(
      R"({}, "Retry": [{{"ErrorEquals": ["Lambda.ServiceException"]}}, {{"ErrorEquals": ["Lambda.TooManyRequestsException"]}}])",
      kInvoke);
  const FileReport report = check("LMB015", machine(state));
  EXPECT_EQ(finding_positions(report), Positions{"LMB015 5:106"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "\"Retry\"");
  EXPECT_EQ(d.message,
            "Retry of Lambda task \"T\" does not cover Lambda.AWSLambdaException, "
            "Lambda.SdkClientException: such transient Lambda service errors fail the task at "
            "once");
}

TEST(MissingLambdaRetry, CoveredAcrossRetriersOrByWideRetriers) {
  for (
      std::string_view retry : {
          R"([{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"]}])",
          R"([{"ErrorEquals": ["Lambda.ServiceException"]}, {"ErrorEquals": ["Lambda.AWSLambdaException"]}, {"ErrorEquals": ["Lambda.SdkClientException"], "MaxAttempts": 2}])",
          R"([{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}])",
          R"([{"ErrorEquals": ["States.TaskFailed"]}])",
          R"([{"ErrorEquals": ["States.ALL"], "MaxAttempts": "{% $states.input.n %}"}])",
          R"([{"ErrorEquals": ["${RetryErrors}"]}])",
      }) {
    const std::string state = fmt::format(R"({}, "Retry": {})", kInvoke, retry);
    EXPECT_EQ(finding_positions(check("LMB015", machine(state))), Positions{}) << retry;
  }
}

TEST(MissingLambdaRetry, ZeroAttemptsDoNotRetry) {
  const std::string state =
      fmt::format(R"({}, "Retry": [{{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}}])", kInvoke);
  EXPECT_EQ(rule_ids(check("LMB015", machine(state))), std::vector<std::string>{"LMB015"});
}

TEST(MissingLambdaRetry, WhichTasks) {
  EXPECT_EQ(
      rule_ids(check("LMB015", machine(fmt::format(R"({}, "TimeoutSeconds": 60)", kCallback)))),
      std::vector<std::string>{"LMB015"});
  EXPECT_EQ(
      rule_ids(check(
          "LMB015",
          machine(
              R"("Type": "Task", "Resource": "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x")"))),
      std::vector<std::string>{"LMB015"});
  for (std::string_view resource :
       {"arn:aws:states:::lambda:invoke.sync", "arn:aws:states:::sqs:sendMessage",
        "arn:aws:states:::aws-sdk:lambda:invoke"}) {
    const std::string state = fmt::format(R"("Type": "Task", "Resource": "{}")", resource);
    EXPECT_EQ(finding_positions(check("LMB015", machine(state))), Positions{}) << resource;
  }
  const FileReport tagged = check("LMB015", R"(StartAt: T
States:
  T:
    Type: Task
    Resource: !GetAtt Fn.Arn
    End: true
)",
                                  "machine.asl.yaml");
  EXPECT_EQ(finding_positions(tagged), Positions{});
}

TEST(MissingLambdaRetry, JsonataAndNesting) {
  const std::string jsonata =
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"})";
  EXPECT_EQ(finding_positions(check("LMB015", machine(jsonata, true))), Positions{"LMB015 5:35"});
  EXPECT_EQ(finding_positions(check("LMB015", in_parallel(kInvoke))), Positions{"LMB015 10:48"});
  EXPECT_EQ(finding_positions(check("LMB015", in_map(kInvoke))), Positions{"LMB015 9:46"});
}

// ----- LMB016 timeout-exceeds-lambda-max -----

TEST(TimeoutExceedsLambdaMax, SynchronousInvoke) {
  const std::string state = fmt::format(R"({}, "TimeoutSeconds": 3600)", kInvoke);
  const FileReport report = check("LMB016", machine(state));
  EXPECT_EQ(finding_positions(report), Positions{"LMB016 5:124"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "3600");
  EXPECT_EQ(d.message,
            "TimeoutSeconds 3600 is above 900, the longest a Lambda function can run: the "
            "invocation times out in Lambda first, so this timeout never fires");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(finding_positions(
                check("LMB016", machine(fmt::format(R"({}, "TimeoutSeconds": 900)", kInvoke)))),
            Positions{});
}

TEST(TimeoutExceedsLambdaMax, OnlyWhenTheTaskWaitsForTheFunction) {
  const std::string function_arn =
      R"("Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "TimeoutSeconds": 1000)";
  EXPECT_EQ(rule_ids(check("LMB016", machine(function_arn))), std::vector<std::string>{"LMB016"});
  const std::string request_response =
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "InvocationType": "RequestResponse"}, "TimeoutSeconds": 1000)";
  EXPECT_EQ(rule_ids(check("LMB016", machine(request_response))),
            std::vector<std::string>{"LMB016"});
  for (
      std::string_view state : {
          R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 86400)",
          R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "InvocationType": "Event"}, "TimeoutSeconds": 1000)",
          R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "InvocationType.$": "$.type"}, "TimeoutSeconds": 1000)",
          R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecondsPath": "$.timeout")",
          R"("Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "TimeoutSeconds": 3600)",
      }) {
    EXPECT_EQ(finding_positions(check("LMB016", machine(state))), Positions{}) << state;
  }
}

TEST(TimeoutExceedsLambdaMax, JsonataNestingAndPlaceholders) {
  const std::string jsonata =
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "${FunctionArn}"}, "TimeoutSeconds": 1200)";
  EXPECT_EQ(finding_positions(check("LMB016", machine(jsonata, true))), Positions{"LMB016 5:136"});
  EXPECT_EQ(
      finding_positions(check(
          "LMB016",
          machine(
              R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $states.input.t %}")",
              true))),
      Positions{});
  const std::string state = fmt::format(R"({}, "TimeoutSeconds": 901)", kInvoke);
  EXPECT_EQ(finding_positions(check("LMB016", in_parallel(state))), Positions{"LMB016 10:137"});
  EXPECT_EQ(finding_positions(check("LMB016", in_map(state))), Positions{"LMB016 9:135"});
}

// ----- LMB017 task-token-outside-callback -----

TEST(TaskTokenOutsideCallback, TokenInARequestResponseTask) {
  const std::string state =
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}})";
  const FileReport report = check("LMB017", machine(state));
  EXPECT_EQ(finding_positions(report), Positions{"LMB017 5:129"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "$$.Task.Token");
  EXPECT_EQ(d.message,
            "\"$$.Task.Token\" is read in state \"T\", which is not a .waitForTaskToken task: the "
            "task token exists only while such a task runs");
  EXPECT_EQ(d.pointer, "/States/T/Parameters/Payload/token.$");
  EXPECT_EQ(d.severity, Severity::Error);
}

TEST(TaskTokenOutsideCallback, InsideIntrinsicsAndOtherStates) {
  const FileReport intrinsic = check(
      "LMB017",
      machine(
          R"js("Type": "Pass", "Parameters": {"msg.$": "States.Format('t={}', $$.Task.Token)"})js"));
  EXPECT_EQ(testing::spanned(only_finding(intrinsic).span), "$$.Task.Token");
  const FileReport choice = check("LMB017", R"({
  "StartAt": "C",
  "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$$.Task.Token", "IsPresent": true, "Next": "D"}], "Default": "D"},
    "D": {"Type": "Succeed"}
  }
})");
  EXPECT_EQ(finding_positions(choice), Positions{"LMB017 4:55"});
}

TEST(TaskTokenOutsideCallback, AnyCallbackTaskMayReadIt) {
  for (std::string_view resource :
       {"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "arn:aws:states:::lambda:invoke.waitForTaskToken",
        "arn:aws:lambda:us-east-1:123456789012:function:f.waitForTaskToken",
        "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::batch:submitJob.sync",
        "arn:aws:states:::${Service}:${Api}", "${CallbackResource}"}) {
    const std::string state = fmt::format(
        R"("Type": "Task", "Resource": "{}", "Parameters": {{"t.$": "$$.Task.Token"}})", resource);
    EXPECT_EQ(finding_positions(check("LMB017", machine(state))), Positions{}) << resource;
  }
}

TEST(TaskTokenOutsideCallback, OtherContextFieldsAreFine) {
  const std::string state =
      R"("Type": "Pass", "Parameters": {"ctx.$": "$$", "id.$": "$$.Execution.Id", "x": "$$.Task.Token"})";
  EXPECT_EQ(finding_positions(check("LMB017", machine(state))), Positions{});
}

TEST(TaskTokenOutsideCallback, Jsonata) {
  const std::string state =
      R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": {"t": "{% $states.context.Task.Token %}"}})";
  const FileReport report = check("LMB017", machine(state, true));
  EXPECT_EQ(finding_positions(report), Positions{"LMB017 5:125"});
  EXPECT_EQ(testing::spanned(only_finding(report).span), "$states.context.Task.Token");
  const std::string output =
      R"("Type": "Pass", "Output": "{% {'id': $states.context.Execution.Id, 'ctx': $states.context} %}")";
  EXPECT_EQ(finding_positions(check("LMB017", machine(output, true))), Positions{});
  const std::string callback = fmt::format(
      R"({}, "Arguments": {{"FunctionName": "f", "Payload": "{{% $states.context.Task.Token %}}"}})",
      kCallback);
  EXPECT_EQ(finding_positions(check("LMB017", machine(callback, true))), Positions{});
}

TEST(TaskTokenOutsideCallback, NestedInParallelAndMap) {
  const std::string state = R"("Type": "Pass", "Parameters": {"t.$": "$$.Task.Token"})";
  EXPECT_EQ(finding_positions(check("LMB017", in_parallel(state))), Positions{"LMB017 10:59"});
  EXPECT_EQ(finding_positions(check("LMB017", in_map(state))), Positions{"LMB017 9:57"});
  // The Map's own ItemSelector is not a callback task either.
  const FileReport selector = check("LMB017", R"({
  "StartAt": "M",
  "States": {
    "M": {
      "Type": "Map",
      "ItemSelector": {"t.$": "$$.Task.Token"},
      "ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Succeed"}}},
      "End": true
    }
  }
})");
  EXPECT_EQ(finding_positions(selector), Positions{"LMB017 6:32"});
}

// ----- LMB019 callback-in-express -----

FileReport check_express(std::string_view text, std::optional<StateMachineType> type) {
  return testing::check_text("machine.asl.json", text, Origin::Explicit, only("LMB019", type));
}

TEST(CallbackInExpress, OnlyWhenKnownExpress) {
  const std::string state = fmt::format(R"({}, "TimeoutSeconds": 60)", kCallback);
  const FileReport report = check_express(machine(state), StateMachineType::Express);
  EXPECT_EQ(finding_positions(report), Positions{"LMB019 5:66"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), ".waitForTaskToken");
  EXPECT_EQ(d.message,
            "state \"T\" waits for a task token, which an EXPRESS state machine does not support: "
            "Step Functions rejects the definition");
  EXPECT_EQ(finding_positions(check_express(machine(state), StateMachineType::Standard)),
            Positions{});
  EXPECT_EQ(finding_positions(check_express(machine(state), std::nullopt)), Positions{});
}

TEST(CallbackInExpress, AnyServiceJsonataAndNesting) {
  const std::string sqs =
      R"("Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken")";
  EXPECT_EQ(finding_positions(check_express(machine(sqs, true), StateMachineType::Express)),
            Positions{"LMB019 5:68"});
  EXPECT_EQ(finding_positions(check_express(in_parallel(kCallback), StateMachineType::Express)),
            Positions{"LMB019 10:79"});
  EXPECT_EQ(finding_positions(check_express(in_map(kCallback), StateMachineType::Express)),
            Positions{"LMB019 9:77"});
  const std::string placeholder =
      R"("Type": "Task", "Resource": "arn:${AWS::Partition}:states:::lambda:invoke.waitForTaskToken")";
  EXPECT_EQ(rule_ids(check_express(machine(placeholder), StateMachineType::Express)),
            std::vector<std::string>{"LMB019"});
  const std::string sync = R"("Type": "Task", "Resource": "arn:aws:states:::lambda:invoke")";
  EXPECT_EQ(finding_positions(check_express(machine(sync), StateMachineType::Express)),
            Positions{});
}

class SfnTypeCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  testing::CommandResult wflint(const std::string& args) const {
    return testing::run_command("cd '" + dir_ + "' && NO_COLOR= " + WFLINT_BINARY + " " + args +
                                " 2>stderr.txt");
  }
  std::string stderr_text() const { return testing::read_file(dir_ + "/stderr.txt"); }

  std::string dir_;
};

TEST_F(SfnTypeCliTest, ExpressReportsCallbacks) {
  testing::write_file(dir_ + "/m.asl.json",
                      machine(fmt::format(R"({}, "TimeoutSeconds": 60)", kCallback)));
  const auto express = wflint("check -q --select LMB019 --sfn-type express m.asl.json");
  EXPECT_EQ(express.exit_code, 1);
  EXPECT_NE(express.out.find("m.asl.json:5:66: error: state \"T\" waits for a task token"),
            std::string::npos)
      << express.out;
  const auto standard = wflint("check -q --select LMB019 --sfn-type standard m.asl.json");
  EXPECT_EQ(standard.exit_code, 0);
  EXPECT_EQ(standard.out, "");
  const auto unknown = wflint("check -q --select LMB019 m.asl.json");
  EXPECT_EQ(unknown.exit_code, 0);
  const auto bad = wflint("check --sfn-type bogus m.asl.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(stderr_text().find("--sfn-type"), std::string::npos) << stderr_text();
}

}  // namespace
}  // namespace wflint
