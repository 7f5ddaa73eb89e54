#include "rules/asl/path_fields.h"

namespace wflint::rules {

void report_lang_error(DiagnosticSink& sink, const Rule& rule, const Node& member,
                       const lang::LangError& error) {
  auto finding = sink.report_at(rule, member.text_span(error.offset, error.length),
                                member.json_pointer(), error.message);
  if (!error.help.empty()) finding.help(error.help);
}

}  // namespace wflint::rules
