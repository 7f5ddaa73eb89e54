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

}  // namespace wflint::bench
