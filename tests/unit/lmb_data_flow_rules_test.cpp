// LMB005 invoke-envelope-not-selected, LMB007 async-result-used and LMB008
// envelope-path-on-function-arn: the Lambda rules that read the data-flow analysis.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;

FileReport check(std::string_view text, const std::string& path = "machine.asl.json") {
  std::string error;
  const CheckOptions options{*RuleFilter::parse("LMB005,LMB007,LMB008", "", error), std::nullopt};
  return testing::check_text(path, text, Origin::Explicit, options);
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  static const Diagnostic kNone;
  return report.diagnostics.empty() ? kNone : report.diagnostics.front();
}

// ----- LMB007 async-result-used -----

constexpr std::string_view kEventResultReadLater = R"({
  "StartAt": "Notify",
  "States": {
    "Notify": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "notify", "InvocationType": "Event", "Payload.$": "$" },
      "ResultSelector": { "Status.$": "$.StatusCode", "Payload.$": "$.Payload" },
      "ResultPath": "$.notified",
      "Next": "Use"
    },
    "Use": {
      "Type": "Pass",
      "Parameters": { "answer.$": "$.notified.Payload.answer" },
      "End": true
    }
  }
})";

TEST(AsyncResultUsed, ReportsTheOwnResultSelectorAndALaterRead) {
  const FileReport report = check(kEventResultReadLater);
  EXPECT_EQ(finding_positions(report), (Positions{"LMB007 8:71", "LMB007 14:47"}));
  ASSERT_EQ(report.diagnostics.size(), 2u);
  const Diagnostic& own = report.diagnostics[0];
  EXPECT_EQ(testing::spanned(own.span), "Payload");
  EXPECT_EQ(own.message,
            "reads the Payload of its own result of \"Notify\", an InvocationType Event invoke: "
            "Lambda returns no function output to asynchronous invokes, so the Payload is always "
            "empty");
  EXPECT_EQ(own.pointer, "/States/Notify/ResultSelector/Payload.$");
  ASSERT_EQ(own.related.size(), 1u);
  EXPECT_EQ(testing::spanned(own.related[0].span), "\"Event\"");
  EXPECT_NE(own.help.find("RequestResponse"), std::string::npos);
  const Diagnostic& later = report.diagnostics[1];
  EXPECT_EQ(testing::spanned(later.span), "Payload");
  EXPECT_EQ(later.message,
            "reads the Payload of the result of \"Notify\", an InvocationType Event invoke: "
            "Lambda returns no function output to asynchronous invokes, so the Payload is always "
            "empty");
  EXPECT_EQ(later.severity, Severity::Error);
}

std::string single_invoke(std::string_view parameters, std::string_view fields,
                          std::string_view next_state) {
  return fmt::format(R"({{
  "StartAt": "Call",
  "States": {{
    "Call": {{
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {{ {} }},
      {}
      "Next": "After"
    }},
    "After": {}
  }}
}})",
                     parameters, fields, next_state);
}

constexpr std::string_view kReadsResultPayload =
    R"({ "Type": "Pass", "Parameters": { "v.$": "$.r.Payload" }, "End": true })";

TEST(AsyncResultUsed, ReportsAnOutputPathOnPayloadAndDryRun) {
  const FileReport report =
      check(single_invoke(R"("FunctionName": "f", "InvocationType": "DryRun")",
                          R"("OutputPath": "$.Payload",)", R"({ "Type": "Succeed" })"));
  EXPECT_EQ(finding_positions(report), Positions{"LMB007 8:24"});
  EXPECT_NE(only_finding(report).message.find("InvocationType DryRun invoke"), std::string::npos);
}

TEST(AsyncResultUsed, PassesSynchronousAndUndecidableInvokes) {
  const std::string fields =
      R"("ResultSelector": { "Payload.$": "$.Payload" }, "ResultPath": "$.r",)";
  // RequestResponse, no InvocationType, an InvocationType read from the input or a placeholder.
  for (const std::string_view parameters :
       {R"("FunctionName": "f", "InvocationType": "RequestResponse")", R"("FunctionName": "f")",
        R"("FunctionName": "f", "InvocationType.$": "$.type")",
        R"("FunctionName": "f", "InvocationType": "${Type}")"}) {
    EXPECT_EQ(finding_positions(check(single_invoke(parameters, fields, kReadsResultPayload))),
              Positions{})
        << parameters;
  }
  // ResultPath null: the Payload read later is the input's own.
  EXPECT_EQ(
      finding_positions(check(single_invoke(R"("FunctionName": "f", "InvocationType": "Event")",
                                            R"("ResultPath": null,)", kReadsResultPayload))),
      Positions{});
}

