#include <fmt/format.h>

#include <algorithm>

#include "rules/lmb/task_token.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kCallbackTokenNotPassed;

namespace {

std::string_view token_expression(bool jsonata) {
  return jsonata ? "$states.context.Task.Token" : "$$.Task.Token";
}

std::string add_token_help(bool jsonata) {
  return jsonata ? "pass it in Payload, e.g. \"Payload\": {\"TaskToken\": \"{% "
                   "$states.context.Task.Token %}\", \"Input\": \"{% $states.input %}\"}, so the "
                   "function can call SendTaskSuccess or SendTaskFailure with it"
                 : "pass it in Payload, e.g. \"Payload\": {\"TaskToken.$\": \"$$.Task.Token\", "
                   "\"Input.$\": \"$\"}, so the function can call SendTaskSuccess or "
                   "SendTaskFailure with it";
}

constexpr std::string_view kConsequence = "the task waits until it times out";

// Lambda receives Payload as its event and ClientContext as its context: either can carry the
// token to the function.
TokenSearch search_arguments(const analysis::LambdaCall& call) {
  TokenSearch result = TokenSearch::NotFound;
  for (std::string_view name : {"Payload", "ClientContext"}) {
    if (const Node* value = call.parameter(name))
      result = std::max(result, search_task_token(*value, call.jsonata()));
  }
  return result;
}

void check_call(const analysis::LambdaCall& call, DiagnosticSink& sink) {
  const bool jsonata = call.jsonata();
  const Node* arguments = call.arguments;
  if (!arguments) {
    sink.report(kCallbackTokenNotPassed, *call.resource,
                fmt::format("this callback task has no {} and so never passes the task token "
                            "({}) to the function: {}",
                            jsonata ? "Arguments" : "Parameters", token_expression(jsonata),
                            kConsequence))
        .help(fmt::format("add \"{}\" with FunctionName and Payload; {}",
                          jsonata ? "Arguments" : "Parameters", add_token_help(jsonata)));
    return;
  }
  if (!arguments->is_object()) {
    // Arguments given as one JSONata expression: it may build the Payload any way it likes.
    return;
  }
  if (search_arguments(call) != TokenSearch::NotFound) return;
  const Node* payload = call.parameter("Payload");
  if (payload) {
    sink.report_key(kCallbackTokenNotPassed, *payload,
                    fmt::format("Payload never references the task token ({}): the function "
                                "cannot report back, so {}",
                                token_expression(jsonata), kConsequence))
        .help(add_token_help(jsonata));
    return;
  }
  sink.report_key(kCallbackTokenNotPassed, *arguments,
                  fmt::format("this callback task has no Payload, so the function never receives "
                              "the task token ({}) and {}",
                              token_expression(jsonata), kConsequence))
      .help(add_token_help(jsonata));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    if (call.kind == analysis::LambdaCallKind::CallbackInvoke) check_call(call, sink);
  }
}

}  // namespace

const Rule kCallbackTokenNotPassed{
    {"LMB002", "callback-token-not-passed", Severity::Error, kAsl,
     "A .waitForTaskToken Lambda task whose Payload never passes the task token"},
    &check};

}  // namespace wflint::rules
