#include <fmt/format.h>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kWaitForTokenOnFunctionArn;

namespace {

std::string help_for(const analysis::LambdaCall& call) {
  if (call.parsed.pattern != lang::IntegrationPattern::WaitForTaskToken) {
    return fmt::format(
        "remove \"{}\": a function ARN task already waits for the function to return",
        lang::to_string(call.parsed.pattern));
  }
  return fmt::format(
      "to wait for a callback, set Resource to arn:aws:states:::lambda:invoke.waitForTaskToken, "
      "name the function in {}.FunctionName and pass {} in the Payload",
      lmb::request_field_name(call),
      call.jsonata() ? "$states.context.Task.Token" : "$$.Task.Token");
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::lambda_call_of(ctx, state);
  if (!call || call->kind != analysis::LambdaCallKind::FunctionArn ||
      call->parsed.pattern == lang::IntegrationPattern::RequestResponse) {
    return;
  }
  // The suffix ends the Resource, with or without placeholders before it.
  const std::string_view suffix = lang::to_string(call->parsed.pattern);
  const std::string_view text = call->resource->text();
  const auto offset = static_cast<uint32_t>(text.size() - suffix.size());
  sink.report_at(kWaitForTokenOnFunctionArn,
                 call->resource->text_span(offset, static_cast<uint32_t>(suffix.size())),
                 call->resource->json_pointer(),
                 fmt::format("a Lambda function ARN cannot take the {} suffix", suffix))
      .help(help_for(*call));
}

}  // namespace

const Rule kWaitForTokenOnFunctionArn{
    {"LMB001", "wait-for-token-on-function-arn", Severity::Error, kAsl,
     "A .waitForTaskToken or .sync suffix on a plain Lambda function ARN"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