TEST(AsyncResultUsed, StaysSilentWhenOnlySomePathsCarryTheEmptyPayload) {
  constexpr std::string_view text = R"({
  "StartAt": "Pick",
  "States": {
    "Pick": { "Type": "Choice", "Choices": [{ "Variable": "$.async", "BooleanEquals": true, "Next": "Async" }], "Default": "Sync" },
    "Async": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "Event" }, "ResultPath": "$.r", "Next": "Use" },
    "Sync": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" }, "ResultSelector": { "Payload.$": "$.Payload" }, "ResultPath": "$.r", "Next": "Use" },
    "Use": { "Type": "Pass", "Parameters": { "v.$": "$.r.Payload" }, "End": true }
  }
})";
  EXPECT_EQ(finding_positions(check(text)), Positions{"LMB005 5:44"});  // no LMB007
}

TEST(AsyncResultUsed, FollowsJsonataOutputAndLaterStates) {
  constexpr std::string_view text = R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Notify",
  "States": {
    "Notify": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "notify", "InvocationType": "Event", "Payload": "{% $states.input %}" },
      "Output": { "sent": "{% $states.result %}" },
      "Next": "Use"
    },
    "Use": { "Type": "Pass", "Output": "{% $states.input.sent.Payload.id %}", "End": true }
  }
})";
  EXPECT_EQ(finding_positions(check(text)), (Positions{"LMB005 7:19", "LMB007 12:63"}));
  constexpr std::string_view own = R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Notify",
  "States": {
    "Notify": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "notify", "InvocationType": "Event" },
      "Output": "{% $states.result.Payload %}",
      "End": true
    }
  }
})";
  EXPECT_EQ(finding_positions(check(own)), Positions{"LMB007 9:36"});
}

// `inner` as the only state of a Parallel branch and of a Map item processor.
std::string nested_in(std::string_view type, std::string_view inner) {
  const std::string_view scope_field = type == "Map" ? "ItemProcessor" : "Branches";
  const std::string scope = fmt::format(R"({{ "StartAt": "Call", "States": {} }})", inner);
  return fmt::format(R"({{
  "StartAt": "Outer",
  "States": {{
    "Outer": {{
      "Type": "{}",
      "{}": {}{}{},
      "End": true
    }}
  }}
}})",
                     type, scope_field, type == "Map" ? "" : "[", scope, type == "Map" ? "" : "]");
}

constexpr std::string_view kEventThenRead = R"({
        "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "Event" }, "ResultSelector": { "p.$": "$.Payload" }, "End": true }
      })";

TEST(AsyncResultUsed, WorksInParallelBranchesAndMapIterations) {
  EXPECT_EQ(finding_positions(check(nested_in("Parallel", kEventThenRead))),
            Positions{"LMB007 7:177"});
  EXPECT_EQ(finding_positions(check(nested_in("Map", kEventThenRead))), Positions{"LMB007 7:177"});
}

TEST(AsyncResultUsed, WorksWithPlaceholdersAndYamlTags) {
  constexpr std::string_view yaml = R"(StartAt: Notify
States:
  Notify:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: !GetAtt NotifyFunction.Arn
      InvocationType: Event
    ResultPath: $.sent
    Next: Use
  Use:
    Type: Pass
    OutputPath: $.sent.Payload
    End: true
)";
  EXPECT_EQ(finding_positions(check(yaml, "machine.asl.yaml")),
            (Positions{"LMB005 5:15", "LMB007 13:24"}));
  EXPECT_EQ(finding_positions(check(single_invoke(
                R"("FunctionName": "${NotifyFunctionArn}", "InvocationType": "Event")",
                R"("ResultPath": "$.r",)", kReadsResultPayload))),
            (Positions{"LMB005 6:19", "LMB007 11:60"}));
}

// ----- LMB008 envelope-path-on-function-arn -----

std::string function_arn_task(std::string_view resource, std::string_view fields,
                              std::string_view next_state) {
  return fmt::format(R"({{
  "StartAt": "Call",
  "States": {{
    "Call": {{
      "Type": "Task",
      "Resource": "{}",
      {}
      "Next": "After"
    }},
    "After": {}
  }}
}})",
                     resource, fields, next_state);
}

constexpr std::string_view kFunction = "arn:aws:lambda:us-east-1:123456789012:function:fetch";

