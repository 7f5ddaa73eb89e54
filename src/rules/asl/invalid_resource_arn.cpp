#include "rules/asl/task_resources.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidResourceArn;

namespace {

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_task_resource(state, [&](const TaskResourceRef& ref) {
    if (ref.resource.kind != lang::ResourceKind::Invalid) return;
    const lang::LangError& error = *ref.resource.error;
    sink.report_at(kInvalidResourceArn, ref.span(error.offset, error.length),
                   ref.node->json_pointer(), error.message)
        .help(error.help);
  });
}

}  // namespace

const Rule kInvalidResourceArn{{"ASL401", "invalid-resource-arn", Severity::Error, kAsl,
                                "A Task Resource that is not a well-formed integration, Lambda "
                                "function or activity ARN"},
                               nullptr,
                               &check_each_state};

}  // namespace wflint::rules
