#include "model/ssm/runbook.h"

namespace wflint::ssm {

namespace {

std::size_t count_steps(const Node& list) {
  std::size_t count = 0;
  std::vector<const Node*> pending{&list};
  while (!pending.empty()) {
    const Node* steps = pending.back();
    pending.pop_back();
    for (const Node& step : steps->children()) {
      ++count;
      const Node* inputs = step.is_object() ? step.find("inputs") : nullptr;
      const Node* nested = inputs && inputs->is_object() ? inputs->find("Steps") : nullptr;
      if (nested && nested->is_array()) pending.push_back(nested);
    }
  }
  return count;
}

}  // namespace

Runbook::Runbook(const Node& root) : root_(root) {
  if (const Node* params = root.find("parameters"); params && params->is_object()) {
    for (const Node& param : params->children())
      parameters_.push_back(Parameter{param.key(), &param});
  }
  const Node* main_steps = root.find("mainSteps");
  if (!main_steps || !main_steps->is_array()) return;
  // Reserved up front: steps point at their loop step inside this vector.
  steps_.reserve(count_steps(*main_steps));
  add_steps(*main_steps, nullptr);
}

void Runbook::add_steps(const Node& list, const Step* loop) {
  for (const Node& node : list.children()) {
    if (!node.is_object()) continue;
    const Node* name = node.find("name");
    Step& step = steps_.emplace_back(Step{name && name->is_string() ? name->text() : "", &node,
                                          name && name->is_string() ? name : nullptr,
                                          node.find_string("action"), loop});
    if (step.action != "aws:loop") continue;
    const Node* inputs = node.find("inputs");
    const Node* nested = inputs && inputs->is_object() ? inputs->find("Steps") : nullptr;
    if (nested && nested->is_array()) add_steps(*nested, &step);
  }
}

}  // namespace wflint::ssm
