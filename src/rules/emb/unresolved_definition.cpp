#include "model/embed/embedding.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnresolvedDefinition;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.embedding) return;
  for (const embed::Unresolved& unresolved : ctx.embedding->unresolved) {
    auto finding = sink.report_at(kUnresolvedDefinition, unresolved.span, "", unresolved.message);
    if (!unresolved.help.empty()) finding.help(unresolved.help);
    // A file the template names that is not there fails the deployment too.
    if (unresolved.reason == embed::Unresolved::Reason::MissingFile)
      finding.severity(Severity::Error);
  }
}

}  // namespace

const Rule kUnresolvedDefinition{
    {"EMB005", "unresolved-definition", Severity::Info, kTemplate,
     "A definition the template points at that cannot be checked (in S3, a variable, a remote "
     "module, a missing file)"},
    &check};

}  // namespace wflint::rules
