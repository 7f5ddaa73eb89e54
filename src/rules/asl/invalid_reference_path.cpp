#include <fmt/format.h>

#include "lang/intrinsic.h"
#include "lang/path.h"
#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidReferencePath;

namespace {

// ResultPath writes into the state input: never into the context object or a variable.
void check_result_target(const Node& member, const lang::Path& path, DiagnosticSink& sink) {
  const Span root = member.text_span(0, path.root_length);
  if (path.root == lang::PathRoot::Context) {
    sink.report_at(kInvalidReferencePath, root, member.json_pointer(),
                   fmt::format("{} cannot write to the context object", member.key()))
        .help("ResultPath places the result into the state input; start it with \"$.\"");
  } else if (path.root == lang::PathRoot::Variable) {
    sink.report_at(
            kInvalidReferencePath, root, member.json_pointer(),
            fmt::format("{} cannot write to the variable \"${}\"", member.key(), path.variable))
        .help(fmt::format("set variables with Assign, such as \"Assign\": {{\"{}.$\": \"$\"}}",
                          path.variable));
  }
}

void check_field(const PathField& field, DiagnosticSink& sink) {
  const Node& member = *field.member;
  const lang::PathResult parsed = lang::parse_reference_path(member.text());
  if (!parsed.ok()) return report_lang_error(sink, kInvalidReferencePath, member, *parsed.error);
  if (field.role == PathRole::ResultPath) check_result_target(member, parsed.path, sink);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    switch (field.role) {
      case PathRole::ReferencePath:
      case PathRole::ResultPath:
        check_field(field, sink);
        break;
      case PathRole::ErrorOrCause:
        if (!lang::looks_like_intrinsic(field.member->text())) check_field(field, sink);
        break;
      case PathRole::Path:
      case PathRole::DollarValue:
      case PathRole::PlainValue:
        break;
    }
  }
}

}  // namespace

const Rule kInvalidReferencePath{{"ASL202", "invalid-reference-path", Severity::Error, kAsl,
                                  "a Reference Path (ResultPath, ItemsPath, *SecondsPath, ...) "
                                  "that is invalid or can match several nodes"},
                                 &check};

}  // namespace wflint::rules
