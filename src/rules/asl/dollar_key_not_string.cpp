#include <fmt/format.h>

#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kDollarKeyNotString;

namespace {

std::string_view kind_with_article(const Node& node) {
  switch (node.kind()) {
    case NodeKind::Object:
      return "an object";
    case NodeKind::Array:
      return "an array";
    case NodeKind::Number:
      return "a number";
    case NodeKind::Bool:
      return "a boolean";
    case NodeKind::Null:
      return "null";
    case NodeKind::String:
      break;
  }
  return "a string";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const PathField& field : ctx.path_fields->fields()) {
    const Node& member = *field.member;
    if (field.role != PathRole::DollarValue || member.is_string()) continue;
    const std::string_view name = member.key().substr(0, member.key().size() - 2);
    sink.report(kDollarKeyNotString, member,
                fmt::format("\"{}\" ends in \".$\" but its value is {}", member.key(),
                            kind_with_article(member)))
        .help(fmt::format("a key ending in \".$\" takes a path or an intrinsic call as a string, "
                          "such as \"$.{}\"; to pass this value as it is, name the key \"{}\"",
                          name, name));
  }
}

}  // namespace

const Rule kDollarKeyNotString{{"ASL205", "dollar-key-not-string", Severity::Error, kAsl,
                                "a payload template key ending in \".$\" whose value is not a "
                                "string"},
                               &check};

}  // namespace wflint::rules
