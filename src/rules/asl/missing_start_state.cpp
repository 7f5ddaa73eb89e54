#include <fmt/format.h>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kMissingStartState;

namespace {

std::string scope_description(const asl::Scope& scope) {
  switch (scope.kind()) {
    case asl::Scope::Kind::ParallelBranch:
      return "a branch of Parallel state \"" + std::string(scope.owner()->name) + "\"";
    case asl::Scope::Kind::MapProcessor:
      return "the item processor of Map state \"" + std::string(scope.owner()->name) + "\"";
    case asl::Scope::Kind::TopLevel:
      break;
  }
  return "the top-level States";
}

// Another scope that defines `name`: the usual mistake is to start a branch at an outer state.
const asl::Scope* scope_defining(const asl::StateMachine& machine, std::string_view name) {
  for (const asl::Scope& scope : machine.scopes()) {
    if (scope.find(name)) return &scope;
  }
  return nullptr;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    const Node* start_at = scope.start_at();
    if (!start_at || !start_at->is_string() || scope.find(start_at->text())) continue;
    const std::string where = scope_description(scope);
    auto finding =
        sink.report(kMissingStartState, *start_at,
                    fmt::format("StartAt \"{}\" names no state in {}", start_at->text(), where));
    const std::vector<std::string_view> names = scope.state_names();
    if (const asl::Scope* elsewhere = scope_defining(*ctx.state_machine, start_at->text())) {
      finding.help(fmt::format("\"{}\" is a state of {}; StartAt must name a state of {}",
                               start_at->text(), scope_description(*elsewhere), where));
    } else if (std::string_view near = text::closest_match(start_at->text(), names);
               !near.empty()) {
      finding.help(fmt::format("did you mean \"{}\"?", near));
    } else if (names.empty()) {
      finding.help("add the state to States");
    } else {
      finding.help(fmt::format("StartAt must name one of the states defined in {}", where));
    }
  }
}

}  // namespace

const Rule kMissingStartState{{"ASL001", "missing-start-state", Severity::Error, kAsl,
                               "StartAt names no state of its own scope"},
                              &check};

}  // namespace wflint::rules
