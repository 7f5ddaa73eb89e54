#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownInvokeInput;

namespace {

constexpr std::array<std::string_view, 3> kInvocationTypes = {"Event", "RequestResponse", "DryRun"};
constexpr std::array<std::string_view, 2> kLogTypes = {"None", "Tail"};

bool contains(std::span<const std::string_view> list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

void check_input_names(const Node& inputs, DiagnosticSink& sink) {
  for (const Node& input : inputs.children()) {
    if (contains(ssm_invoke::kInputNames, input.key())) continue;
    const std::string_view near = text::closest_match(input.key(), ssm_invoke::kInputNames);
    sink.report_key(
            kUnknownInvokeInput, input,
            fmt::format("aws:invokeLambdaFunction has no input {}", text::json_quote(input.key())))
        .help(near.empty()
                  ? fmt::format("its inputs are {}", text::quoted_list(ssm_invoke::kInputNames))
                  : fmt::format("did you mean {}? its inputs are {}", text::json_quote(near),
                                text::quoted_list(ssm_invoke::kInputNames)));
  }
}

void check_value_in_list(const Node& inputs, std::string_view name,
                         std::span<const std::string_view> allowed, DiagnosticSink& sink) {
  const auto value = ssm_invoke::literal_string(inputs, name);
  if (!value || contains(allowed, *value)) return;
  const std::string_view near = text::closest_match(*value, allowed);
  sink.report(kUnknownInvokeInput, *inputs.find(name),
              fmt::format("{} {} is not one of {}", name, text::json_quote(*value),
                          text::quoted_list(allowed)))
      .help(near.empty() ? fmt::format("use one of {} (the names are case-sensitive)",
                                       text::quoted_list(allowed))
                         : fmt::format("did you mean {}?", text::json_quote(near)));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* inputs = ssm_invoke::invoke_inputs(step);
    if (!inputs) continue;
    check_input_names(*inputs, sink);
    check_value_in_list(*inputs, "InvocationType", kInvocationTypes, sink);
    check_value_in_list(*inputs, "LogType", kLogTypes, sink);
  }
}

}  // namespace

const Rule kUnknownInvokeInput{
    {"SSM107", "unknown-invoke-input", Severity::Error, kSsm,
     "An aws:invokeLambdaFunction input other than the seven, or a value outside its list"},
    &check};

}  // namespace wflint::rules