TEST(EnvelopePathOnFunctionArn, ReportsOutputPathOnPayload) {
  const FileReport report = check(
      function_arn_task(kFunction, R"("OutputPath": "$.Payload",)", R"({ "Type": "Succeed" })"));
  EXPECT_EQ(finding_positions(report), Positions{"LMB008 7:24"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(testing::spanned(d.span), "Payload");
  EXPECT_EQ(d.message,
            "reads \"Payload\" of its own result of \"Call\", which calls a function ARN directly: "
            "that result is the function's output alone, without the Invoke envelope (Payload, "
            "StatusCode, SdkHttpMetadata) of arn:aws:states:::lambda:invoke");
  EXPECT_EQ(d.help,
            "read the function's output directly (drop \".Payload\" from the path), or call it "
            "through \"arn:aws:states:::lambda:invoke\" with \"FunctionName\"");
  EXPECT_EQ(d.severity, Severity::Warning);
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(testing::spanned(d.related[0].span), fmt::format("\"{}\"", kFunction));
}

TEST(EnvelopePathOnFunctionArn, ReportsLaterReadsOfStatusCodeAndHeaders) {
  const FileReport report = check(function_arn_task(
      kFunction, R"("ResultPath": "$.r",)",
      R"({ "Type": "Choice", "Choices": [{ "Variable": "$.r.StatusCode", "NumericEquals": 200, "Next": "Done" }], "Default": "Done" },
    "Done": { "Type": "Pass", "Parameters": { "h.$": "$.r.SdkHttpMetadata.HttpHeaders", "v.$": "$.r.value" }, "End": true })"));
  EXPECT_EQ(finding_positions(report), (Positions{"LMB008 10:65", "LMB008 11:59"}));
}

TEST(EnvelopePathOnFunctionArn, PassesTheOptimizedIntegrationAndOtherFields) {
  EXPECT_EQ(finding_positions(check(single_invoke(R"("FunctionName": "f")",
                                                  R"("ResultPath": "$.r",)", kReadsResultPayload))),
            Positions{"LMB005 6:19"});  // no LMB008
  EXPECT_EQ(finding_positions(check(function_arn_task(
                kFunction, R"("ResultPath": "$.r",)",
                R"({ "Type": "Pass", "Parameters": { "v.$": "$.r.items" }, "End": true })"))),
            Positions{});
  // The result is dropped (ResultPath null) or replaced by a Pass before the read.
  EXPECT_EQ(finding_positions(
                check(function_arn_task(kFunction, R"("ResultPath": null,)", kReadsResultPayload))),
            Positions{});
}

TEST(EnvelopePathOnFunctionArn, WorksWithPlaceholders) {
  EXPECT_EQ(finding_positions(check(
                function_arn_task("arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x",
                                  R"("ResultPath": "$.r",)", kReadsResultPayload))),
            Positions{"LMB008 10:60"});
  // What "${FunctionArn}" calls is not known: it may be the optimized integration.
  EXPECT_EQ(finding_positions(check(function_arn_task("${FunctionArn}", R"("ResultPath": "$.r",)",
                                                      kReadsResultPayload))),
            Positions{});
  constexpr std::string_view get_att = R"({
  "StartAt": "Call",
  "States": {
    "Call": { "Type": "Task", "Resource": { "Fn::GetAtt": ["Fetch", "Arn"] }, "OutputPath": "$.Payload", "End": true }
  }
})";
  EXPECT_EQ(finding_positions(check(get_att)), Positions{});
}

TEST(EnvelopePathOnFunctionArn, WorksInJsonataAndNestedScopes) {
  constexpr std::string_view jsonata = R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fetch",
      "Arguments": { "id": "{% $states.input.id %}" },
      "Output": "{% $states.result.Payload %}",
      "End": true
    }
  }
})";
  EXPECT_EQ(finding_positions(check(jsonata)), Positions{"LMB008 9:36"});
  constexpr std::string_view inner = R"({
        "Call": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "ResultSelector": { "code.$": "$.StatusCode" }, "End": true }
      })";
  EXPECT_EQ(finding_positions(check(nested_in("Parallel", inner))), Positions{"LMB008 7:132"});
  EXPECT_EQ(finding_positions(check(nested_in("Map", inner))), Positions{"LMB008 7:132"});
}

// ----- LMB005 invoke-envelope-not-selected -----

