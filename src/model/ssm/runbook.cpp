#include "model/ssm/runbook.h"

#include <algorithm>

namespace wflint::ssm {

namespace {

const Node* nested_steps(const Node& step) {
  const Node* inputs = step.is_object() ? step.find("inputs") : nullptr;
  const Node* nested = inputs && inputs->is_object() ? inputs->find("Steps") : nullptr;
  return nested && nested->is_array() ? nested : nullptr;
}

std::size_t count_steps(const Node& list) {
  std::size_t count = 0;
  std::vector<const Node*> pending{&list};
  while (!pending.empty()) {
    const Node* steps = pending.back();
    pending.pop_back();
    for (const Node& step : steps->children()) {
      ++count;
      if (const Node* nested = nested_steps(step)) pending.push_back(nested);
    }
  }
  return count;
}

std::vector<DeclaredOutput> declared_outputs(const Node& step) {
  std::vector<DeclaredOutput> outputs;
  const Node* list = step.find("outputs");
  if (!list || !list->is_array()) return outputs;
  for (const Node& entry : list->children()) {
    if (!entry.is_object()) continue;
    if (const std::string_view name = entry.find_string("Name"); !name.empty())
      outputs.push_back(DeclaredOutput{name, &entry});
  }
  return outputs;
}

// The members of a `parameters` or `variables` map.
std::vector<Declaration> declarations(const Node* map) {
  std::vector<Declaration> out;
  if (!map || !map->is_object()) return out;
  for (const Node& member : map->children()) {
    const bool is_object = member.is_object();
    out.push_back(Declaration{member.key(), &member,
                              is_object ? member.find_string("type") : std::string_view{},
                              is_object ? member.find("default") : nullptr});
  }
  return out;
}

template <typename T>
const T* find_named(const std::vector<T>& items, std::string_view name) {
  const auto it =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool Step::has_output(std::string_view output) const {
  if (!action_info) return true;
  const auto& builtin = action_info->outputs;
  return std::find(builtin.begin(), builtin.end(), output) != builtin.end() ||
         std::any_of(declared_outputs.begin(), declared_outputs.end(),
                     [&](const DeclaredOutput& declared) { return declared.name == output; });
}

bool Step::is_end() const {
  const Node* value = node ? node->find("isEnd") : nullptr;
  return value && ((value->is_bool() && value->bool_value()) ||
                   (value->is_string() && value->text() == "true"));
}

bool Step::runs_inside(const Step& loop_step) const {
  for (const Step* outer = loop; outer; outer = outer->loop) {
    if (outer == &loop_step) return true;
  }
  return false;
}

Runbook::Runbook(const Node& root) : root_(root) {
  parameters_ = declarations(root.find("parameters"));
  variables_ = declarations(root.find("variables"));
  const Node* main_steps = root.find("mainSteps");
  if (!main_steps || !main_steps->is_array()) return;
  // Reserved up front: steps point at their loop step inside this vector.
  steps_.reserve(count_steps(*main_steps));
  add_steps(*main_steps, nullptr);
  for (const Step& step : steps_) {
    if (!step.name.empty()) steps_by_name_.try_emplace(step.name, &step);
  }
}

void Runbook::add_steps(const Node& list, const Step* loop) {
  for (const Node& node : list.children()) {
    if (!node.is_object()) continue;
    const Node* name = node.find("name");
    const Node* inputs = node.find("inputs");
    Step& step = steps_.emplace_back();
    step.name = name && name->is_string() ? name->text() : "";
    step.node = &node;
    step.name_node = name && name->is_string() ? name : nullptr;
    step.action = node.find_string("action");
    step.inputs = inputs && inputs->is_object() ? inputs : nullptr;
    step.loop = loop;
    step.declared_outputs = declared_outputs(node);
    step.action_info = find_action(step.action);
    if (step.action != "aws:loop") continue;
    if (const Node* nested = nested_steps(node)) add_steps(*nested, &step);
  }
}

const Step* Runbook::find_step(std::string_view name) const {
  const auto it = steps_by_name_.find(name);
  return it == steps_by_name_.end() ? nullptr : it->second;
}

const Parameter* Runbook::find_parameter(std::string_view name) const {
  return find_named(parameters_, name);
}

const Variable* Runbook::find_variable(std::string_view name) const {
  return find_named(variables_, name);
}

}  // namespace wflint::ssm
