#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kJsonataSyntaxError;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataExpression& expression : ctx.jsonata_expressions->all()) {
    if (!expression.parsed.error) continue;
    const jsonata::SyntaxError& error = *expression.parsed.error;
    // An error at the very end of the expression underlines the closing "%}".
    const uint32_t length = error.length > 0 ? error.length : 2;
    sink.report_at(kJsonataSyntaxError, expression.span(error.offset, length),
                   expression.string->value->json_pointer(), error.message);
  }
}

}  // namespace

const Rule kJsonataSyntaxError{{"JSN001", "jsonata-syntax-error", Severity::Error, kAsl,
                                "A {% %} expression that is not valid JSONata"},
                               &check};

}  // namespace wflint::rules
