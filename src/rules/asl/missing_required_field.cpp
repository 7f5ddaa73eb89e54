#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kMissingRequiredField;

namespace {

// Underlines the object's name when it has one (a state), else its opening brace.
Span head_of(const Node& object) {
  if (object.has_key()) return object.key_span();
  const Span whole = object.span();
  return {whole.source, whole.begin, whole.begin + 1};
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const schema::Violation& violation : ctx.schema_violations->all()) {
    if (violation.kind != schema::Violation::Kind::MissingField) continue;
    const Node& object = *violation.node;
    sink.report_at(kMissingRequiredField, head_of(object),
                   object.json_pointer_of_member(violation.field), violation.message)
        .help(violation.help);
  }
}

}  // namespace

const Rule kMissingRequiredField{{"ASL004", "missing-required-field", Severity::Error, kAsl,
                                  "A Task without Resource, a Parallel without Branches, a Map "
                                  "without ItemProcessor, a branch without StartAt or States, "
                                  "..."},
                                 &check,
                                 nullptr,
                                 /*yields_to_specific_rules=*/true};

}  // namespace wflint::rules
