#include "synthetic.h"

#include <fmt/format.h>

namespace wflint::bench {

namespace {

std::string json_state(int i, bool last) {
  return fmt::format(
      R"(    "Invoke {0}": {{
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {{ "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:step-{0}", "Payload.$": "$" }},
      "ResultSelector": {{ "result.$": "$.Payload" }},
      "Retry": [ {{ "ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2.0 }} ],
      {1}
    }}{2}
)",
      i, last ? R"("End": true)" : fmt::format(R"("Next": "Invoke {}")", i + 1), last ? "" : ",");
}

std::string yaml_state(int i, bool last) {
  return fmt::format(
      R"(  Invoke {0}:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: arn:aws:lambda:us-east-1:123456789012:function:step-{0}
      Payload.$: $
    ResultSelector:
      result.$: $.Payload
    Retry:
      - ErrorEquals: [Lambda.ServiceException]
        IntervalSeconds: 2
        MaxAttempts: 3
        BackoffRate: 2.0
    {1}
)",
      i, last ? "End: true" : fmt::format("Next: Invoke {}", i + 1));
}

}  // namespace

std::string synthetic_state_machine(int states, Format format) {
  std::string out =
      format == Format::Json
          ? "{\n  \"Comment\": \"synthetic\",\n  \"StartAt\": \"Invoke 0\",\n  \"States\": {\n"
          : "Comment: synthetic\nStartAt: Invoke 0\nStates:\n";
  for (int i = 0; i < states; ++i) {
    out += format == Format::Json ? json_state(i, i + 1 == states) : yaml_state(i, i + 1 == states);
  }
  if (format == Format::Json) out += "  }\n}\n";
  return out;
}

std::string synthetic_dense_choices(int states, int choices) {
  std::string out = "{\"StartAt\": \"c0\", \"States\": {\n";
  const auto target = [&](int i) {
    return i < states ? fmt::format("c{}", i) : std::string("done");
  };
  for (int i = 0; i < states; ++i) {
    out += fmt::format(R"("c{}": {{"Type": "Choice", "Choices": [)", i);
    for (int c = 1; c <= choices; ++c) {
      out += fmt::format(R"({}{{"Variable": "$.n", "NumericEquals": {}, "Next": "{}"}})",
                         c == 1 ? "" : ", ", c, target(i + c));
    }
    out += fmt::format(R"(], "Default": "{}"}},)", target(i + 1));
    out += '\n';
  }
  out += "\"done\": {\"Type\": \"Succeed\"}}}\n";
  return out;
}

}  // namespace wflint::bench

namespace wflint::bench {

namespace {

std::string run_state(int i, int states) {
  const std::string next =
      i + 1 < states ? fmt::format(R"("Next": "S{}")", i + 1) : std::string(R"("End": true)");
  switch (i % 3) {
    case 0:
      return fmt::format(
          R"json("S{0}": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
  "Parameters": {{"FunctionName": "step", "Payload": {{"order.$": "$.order", "n.$": "$.n"}}}},
  "ResultSelector": {{"ok.$": "$.Payload.ok"}}, "ResultPath": "$.last",
  "Retry": [{{"ErrorEquals": ["Lambda.ServiceException"], "MaxAttempts": 2}}], {1}}})json",
          i, next);
    case 1:
      return fmt::format(
          R"json("S{0}": {{"Type": "Pass", "Parameters": {{"order.$": "$.order", "last.$": "$.last",
  "n.$": "States.MathAdd($.n, 1)", "label.$": "States.Format('step {{}} of {{}}', $.n, $.order.id)"}}, {1}}})json",
          i, next);
    default:
      return fmt::format(
          R"json("S{0}": {{"Type": "Choice", "Choices": [{{"Variable": "$.n", "NumericGreaterThanEquals": 0, {1}}}],
  "Default": "Failed"}})json",
          i,
          i + 1 < states ? fmt::format(R"("Next": "S{}")", i + 1)
                         : std::string(R"("Next": "Done")"));
  }
}

}  // namespace

std::string synthetic_run_chain(int states) {
  std::string out = R"({"StartAt": "S0", "States": {)";
  for (int i = 0; i < states; ++i)
    out += run_state(i, states) + ",\n";
  out += R"("Done": {"Type": "Succeed"}, "Failed": {"Type": "Fail", "Error": "Negative"}}})";
  out += "\n";
  return out;
}

std::string synthetic_run_mocks(int states, const std::string& name) {
  std::string cases;
  for (int i = 0; i < states; i += 3) {
    cases += fmt::format(R"({}"S{}": "Step")", cases.empty() ? "" : ", ", i);
  }
  return fmt::format(
      R"({{"StateMachines": {{"{}": {{"TestCases": {{"Bench": {{{}}}}}}}}},
 "MockedResponses": {{"Step": {{"0": {{"Return": {{"StatusCode": 200, "Payload": {{"ok": true}}}}}}}}}}}})",
      name, cases);
}

std::string synthetic_map(int items, std::string& input) {
  input = R"({"items": [)";
  for (int i = 0; i < items; ++i)
    input += i == 0 ? "0" : ",0";
  input += "]}";
  return R"json({"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items",
  "ItemSelector": {"index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value"},
  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
    "StartAt": "Double", "States": {
      "Double": {"Type": "Pass", "Parameters": {"index.$": "$.index", "sum.$": "States.MathAdd($.value, $.value)"}, "Next": "Check"},
      "Check": {"Type": "Choice", "Choices": [{"Variable": "$.sum", "NumericEquals": 0, "Next": "Zero"}], "Default": "Other"},
      "Zero": {"Type": "Succeed"}, "Other": {"Type": "Succeed"}}},
  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "bench"}},
  "End": true}}}
)json";
}

std::string synthetic_jsonata_map() {
  return R"json({"QueryLanguage": "JSONata", "StartAt": "Each", "States": {"Each": {"Type": "Map",
  "Items": "{% $states.input.items %}",
  "ItemSelector": {"index": "{% $states.context.Map.Item.Index %}", "value": "{% $states.context.Map.Item.Value %}"},
  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
    "StartAt": "Double", "States": {
      "Double": {"Type": "Pass", "Output": {"index": "{% $states.input.index %}", "sum": "{% $states.input.value * 2 %}"}, "Next": "Check"},
      "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.sum = 0 %}", "Next": "Zero"}], "Default": "Other"},
      "Zero": {"Type": "Succeed"}, "Other": {"Type": "Succeed"}}},
  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {"Bucket": "results", "Prefix": "bench"}},
  "End": true}}}
)json";
}

}  // namespace wflint::bench
