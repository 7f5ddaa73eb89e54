#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnknownField;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const schema::Violation& violation : ctx.schema_violations->all()) {
    if (violation.kind != schema::Violation::Kind::UnknownField) continue;
    sink.report_key(kUnknownField, *violation.node, violation.message).help(violation.help);
  }
}

}  // namespace

const Rule kUnknownField{{"ASL003", "unknown-field", Severity::Error, kAsl,
                          "A field the state machine, a state of its type, a retrier, a catcher "
                          "or a Map configuration object does not have"},
                         &check,
                         nullptr,
                         /*yields_to_specific_rules=*/true};

}  // namespace wflint::rules
