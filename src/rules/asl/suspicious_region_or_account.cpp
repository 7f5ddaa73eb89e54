#include "rules/asl/task_resources.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kSuspiciousRegionOrAccount;

namespace {

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_task_resource(state, [&](const TaskResourceRef& ref) {
    const lang::TaskResource& resource = ref.resource;
    if (resource.kind == lang::ResourceKind::Invalid || !resource.unusual) return;
    const lang::LangError& note = *resource.unusual;
    sink.report_at(kSuspiciousRegionOrAccount, ref.span(note.offset, note.length),
                   ref.node->json_pointer(), note.message)
        .help(note.help + "; if a deployment step fills it in, use a ${Placeholder} it replaces");
  });
}

}  // namespace

const Rule kSuspiciousRegionOrAccount{
    {"ASL404", "suspicious-region-or-account", Severity::Warning, kAsl,
     "A resource ARN whose region or account does not have the "
     "shape of AWS's, such as region-1 or ACCOUNT_ID"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
