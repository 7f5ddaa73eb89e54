#include "analysis/step_order.h"

#include "model/ssm/targets.h"

namespace wflint::analysis {

namespace {

// The step written after `step` in the same list; nullptr for the last one.
const Node* following_step(const ssm::Step& step) {
  const Node* list = step.node->parent();
  const std::size_t next = step.node->index_in_parent() + 1;
  if (!list || !list->is_array() || next >= list->size()) return nullptr;
  const Node& following = list->children()[next];
  return following.is_object() ? &following : nullptr;
}

}  // namespace

StepOrder::StepOrder(const ssm::Runbook& runbook)
    : runbook_(runbook), successors_(runbook.steps().size()), reachable_(runbook.steps().size()) {
  for (const ssm::Step& step : runbook.steps())
    index_by_node_.emplace(step.node, runbook.index_of(step));
  for (const ssm::Step& step : runbook.steps())
    add_edges(step);
}

void StepOrder::add_edges(const ssm::Step& step) {
  std::vector<std::size_t>& next = successors_[runbook_.index_of(step)];
  const auto add = [&](const ssm::Step* target) {
    if (target) next.push_back(runbook_.index_of(*target));
  };
  const std::vector<ssm::StepTarget> targets = ssm::step_targets(step);
  bool names_next = false;
  bool branch_default = false;
  for (const ssm::StepTarget& target : targets) {
    add(runbook_.find_step(target.name));
    names_next = names_next || target.via == ssm::StepTarget::Via::NextStep;
    branch_default = branch_default || target.via == ssm::StepTarget::Via::BranchDefault;
  }
  if (step.action == "aws:loop" && step.inputs) {
    // The inner steps follow their loop in steps(): the first one is the next in the vector.
    const std::size_t first_inner = runbook_.index_of(step) + 1;
    if (first_inner < runbook_.steps().size() && runbook_.steps()[first_inner].loop == &step)
      next.push_back(first_inner);
  }
  if (names_next || branch_default || step.is_end()) {
    if (step.loop && !names_next) add(step.loop);  // the iteration ends: back to the loop
    return;
  }
  if (const Node* following = following_step(step)) {
    // Matched by node, not by name: a duplicate name must not send flow astray.
    if (const auto it = index_by_node_.find(following); it != index_by_node_.end())
      next.push_back(it->second);
  } else if (step.loop) {
    add(step.loop);
  }
}

const std::vector<bool>& StepOrder::reachable_from(std::size_t step) const {
  std::vector<bool>& seen = reachable_[step];
  if (!seen.empty()) return seen;
  seen.assign(successors_.size(), false);
  std::vector<std::size_t> pending(successors_[step]);
  while (!pending.empty()) {
    const std::size_t current = pending.back();
    pending.pop_back();
    if (seen[current]) continue;
    seen[current] = true;
    for (std::size_t next : successors_[current]) {
      if (!seen[next]) pending.push_back(next);
    }
  }
  return seen;
}

bool StepOrder::may_run_before(const ssm::Step& earlier, const ssm::Step& later) const {
  return reachable_from(runbook_.index_of(earlier))[runbook_.index_of(later)];
}

}  // namespace wflint::analysis
