#include <fmt/format.h>

#include "lang/intrinsic.h"
#include "lang/path.h"
#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidPath;

namespace {

void report_not_a_path(const Node& member, DiagnosticSink& sink) {
  sink.report(kInvalidPath, member,
              fmt::format("value of \"{}\" is neither a path nor an intrinsic function call",
                          member.key()))
      .help(fmt::format("a key ending in \".$\" takes a path such as \"$.order.id\" or a call such "
                        "as \"States.Format('{{}}', $.id)\"; to pass the text as it is, name the "
                        "key \"{}\"",
                        member.key().substr(0, member.key().size() - 2)));
}

void check_template_value(const Node& member, DiagnosticSink& sink) {
  if (!member.is_string() || lang::looks_like_intrinsic(member.text())) return;
  if (!member.text().starts_with('$')) return report_not_a_path(member, sink);
  const lang::PathResult parsed = lang::parse_path(member.text());
  if (!parsed.ok()) report_lang_error(sink, kInvalidPath, member, *parsed.error);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    if (field.role == PathRole::DollarValue) {
      check_template_value(*field.member, sink);
    } else if (field.role == PathRole::Path) {
      const lang::PathResult parsed = lang::parse_path(field.member->text());
      if (!parsed.ok()) report_lang_error(sink, kInvalidPath, *field.member, *parsed.error);
    }
  }
}

}  // namespace

const Rule kInvalidPath{{"ASL201", "invalid-path", Severity::Error, kAsl,
                         "a Path (InputPath, OutputPath, Choice Variable, a \".$\" value) that "
                         "Step Functions cannot parse"},
                        &check};

}  // namespace wflint::rules
