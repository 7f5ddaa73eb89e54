#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kMalformedExpressionDelimiters;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataString& string : ctx.jsonata_strings->all()) {
    if (string.is_expression()) continue;
    const bool opens = string.value->text().starts_with("{%");
    sink.report(kMalformedExpressionDelimiters, *string.value,
                opens ? "this string starts with \"{%\" but does not end with \"%}\": Step "
                        "Functions takes it as literal text, not as a JSONata expression"
                      : "this string ends with \"%}\" but does not start with \"{%\": Step "
                        "Functions takes it as literal text, not as a JSONata expression")
        .help(opens ? "end the expression with \"%}\", with nothing after it"
                    : "start the expression with \"{%\", with nothing before it");
  }
}

}  // namespace

const Rule kMalformedExpressionDelimiters{
    {"JSN002", "malformed-expression-delimiters", Severity::Error, kAsl,
     "A string of a JSONata state with only one of the {% and %} delimiters"},
    &check};

}  // namespace wflint::rules
