#include <fmt/format.h>

#include "rules/asl/scope_names.h"
#include "rules/rule.h"
#include "support/string_index.h"

namespace wflint::rules {

extern const Rule kDuplicateStateName;

namespace {

// Within one States object a repeated name is a duplicate key (WF002); this rule finds the same
// name in two different scopes, which AWS rejects as well.
void check(const CheckContext& ctx, DiagnosticSink& sink) {
  std::vector<const asl::State*> all;
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    for (const asl::State& state : scope.states())
      all.push_back(&state);
  }
  StringIndex first_by_name(all.size());
  for (uint32_t i = 0; i < all.size(); ++i) {
    const asl::State& state = *all[i];
    const asl::State& first = *all[first_by_name.insert(state.name, i)];
    if (&first == &state || first.scope == state.scope) continue;
    sink.report_key(kDuplicateStateName, *state.node,
                    fmt::format("state name \"{}\" is also used in {}", state.name,
                                describe_scope(*first.scope)))
        .related(first.node->key_span(), "first defined here")
        .help(
            "state names must be unique in the whole state machine, branches and item "
            "processors included; rename one of them");
  }
}

}  // namespace

const Rule kDuplicateStateName{{"ASL102", "duplicate-state-name", Severity::Error, kAsl,
                                "Two states in different scopes share a name"},
                               &check};

}  // namespace wflint::rules
