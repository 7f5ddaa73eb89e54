#include "jsonata/parser.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kJsonataSyntaxError;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataString& string : ctx.jsonata_strings->all()) {
    // A ${...} placeholder is substituted before deployment; the expression is judged then.
    if (!string.is_expression() || analysis::has_placeholder(string.expression())) continue;
    const jsonata::ParseResult parsed = jsonata::parse(string.expression());
    if (!parsed.error) continue;
    const jsonata::SyntaxError& error = *parsed.error;
    const uint32_t offset = analysis::JsonataString::kExpressionOffset + error.offset;
    // An error at the very end of the expression underlines the closing "%}".
    const uint32_t length = error.length > 0 ? error.length : 2;
    sink.report_at(kJsonataSyntaxError, string.value->text_span(offset, length),
                   string.value->json_pointer(), error.message);
  }
}

}  // namespace

const Rule kJsonataSyntaxError{{"JSN001", "jsonata-syntax-error", Severity::Error, kAsl,
                                "A {% %} expression that is not valid JSONata"},
                               &check};

}  // namespace wflint::rules
