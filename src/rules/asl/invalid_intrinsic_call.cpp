#include "lang/intrinsic.h"
#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidIntrinsicCall;

namespace {

bool may_hold_call(const PathField& field) {
  return (field.role == PathRole::DollarValue || field.role == PathRole::ErrorOrCause) &&
         field.member->is_string() && lang::looks_like_intrinsic(field.member->text());
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    if (!may_hold_call(field)) continue;
    const lang::IntrinsicResult parsed = lang::parse_intrinsic(field.member->text());
    if (!parsed.ok()) {
      report_lang_error(sink, kInvalidIntrinsicCall, *field.member, *parsed.error);
      continue;
    }
    for (const lang::LangError& error : lang::check_intrinsic(parsed.intrinsic))
      report_lang_error(sink, kInvalidIntrinsicCall, *field.member, error);
  }
}

}  // namespace

const Rule kInvalidIntrinsicCall{{"ASL203", "invalid-intrinsic-call", Severity::Error, kAsl,
                                  "an intrinsic function call that Step Functions rejects: "
                                  "syntax, unknown function, arguments, nesting"},
                                 &check};

}  // namespace wflint::rules
