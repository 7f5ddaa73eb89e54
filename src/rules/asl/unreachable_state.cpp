#include <fmt/format.h>

#include "rules/asl/scope_names.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnreachableState;

namespace {

bool start_resolves(const asl::Scope& scope) {
  const Node* start = scope.start_at();
  return start && start->is_string() && scope.find(start->text());
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    // With a StartAt or a transition that names nothing (ASL001, ASL101), the state it meant is
    // likely among those that look unreachable: report the cause only.
    if (!start_resolves(scope) || ctx.transitions->has_unresolved_transition(scope)) continue;
    for (const asl::State& state : scope.states()) {
      if (ctx.transitions->reachable(state)) continue;
      sink.report_key(kUnreachableState, *state.node,
                      fmt::format("state \"{}\" can never run: no path from StartAt of {} leads "
                                  "to it",
                                  state.name, describe_scope(scope)))
          .help(
              "Step Functions rejects definitions with unreachable states; add a transition "
              "to it or remove it");
    }
  }
}

}  // namespace

const Rule kUnreachableState{
    {"ASL104", "unreachable-state", Severity::Error, kAsl, "A state no path from StartAt reaches"},
    &check};

}  // namespace wflint::rules
