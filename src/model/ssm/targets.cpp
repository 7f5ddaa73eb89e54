#include "model/ssm/targets.h"

namespace wflint::ssm {

namespace {

constexpr std::string_view kStepPrefix = "step:";

void add_plain(const Node* value, StepTarget::Via via, std::vector<StepTarget>& out) {
  if (value && value->is_string() && !value->text().empty())
    out.push_back(StepTarget{via, value->text(), value, 0});
}

void add_prefixed(const Node* value, StepTarget::Via via, std::vector<StepTarget>& out) {
  if (!value || !value->is_string() || !value->text().starts_with(kStepPrefix)) return;
  out.push_back(StepTarget{via, value->text().substr(kStepPrefix.size()), value,
                           static_cast<uint32_t>(kStepPrefix.size())});
}

void add_branch_targets(const Node& inputs, std::vector<StepTarget>& out) {
  if (const Node* choices = inputs.find("Choices"); choices && choices->is_array()) {
    for (const Node& choice : choices->children()) {
      if (choice.is_object())
        add_plain(choice.find("NextStep"), StepTarget::Via::BranchChoice, out);
    }
  }
  add_plain(inputs.find("Default"), StepTarget::Via::BranchDefault, out);
}

}  // namespace

std::vector<StepTarget> step_targets(const Step& step) {
  std::vector<StepTarget> targets;
  if (!step.node) return targets;
  add_plain(step.node->find("nextStep"), StepTarget::Via::NextStep, targets);
  add_prefixed(step.node->find("onFailure"), StepTarget::Via::OnFailure, targets);
  add_prefixed(step.node->find("onCancel"), StepTarget::Via::OnCancel, targets);
  if (step.action == "aws:branch" && step.inputs) add_branch_targets(*step.inputs, targets);
  return targets;
}

std::string_view field_name(StepTarget::Via via) {
  switch (via) {
    case StepTarget::Via::NextStep:
      return "nextStep";
    case StepTarget::Via::OnFailure:
      return "onFailure";
    case StepTarget::Via::OnCancel:
      return "onCancel";
    case StepTarget::Via::BranchChoice:
      return "NextStep";
    case StepTarget::Via::BranchDefault:
      return "Default";
  }
  return "";
}

}  // namespace wflint::ssm
