#include <fmt/format.h>

#include <set>
#include <string>
#include <utility>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kBranchWithoutDefault;

namespace {

// True when the choices test one variable both for BooleanEquals true and false: one of them
// always matches, so no Default is needed.
bool covers_both_booleans(const Node& choices) {
  std::set<std::pair<std::string_view, bool>> tested;
  for (const Node& choice : choices.children()) {
    if (!choice.is_object()) continue;
    const Node* variable = choice.find("Variable");
    const Node* equals = choice.find("BooleanEquals");
    if (!variable || !variable->is_string() || !equals || !equals->is_bool()) continue;
    tested.emplace(variable->text(), equals->bool_value());
    if (tested.contains({variable->text(), !equals->bool_value()})) return true;
  }
  return false;
}

// The name of the step written after `step` in the same list, or empty when it is the last one.
std::string_view next_step_name(const Node& step) {
  const Node* list = step.parent();
  if (!list || !list->is_array()) return {};
  const std::size_t next = step.index_in_parent() + 1;
  if (next >= list->size()) return {};
  const Node& following = list->children()[next];
  return following.is_object() ? following.find_string("name") : std::string_view{};
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    if (step.action != "aws:branch" || !step.node) continue;
    const Node* inputs = step.node->find("inputs");
    if (!inputs || !inputs->is_object() || inputs->find("Default")) continue;
    // With isEnd or nextStep, the step itself says what happens when no choice matches.
    if (step.is_end() || step.node->find("nextStep")) continue;
    const Node* choices = inputs->find("Choices");
    if (!choices || !choices->is_array() || choices->size() == 0) continue;
    if (covers_both_booleans(*choices)) continue;
    const std::string_view next = next_step_name(*step.node);
    sink.report_key(kBranchWithoutDefault, *choices,
                    next.empty()
                        ? fmt::format("aws:branch has no Default: when no choice matches, {}",
                                      step.loop ? "the loop goes on to its next iteration"
                                                : "the runbook ends after this step")
                        : fmt::format("aws:branch has no Default: when no choice "
                                      "matches, execution falls through to step \"{}\"",
                                      next))
        .help(next.empty()
                  ? "add Default naming the step to run when no choice matches"
                  : fmt::format("add Default naming the step to run when no choice matches "
                                "(Default: {} if falling through is intended)",
                                next));
  }
}

}  // namespace

const Rule kBranchWithoutDefault{
    {"SSM108", "branch-without-default", Severity::Warning, kSsm, "An aws:branch with no Default"},
    &check};

}  // namespace wflint::rules
