#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "load/node.h"
#include "model/ssm/runbook.h"

namespace wflint::ssm {

// A step named as where execution goes next.
struct StepTarget {
  enum class Via { NextStep, OnFailure, OnCancel, BranchChoice, BranchDefault };
  Via via;
  std::string_view name;  // the step named
  const Node* node;       // the string naming it
  uint32_t name_offset;   // where the name starts in that string ("step:" comes before it)
};

// The steps `step` names in nextStep, onFailure and onCancel ("step:X") and, for aws:branch, in
// its choices' NextStep and its Default. Abort, Continue and values of the wrong type are not
// targets.
std::vector<StepTarget> step_targets(const Step& step);

// "nextStep", "onFailure", ... as written in the runbook.
std::string_view field_name(StepTarget::Via via);

}  // namespace wflint::ssm
