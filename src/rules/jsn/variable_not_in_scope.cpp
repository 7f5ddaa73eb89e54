#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kVariableNotInScope;

namespace {

const asl::Scope* enclosing(const asl::Scope& scope) {
  return scope.owner() ? scope.owner()->scope : nullptr;
}

bool inside(const asl::Scope& scope, const asl::Scope& outer) {
  for (const asl::Scope* current = &scope; current; current = enclosing(*current)) {
    if (current == &outer) return true;
  }
  return false;
}

// The Distributed Map processor between `scope` and `outer` (which encloses it), if any.
const asl::Scope* distributed_between(const asl::Scope& scope, const asl::Scope& outer) {
  for (const asl::Scope* current = &scope; current && current != &outer;
       current = enclosing(*current)) {
    if (analysis::Variables::distributed_map_processor(*current)) return current;
  }
  return nullptr;
}

std::string_view scope_noun(const asl::Scope& scope) {
  return scope.kind() == asl::Scope::Kind::ParallelBranch ? "branch" : "iteration";
}

void report_read(const analysis::VariableRead& read, const analysis::VariableAssignment& assigned,
                 DiagnosticSink& sink) {
  const asl::Scope& scope = *read.state->scope;
  const asl::Scope& where = *assigned.state->scope;
  auto finding = [&]() {
    if (const asl::Scope* distributed =
            inside(scope, where) ? distributed_between(scope, where) : nullptr) {
      return sink
          .report_at(kVariableNotInScope, read.span(), read.value->json_pointer(),
                     fmt::format("variable \"${}\" is assigned outside Distributed Map \"{}\", "
                                 "whose child workflows cannot read the variables around it",
                                 read.name, distributed->owner()->name))
          .help("pass the value in the items, through ItemSelector");
    }
    const asl::State& owner = *where.owner();
    return sink
        .report_at(kVariableNotInScope, read.span(), read.value->json_pointer(),
                   fmt::format("variable \"${}\" is assigned only inside a {} of {} \"{}\": its "
                               "value is gone when the {} ends, and state \"{}\" cannot see it",
                               read.name, scope_noun(where), owner.type, owner.name,
                               scope_noun(where), read.state->name))
        .help(fmt::format("return the value in the {}'s output and assign it from $states.result "
                          "in the Assign of \"{}\"",
                          scope_noun(where), owner.name));
  }();
  finding.related(assigned.member->key_span(),
                  fmt::format("assigned here, in state \"{}\"", assigned.state->name));
}

void check_reads(const CheckContext& ctx, DiagnosticSink& sink) {
  const analysis::Variables& variables = *ctx.variables;
  if (!variables.assignments_known()) return;
  for (const analysis::VariableRead& read : variables.reads()) {
    if (!read.certain || !ctx.transitions->reachable(*read.state)) continue;
    if (variables.assigned_in_visible_scopes(*read.state->scope, read.name)) continue;
    const auto& assignments = variables.assignments_of(read.name);
    if (assignments.empty()) continue;  // JSN008's finding
    // Cite an assignment around the reader (beyond a Distributed Map) if there is one.
    const analysis::VariableAssignment* cited = assignments.front();
    for (const analysis::VariableAssignment* assignment : assignments) {
      if (inside(*read.state->scope, *assignment->state->scope)) cited = assignment;
    }
    report_read(read, *cited, sink);
  }
}

// An assignment in a nested scope of a name an enclosing scope assigns: AWS rejects it.
void check_shadowing(const CheckContext& ctx, DiagnosticSink& sink) {
  const analysis::Variables& variables = *ctx.variables;
  for (const analysis::VariableAssignment& inner : variables.assignments()) {
    const asl::Scope& scope = *inner.state->scope;
    if (scope.kind() == asl::Scope::Kind::TopLevel) continue;
    for (const analysis::VariableAssignment* outer : variables.assignments_of(inner.name)) {
      const asl::Scope& outer_scope = *outer->state->scope;
      if (&outer_scope == &scope || !inside(scope, outer_scope) ||
          distributed_between(scope, outer_scope)) {
        continue;
      }
      sink.report_key(kVariableNotInScope, *inner.member,
                      fmt::format("variable \"${}\" already exists in the scope around state "
                                  "\"{}\": a nested scope may read it but not assign it",
                                  inner.name, inner.state->name))
          .related(outer->member->key_span(),
                   fmt::format("assigned here, in state \"{}\"", outer->state->name))
          .help("give the variable of the nested scope another name");
      break;
    }
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  check_reads(ctx, sink);
  check_shadowing(ctx, sink);
}

}  // namespace

const Rule kVariableNotInScope{
    {"JSN009", "variable-not-in-scope", Severity::Error, kAsl,
     "A variable read outside the scope that assigns it, or assigned again in a nested scope"},
    &check};

}  // namespace wflint::rules
