#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kDryRunInvocation;

namespace {

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call || lmb::known_string(*call, "InvocationType") != "DryRun") return;
  sink.report(kDryRunInvocation, *call->arguments->find("InvocationType"),
              "InvocationType \"DryRun\" only checks the request: the function never runs")
      .help(
          "use \"RequestResponse\" (the default) to run the function and wait for it, or "
          "\"Event\" to start it without waiting");
}

}  // namespace

const Rule kDryRunInvocation{{"LMB018", "dry-run-invocation", Severity::Warning, kAsl,
                              "InvocationType DryRun in a workflow"},
                             nullptr,
                             &check_each_state};

}  // namespace wflint::rules
