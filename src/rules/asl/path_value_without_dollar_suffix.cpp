#include <fmt/format.h>

#include "lang/intrinsic.h"
#include "lang/path.h"
#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kPathValueWithoutDollarSuffix;

namespace {

// "$.order.id", "$$.Execution.Id", "$[0]": text starting like a path that parses as one. A bare
// "$" or "$name" could as well be a price or plain text.
bool looks_like_path(std::string_view text) {
  if (!text.starts_with("$.") && !text.starts_with("$$.") && !text.starts_with("$[")) {
    return false;
  }
  return lang::parse_path(text).ok();
}

bool looks_like_call(std::string_view text) {
  return text.starts_with("States.") && lang::parse_intrinsic(text).ok();
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    if (field.role != PathRole::PlainValue) continue;
    const Node& member = *field.member;
    const std::string_view text = member.text();
    const bool path = looks_like_path(text);
    if (!path && !looks_like_call(text)) continue;
    sink.report(kPathValueWithoutDollarSuffix, member,
                fmt::format("\"{}\" is given the literal text of {}, not its result", member.key(),
                            path ? "a path" : "an intrinsic function call"))
        .help(fmt::format("name the key \"{}.$\" to pass the value {}", member.key(),
                          path ? "the path selects" : "the call returns"));
  }
}

}  // namespace

const Rule kPathValueWithoutDollarSuffix{
    {"ASL206", "path-value-without-dollar-suffix", Severity::Warning, kAsl,
     "a payload template string that looks like a path or intrinsic call under a key without "
     "\".$\", so it is passed as literal text"},
    &check};

}  // namespace wflint::rules
