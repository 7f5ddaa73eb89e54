#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidFieldValue;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const schema::Violation& violation : ctx.schema_violations->all()) {
    if (violation.kind != schema::Violation::Kind::InvalidValue) continue;
    auto finding = sink.report(kInvalidFieldValue, *violation.node, violation.message);
    if (!violation.help.empty()) finding.help(violation.help);
  }
}

}  // namespace

const Rule kInvalidFieldValue{{"ASL005", "invalid-field-value", Severity::Error, kAsl,
                               "A field whose value has the wrong type, is not one of the allowed "
                               "values, or is out of range"},
                              &check,
                              nullptr,
                              /*yields_to_specific_rules=*/true};

}  // namespace wflint::rules
