#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownInvokeParameter;

namespace {

constexpr std::array<std::string_view, 6> kDollarParameters{"FunctionName.$",   "Payload.$",
                                                            "InvocationType.$", "LogType.$",
                                                            "ClientContext.$",  "Qualifier.$"};
// JSONPath mode takes both spellings: a key with a "$" is closer to the ".$" ones.
constexpr std::array<std::string_view, 12> kDollarFirst{
    "FunctionName.$",  "Payload.$",   "InvocationType.$", "LogType.$",
    "ClientContext.$", "Qualifier.$", "FunctionName",     "Payload",
    "InvocationType",  "LogType",     "ClientContext",    "Qualifier"};
constexpr std::array<std::string_view, 12> kPlainFirst{
    "FunctionName",     "Payload",   "InvocationType",  "LogType",
    "ClientContext",    "Qualifier", "FunctionName.$",  "Payload.$",
    "InvocationType.$", "LogType.$", "ClientContext.$", "Qualifier.$"};

bool is_invoke_parameter(std::string_view key) {
  return std::find(lmb::kInvokeParameters.begin(), lmb::kInvokeParameters.end(), key) !=
         lmb::kInvokeParameters.end();
}

bool is_known_key(const analysis::LambdaCall& call, std::string_view key) {
  if (is_invoke_parameter(key)) return true;
  if (call.jsonata()) return false;
  return std::find(kDollarParameters.begin(), kDollarParameters.end(), key) !=
         kDollarParameters.end();
}

std::string_view closest_parameter(const analysis::LambdaCall& call, std::string_view key) {
  if (call.jsonata()) return text::closest_match(key, lmb::kInvokeParameters);
  return key.find('$') != std::string_view::npos ? text::closest_match(key, kDollarFirst)
                                                 : text::closest_match(key, kPlainFirst);
}

std::string help_for(const analysis::LambdaCall& call, std::string_view key) {
  if (call.jsonata() && key.ends_with(".$") && is_invoke_parameter(key.substr(0, key.size() - 2)))
    return fmt::format(
        "JSONata states take no \".$\" keys: write \"{}\" with a {{% ... %}} expression",
        key.substr(0, key.size() - 2));
  const std::string_view near = closest_parameter(call, key);
  if (!near.empty()) return fmt::format("did you mean \"{}\"?", near);
  return "lambda:invoke takes FunctionName, Payload, InvocationType, LogType, ClientContext and "
         "Qualifier; put what the function should receive inside Payload";
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call) return;
  for (const Node& member : call->arguments->children()) {
    if (is_known_key(*call, member.key())) continue;
    sink.report_key(
            kUnknownInvokeParameter, member,
            fmt::format("{} is not a parameter of lambda:invoke", text::json_quote(member.key())))
        .help(help_for(*call, member.key()));
  }
}

}  // namespace

const Rule kUnknownInvokeParameter{{"LMB010", "unknown-invoke-parameter", Severity::Error, kAsl,
                                    "An Invoke parameter other than the six Lambda accepts"},
                                   nullptr,
                                   &check_each_state};

}  // namespace wflint::rules
