#include <fmt/format.h>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUndefinedVariable;

namespace {

std::vector<std::string_view> assigned_names(const analysis::Variables& variables) {
  std::vector<std::string_view> names;
  for (const analysis::VariableAssignment& assignment : variables.assignments())
    names.push_back(assignment.name);
  return names;
}

// Reads whose verdict the analysis can trust: the read is certain, the state runs, and every
// path to it is known.
bool judged(const CheckContext& ctx, const analysis::VariableRead& read) {
  return read.certain && ctx.transitions->reachable(*read.state) &&
         !ctx.variables->scope_chain_incomplete(*read.state->scope);
}

void report_never_assigned(const CheckContext& ctx, const analysis::VariableRead& read,
                           DiagnosticSink& sink) {
  auto finding =
      sink.report_at(kUndefinedVariable, read.span(), read.value->json_pointer(),
                     fmt::format("variable \"${}\" is read in state \"{}\" but no state assigns it",
                                 read.name, read.state->name));
  const std::vector<std::string_view> names = assigned_names(*ctx.variables);
  if (const std::string_view closest = text::closest_match(read.name, names); !closest.empty()) {
    finding.help(fmt::format("did you mean \"${}\"?", closest));
  } else {
    finding.help("assign it with \"Assign\" in a state that runs before this one");
  }
}

void report_assigned_later(const CheckContext& ctx, const analysis::VariableRead& read,
                           DiagnosticSink& sink) {
  auto finding = sink.report_at(
      kUndefinedVariable, read.span(), read.value->json_pointer(),
      fmt::format("variable \"${}\" is read in state \"{}\", but no path to that state passes "
                  "a state that assigns it",
                  read.name, read.state->name));
  const auto& assignments = ctx.variables->assignments_of(read.name);
  if (!assignments.empty()) {
    finding.related(
        assignments.front()->member->key_span(),
        fmt::format("assigned here, in state \"{}\"", assignments.front()->state->name));
  }
  finding.help(
      "a state sees the values assigned by the states before it (its own Assign takes effect "
      "after it); assign the variable earlier on the path");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const analysis::Variables& variables = *ctx.variables;
  if (!variables.assignments_known()) return;
  for (const analysis::VariableRead& read : variables.reads()) {
    if (!judged(ctx, read) || variables.may_be_assigned_before(*read.state, read.name)) continue;
    if (variables.assigned_in_visible_scopes(*read.state->scope, read.name)) {
      report_assigned_later(ctx, read, sink);
    } else if (variables.assignments_of(read.name).empty()) {
      report_never_assigned(ctx, read, sink);
    }
    // Assigned only in scopes this state cannot see: JSN009's finding.
  }
}

}  // namespace

const Rule kUndefinedVariable{{"JSN008", "undefined-variable", Severity::Error, kAsl,
                               "A variable read where no path has assigned it"},
                              &check};

}  // namespace wflint::rules
