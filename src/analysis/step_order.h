#pragma once

#include <cstddef>
#include <unordered_map>
#include <vector>

#include "model/ssm/runbook.h"

namespace wflint::analysis {

// The control flow of a runbook: which step may run after which. A step goes on to the next step
// in its list (unless it ends the runbook or names nextStep), to its aws:branch targets, to its
// onFailure and onCancel steps; an aws:loop goes to its first inner step, and the last inner
// step back to the loop.
class StepOrder {
 public:
  explicit StepOrder(const ssm::Runbook& runbook);

  // True when `earlier` can have run, on some path, by the time `later` runs; a step "runs
  // before" itself only when it can run again (in a loop or a cycle).
  bool may_run_before(const ssm::Step& earlier, const ssm::Step& later) const;

 private:
  void add_edges(const ssm::Step& step);
  const std::vector<bool>& reachable_from(std::size_t step) const;

  const ssm::Runbook& runbook_;
  std::unordered_map<const Node*, std::size_t> index_by_node_;
  std::vector<std::vector<std::size_t>> successors_;
  mutable std::vector<std::vector<bool>> reachable_;  // filled on first request, per step
};

}  // namespace wflint::analysis
