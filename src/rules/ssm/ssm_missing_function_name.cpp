#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kSsmMissingFunctionName;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* inputs = ssm_invoke::invoke_inputs(step);
    if (!inputs || inputs->find("FunctionName")) continue;
    // The pointer of the missing member, so the schema's "required" finding yields to this one.
    sink.report_at(kSsmMissingFunctionName, inputs->key_span(),
                   inputs->json_pointer_of_member("FunctionName"),
                   "aws:invokeLambdaFunction step has no FunctionName: SSM does not know which "
                   "function to invoke")
        .help(
            "add FunctionName to inputs: a function name, a partial or full function ARN, or a "
            "{{Parameter}} holding one");
  }
}

}  // namespace

const Rule kSsmMissingFunctionName{{"SSM105", "missing-function-name", Severity::Error, kSsm,
                                    "aws:invokeLambdaFunction without FunctionName"},
                                   &check};

}  // namespace wflint::rules
