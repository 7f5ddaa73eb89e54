#include <fmt/format.h>

#include <string>

#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kAzpOutputVariableWithEvent;

namespace {

// An input naming a variable the task fills with part of Lambda's answer to a synchronous invoke.
struct OutputInput {
  std::string_view name;
  std::string_view holds;  // what the variable receives
};

constexpr OutputInput kOutputInputs[] = {
    {"outputVariable", "response"},
    {"outputLogsVariable", "log tail"},
};

void report_empty_output(const Node& variable, const OutputInput& output, const Node& event,
                         DiagnosticSink& sink) {
  const std::string named =
      variable.is_string() ? fmt::format(" {}", text::json_quote(variable.text())) : "";
  sink.report(kAzpOutputVariableWithEvent, variable,
              fmt::format("{}{} is always empty: an Event invoke returns no {}", output.name, named,
                          output.holds))
      .related(event.span(), "the function is invoked with Event here")
      .help(fmt::format(
          "invoke with RequestResponse (the default) to receive the {} in the variable, or remove "
          "{}",
          output.holds, output.name));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    if (azp::literal_input(step, "invocationType") != "Event") continue;
    for (const OutputInput& output : kOutputInputs) {
      if (azp::is_set(step, output.name))
        report_empty_output(*step.input(output.name), output, *step.input("invocationType"), sink);
    }
  }
}

}  // namespace

const Rule kAzpOutputVariableWithEvent{
    {"AZP004", "output-variable-with-event", Severity::Error, kAzurePipelines,
     "A LambdaInvokeFunction output variable with invocationType Event, which leaves it empty"},
    &check};

}  // namespace wflint::rules
