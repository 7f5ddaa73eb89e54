#include <fmt/format.h>

#include <array>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvalidStateType;

namespace {

constexpr std::array<std::string_view, 8> kStateTypes = {"Task",    "Pass", "Choice",   "Wait",
                                                         "Succeed", "Fail", "Parallel", "Map"};

bool is_top_level_field(std::string_view key) {
  return key == "QueryLanguage" || key == "Comment" || key == "TimeoutSeconds" ||
         key == "Version" || key == "StartAt";
}

void check_member(const Node& member, DiagnosticSink& sink) {
  if (!member.is_object()) {
    auto finding =
        sink.report_key(kInvalidStateType, member,
                        fmt::format("\"{}\" in States is {} {}, not a state object", member.key(),
                                    member.is_array() || member.is_object() ? "an" : "a",
                                    to_string(member.kind())));
    if (is_top_level_field(member.key())) {
      finding.help(fmt::format("{} belongs at the top level of the definition, beside StartAt",
                               member.key()));
    }
    return;
  }
  const Node* type = member.find("Type");
  if (!type) {
    sink.report_key(kInvalidStateType, member,
                    fmt::format("state \"{}\" has no \"Type\"", member.key()))
        .help("add \"Type\": one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map");
    return;
  }
  const std::string_view name = type->is_string() ? type->text() : std::string_view{};
  if (std::find(kStateTypes.begin(), kStateTypes.end(), name) != kStateTypes.end()) return;
  // A ${Placeholder} a deployment step (DefinitionSubstitutions) fills in.
  if (name.find("${") != std::string_view::npos) return;
  auto finding =
      sink.report(kInvalidStateType, *type,
                  type->is_string() ? fmt::format("\"{}\" is not a state type", name)
                                    : std::string("\"Type\" must be a string naming a state type"));
  if (std::string_view near = text::closest_match(name, kStateTypes); !near.empty()) {
    finding.help(fmt::format("did you mean \"{}\"?", near));
  } else {
    finding.help("the state types are Task, Pass, Choice, Wait, Succeed, Fail, Parallel and Map");
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    const Node* states = scope.states_node();
    if (!states || !states->is_object()) continue;
    for (const Node& member : states->children())
      check_member(member, sink);
  }
}

}  // namespace

const Rule kInvalidStateType{{"ASL002", "invalid-state-type", Severity::Error, kAsl,
                              "A States member that is not an object, or has a missing or unknown "
                              "Type"},
                             &check};

}  // namespace wflint::rules
