#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kPayloadShadowed;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* inputs = ssm_invoke::invoke_inputs(step);
    if (!inputs) continue;
    const Node* payload = inputs->find("Payload");
    const Node* input_payload = inputs->find("InputPayload");
    if (!payload || !input_payload) continue;
    sink.report_key(kPayloadShadowed, *payload,
                    "Payload is ignored: this step also has InputPayload, which wins")
        .related(input_payload->key_span(), "InputPayload given here")
        .help("keep one of the two; InputPayload, a map, is the current form");
  }
}

}  // namespace

const Rule kPayloadShadowed{{"SSM103", "payload-shadowed", Severity::Warning, kSsm,
                             "Both InputPayload and Payload: Payload is ignored"},
                            &check};

}  // namespace wflint::rules
