#include <fmt/format.h>

#include "rules/asl/scope_names.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownTransitionTarget;

namespace {

void report(const CheckContext& ctx, DiagnosticSink& sink, const asl::State& state,
            const analysis::Transition& transition) {
  const std::string_view name = transition.target_name->text();
  const std::string where = describe_scope(*state.scope);
  auto finding = sink.report(
      kUnknownTransitionTarget, *transition.target_name,
      fmt::format(
          "{} \"{}\" names no state in {}",
          transition.field == "Choices" || transition.field == "Catch" ? "Next" : transition.field,
          name, where));
  if (const asl::Scope* elsewhere = scope_defining(*ctx.state_machine, name)) {
    finding.help(fmt::format(
        "\"{}\" is a state of {}; a transition cannot leave or enter a Parallel branch or a Map "
        "item processor",
        name, describe_scope(*elsewhere)));
    return;
  }
  const std::vector<std::string_view> names = state.scope->state_names();
  if (std::string_view near = text::closest_match(name, names); !near.empty()) {
    finding.help(fmt::format("did you mean \"{}\"?", near));
  }
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  for (const analysis::Transition& transition : ctx.transitions->transitions_of(state)) {
    if (!transition.target) report(ctx, sink, state, transition);
  }
}

}  // namespace

const Rule kUnknownTransitionTarget{
    {"ASL101", "unknown-transition-target", Severity::Error, kAsl,
     "Next, Default, a Choice rule's Next or a Catcher's Next names no state of its scope"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
