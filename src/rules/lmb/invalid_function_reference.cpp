#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidFunctionReference;

namespace {

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call) return;
  const std::optional<std::string_view> function = lmb::known_string(*call, "FunctionName");
  if (!function) return;
  const lmb::FunctionNameRef parsed = lmb::parse_function_name(*function);
  if (!parsed.error || parsed.placeholder) return;
  const Node& member = *call->arguments->find("FunctionName");
  const lang::LangError& error = *parsed.error;
  sink.report_at(kInvalidFunctionReference, member.text_span(error.offset, error.length),
                 member.json_pointer(), error.message)
      .help(error.help);
}

}  // namespace

const Rule kInvalidFunctionReference{{"LMB013", "invalid-function-reference", Severity::Error, kAsl,
                                      "A FunctionName or function ARN Lambda would reject"},
                                     nullptr,
                                     &check_each_state};

}  // namespace wflint::rules
