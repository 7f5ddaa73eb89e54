#include <fmt/format.h>

#include "rules/asl/scope_names.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kNoPathToEnd;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    if (scope.states().empty()) continue;
    // One finding per scope, at the first state (in document order) that runs and can never
    // finish: its whole loop shares the problem.
    for (const asl::State& state : scope.states()) {
      if (!ctx.transitions->reachable(state) || ctx.transitions->reaches_terminal(state)) continue;
      sink.report_key(kNoPathToEnd, *state.node,
                      fmt::format("no path from state \"{}\" reaches an end state; once it "
                                  "runs, {} never finishes",
                                  state.name, describe_scope(scope)))
          .help(
              "give the loop an exit: a Choice rule or Catch that leads to a state with "
              "\"End\": true, a Succeed or a Fail state");
      break;
    }
  }
}

}  // namespace

const Rule kNoPathToEnd{{"ASL105", "no-path-to-end", Severity::Error, kAsl,
                         "A reachable state from which no path reaches End, Succeed or Fail"},
                        &check};

}  // namespace wflint::rules
