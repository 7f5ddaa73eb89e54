#include <fmt/format.h>

#include <unordered_map>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnusedVariable;

namespace {

using ReadsByName =
    std::unordered_map<std::string_view, std::vector<const analysis::VariableRead*>>;

ReadsByName reads_by_name(const analysis::Variables& variables) {
  ReadsByName out;
  for (const analysis::VariableRead& read : variables.reads())
    out[read.name].push_back(&read);
  return out;
}

// A read sees the assignment when its state, or the Parallel or Map state around it, runs after
// the assigning state in that state's scope. Reads found by scanning count too: a variable is
// called unused only when nothing can read it.
bool sees(const analysis::Variables& variables, const analysis::VariableAssignment& assignment,
          const analysis::VariableRead& read) {
  for (const asl::State* state = read.state; state; state = state->scope->owner()) {
    if (state->scope == assignment.state->scope)
      return variables.runs_after(*assignment.state, *state);
  }
  return false;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const analysis::Variables& variables = *ctx.variables;
  const ReadsByName reads = reads_by_name(variables);
  for (const analysis::VariableAssignment& assignment : variables.assignments()) {
    const asl::State& state = *assignment.state;
    if (!ctx.transitions->reachable(state) || variables.scope_chain_incomplete(*state.scope))
      continue;
    const auto found = reads.find(assignment.name);
    if (found != reads.end() && std::any_of(found->second.begin(), found->second.end(),
                                            [&](const analysis::VariableRead* read) {
                                              return sees(variables, assignment, *read);
                                            })) {
      continue;
    }
    const bool nested = state.scope->kind() != asl::Scope::Kind::TopLevel;
    sink.report_key(kUnusedVariable, *assignment.member,
                    fmt::format("variable \"${}\" is assigned in state \"{}\" but no state that "
                                "runs after it reads it",
                                assignment.name, state.name))
        .help(nested ? "remove the assignment; to pass the value out of a Parallel branch or "
                       "Map iteration, put it in the state's Output"
                     : "remove the assignment, or read the variable where it is needed");
  }
}

}  // namespace

const Rule kUnusedVariable{{"JSN010", "unused-variable", Severity::Warning, kAsl,
                            "A variable assigned but never read afterwards"},
                           &check};

}  // namespace wflint::rules
