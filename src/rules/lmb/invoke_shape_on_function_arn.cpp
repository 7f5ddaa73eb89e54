#include <fmt/format.h>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvokeShapeOnFunctionArn;

namespace {

// FunctionName and Payload (or their ".$" forms): the keys of an Invoke request.
bool is_invoke_request_key(std::string_view key) {
  if (key.ends_with(".$")) key.remove_suffix(2);
  return key == "FunctionName" || key == "Payload";
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::lambda_call_of(ctx, state);
  if (!call || call->kind != analysis::LambdaCallKind::FunctionArn || !call->arguments ||
      !call->arguments->is_object()) {
    return;
  }
  for (const Node& member : call->arguments->children()) {
    if (!is_invoke_request_key(member.key())) continue;
    sink.report_key(kInvokeShapeOnFunctionArn, member,
                    fmt::format("{} looks like an Invoke request field, but a function ARN task "
                                "sends its {} to the function as the event",
                                text::json_quote(member.key()), lmb::request_field_name(*call)))
        .help(fmt::format("to call through the Invoke API, set Resource to "
                          "arn:aws:states:::lambda:invoke; to keep the function ARN, put the "
                          "event itself in {}",
                          lmb::request_field_name(*call)));
    return;  // one finding a state
  }
}

}  // namespace

const Rule kInvokeShapeOnFunctionArn{
    {"LMB020", "invoke-shape-on-function-arn", Severity::Warning, kAsl,
     "A plain function ARN task whose Parameters look like an Invoke request"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
