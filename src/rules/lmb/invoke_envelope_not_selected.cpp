#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvokeEnvelopeNotSelected;

namespace {

// The envelope reaches another state: a Next, or the end of a Parallel branch or Map iteration
// whose output the owner collects. At the end of the execution it is only the final output.
bool output_flows_on(const asl::State& state) {
  return state.field("Next") || state.scope->kind() != asl::Scope::Kind::TopLevel;
}

std::string where_it_accumulates(const CheckContext& ctx, const asl::State& state) {
  if (analysis::DataFlow::in_map_iteration(state))
    return "; it runs in every Map iteration, and the Map result collects one envelope per item";
  if (ctx.data_flow->in_cycle(state))
    return "; it sits in a loop, so every pass carries the envelope again";
  return "";
}

void check_call(const CheckContext& ctx, const analysis::LambdaCall& call, DiagnosticSink& sink) {
  const asl::State& state = *call.state;
  if (!output_flows_on(state)) return;
  if (!analysis::DataFlow::holds_envelope_of(*ctx.data_flow->output_of(state), state)) return;
  sink.report(kInvokeEnvelopeNotSelected, *call.resource,
              fmt::format("\"{}\" passes the whole Invoke envelope on: ExecutedVersion, "
                          "SdkHttpMetadata (all HTTP headers), SdkResponseMetadata and StatusCode "
                          "beside the Payload grow the state's data toward the 256 KiB limit "
                          "(States.DataLimitExceeded){}",
                          state.name, where_it_accumulates(ctx, state)))
      .help(state.jsonata
                ? "keep only the function's output: \"Output\": \"{% $states.result.Payload %}\""
                : "keep only the function's output: \"ResultSelector\": {\"Payload.$\": "
                  "\"$.Payload\"} or \"OutputPath\": \"$.Payload\" (or ResultPath null when the "
                  "result is not needed)");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.data_flow || !ctx.lambda_calls) return;
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    if (call.kind == analysis::LambdaCallKind::OptimizedInvoke && call.resource)
      check_call(ctx, call, sink);
  }
}

}  // namespace

const Rule kInvokeEnvelopeNotSelected{
    {"LMB005", "invoke-envelope-not-selected", Severity::Warning, kAsl,
     "An optimized invoke whose whole response envelope flows on"},
    &check};

}  // namespace wflint::rules
