#include "lang/context_object.h"
#include "lang/intrinsic.h"
#include "lang/path.h"
#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnknownContextField;

namespace {

void check_path(const Node& member, const lang::Path& path, DiagnosticSink& sink) {
  if (const auto error = lang::unknown_context_field(path)) {
    report_lang_error(sink, kUnknownContextField, member, *error);
  }
}

void check_intrinsic_arguments(const Node& member, DiagnosticSink& sink) {
  const lang::IntrinsicResult parsed = lang::parse_intrinsic(member.text());
  if (!parsed.ok()) return;
  for (const lang::IntrinsicCall& call : parsed.intrinsic.calls) {
    for (const lang::IntrinsicArg& arg : call.args) {
      if (arg.kind == lang::ArgKind::Path) check_path(member, arg.path, sink);
    }
  }
}

// The context object is read-only: ResultPath into it is another rule's finding (ASL202).
bool reads_paths(PathRole role) {
  return role == PathRole::Path || role == PathRole::ReferencePath ||
         role == PathRole::ErrorOrCause || role == PathRole::DollarValue;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    const Node& member = *field.member;
    if (!reads_paths(field.role) || !member.is_string()) continue;
    if (lang::looks_like_intrinsic(member.text())) {
      if (field.role == PathRole::DollarValue || field.role == PathRole::ErrorOrCause) {
        check_intrinsic_arguments(member, sink);
      }
      continue;
    }
    const lang::PathResult parsed = lang::parse_path(member.text());
    if (parsed.ok()) check_path(member, parsed.path, sink);
  }
}

}  // namespace

const Rule kUnknownContextField{{"ASL204", "unknown-context-field", Severity::Warning, kAsl,
                                 "a \"$$.\" path naming a field the context object does not have"},
                                &check};

}  // namespace wflint::rules