TEST(InvokeEnvelopeNotSelected, ReportsAnEnvelopeFlowingToTheNextState) {
  const FileReport report = check(
      single_invoke(R"("FunctionName": "f", "Payload.$": "$")", "", R"({ "Type": "Succeed" })"));
  EXPECT_EQ(finding_positions(report), Positions{"LMB005 6:19"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "\"Call\" passes the whole Invoke envelope on: ExecutedVersion, SdkHttpMetadata (all "
            "HTTP headers), SdkResponseMetadata and StatusCode beside the Payload grow the state's "
            "data toward the 256 KiB limit (States.DataLimitExceeded)");
  EXPECT_NE(d.help.find("\"ResultSelector\": {\"Payload.$\": \"$.Payload\"}"), std::string::npos);
  EXPECT_EQ(d.severity, Severity::Warning);
  // Placed into the input by ResultPath, it still flows on.
  EXPECT_EQ(finding_positions(check(single_invoke(
                R"("FunctionName": "f")", R"("ResultPath": "$.r",)", R"({ "Type": "Succeed" })"))),
            Positions{"LMB005 6:19"});
}

TEST(InvokeEnvelopeNotSelected, PassesSelectedOrDroppedEnvelopes) {
  for (const std::string_view fields :
       {R"("ResultSelector": { "Payload.$": "$.Payload" },)", R"("OutputPath": "$.Payload",)",
        R"("ResultPath": null,)", R"("ResultPath": "$.r", "OutputPath": "$.r.Payload",)",
        R"("OutputPath": "$.Payload.items",)"}) {
    EXPECT_EQ(finding_positions(check(
                  single_invoke(R"("FunctionName": "f")", fields, R"({ "Type": "Succeed" })"))),
              Positions{})
        << fields;
  }
  // The execution's last state: the envelope is only the execution's output.
  constexpr std::string_view last = R"({
  "StartAt": "Call",
  "States": { "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" }, "End": true } }
})";
  EXPECT_EQ(finding_positions(check(last)), Positions{});
}

TEST(InvokeEnvelopeNotSelected, SaysMoreInMapIterationsAndLoops) {
  constexpr std::string_view inner = R"({
        "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" }, "End": true }
      })";
  const FileReport in_map = check(nested_in("Map", inner));
  EXPECT_EQ(finding_positions(in_map), Positions{"LMB005 7:47"});
  EXPECT_NE(
      only_finding(in_map).message.find(
          "; it runs in every Map iteration, and the Map result collects one envelope per item"),
      std::string::npos);
  const FileReport in_branch = check(nested_in("Parallel", inner));
  EXPECT_EQ(finding_positions(in_branch), Positions{"LMB005 7:47"});
  EXPECT_EQ(only_finding(in_branch).message.find("Map iteration"), std::string::npos);
  const FileReport loop = check(single_invoke(
      R"("FunctionName": "f")", R"("ResultPath": "$.r",)",
      R"({ "Type": "Choice", "Choices": [{ "Variable": "$.done", "BooleanEquals": false, "Next": "Call" }], "Default": "End" },
    "End": { "Type": "Succeed" })"));
  EXPECT_EQ(finding_positions(loop), Positions{"LMB005 6:19"});
  EXPECT_NE(only_finding(loop).message.find(
                "; it sits in a loop, so every pass carries the envelope again"),
            std::string::npos);
}

TEST(InvokeEnvelopeNotSelected, WorksInJsonata) {
  const auto machine = [](std::string_view output) {
    return fmt::format(R"({{
  "QueryLanguage": "JSONata",
  "StartAt": "Call",
  "States": {{
    "Call": {{
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {{ "FunctionName": "f", "Payload": "{{% $states.input %}}" }},
      {}
      "Next": "Done"
    }},
    "Done": {{ "Type": "Succeed" }}
  }}
}})",
                       output);
  };
  const FileReport report = check(machine(""));
  EXPECT_EQ(finding_positions(report), Positions{"LMB005 7:19"});
  EXPECT_NE(only_finding(report).help.find("{% $states.result.Payload %}"), std::string::npos);
  EXPECT_EQ(finding_positions(check(machine(R"("Output": "{% $states.result.Payload %}",)"))),
            Positions{});
  EXPECT_EQ(finding_positions(check(machine(R"("Output": { "all": "{% $states.result %}" },)"))),
            Positions{"LMB005 7:19"});
}

TEST(InvokeEnvelopeNotSelected, LeavesCallbacksFunctionArnsAndPlaceholdersAlone) {
  EXPECT_EQ(finding_positions(check(function_arn_task(kFunction, "", R"({ "Type": "Succeed" })"))),
            Positions{});
  EXPECT_EQ(
      finding_positions(check(function_arn_task("${InvokeArn}", "", R"({ "Type": "Succeed" })"))),
      Positions{});
  EXPECT_EQ(
      finding_positions(check(function_arn_task(
          "arn:aws:states:::lambda:invoke.waitForTaskToken",
          R"("Parameters": { "FunctionName": "f", "Payload": { "token.$": "$$.Task.Token" } }, "TimeoutSeconds": 60,)",
          R"({ "Type": "Succeed" })"))),
      Positions{});
  // A placeholder FunctionName is still the optimized integration.
  EXPECT_EQ(finding_positions(
                check(single_invoke(R"("FunctionName": "${Fn}")", "", R"({ "Type": "Succeed" })"))),
            Positions{"LMB005 6:19"});
}

}  // namespace
}  // namespace wflint
