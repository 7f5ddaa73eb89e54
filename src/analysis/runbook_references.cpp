#include "analysis/runbook_references.h"

#include <array>

namespace wflint::analysis {

namespace {

// Step fields that hold no references: descriptive text, and the outputs' JSONPath selectors.
constexpr std::array<std::string_view, 4> kUnreadStepFields = {"name", "action", "description",
                                                               "outputs"};

bool is_unread_step_field(std::string_view key) {
  for (std::string_view field : kUnreadStepFields) {
    if (key == field) return true;
  }
  return key == "inputs";  // read on its own, see add_step_inputs
}

}  // namespace

RunbookReferences::RunbookReferences(const ssm::Runbook& runbook) {
  const Node& root = runbook.root();
  if (const Node* role = root.find("assumeRole"))
    add_strings(*role, ReferenceSite::AssumeRole, nullptr, nullptr);
  for (const ssm::Parameter& parameter : runbook.parameters()) {
    if (parameter.default_value)
      add_strings(*parameter.default_value, ReferenceSite::ParameterDefault, nullptr, &parameter);
  }
  for (const ssm::Variable& variable : runbook.variables()) {
    const Node* value = variable.node->is_object() ? variable.node->find("default") : nullptr;
    if (value) add_strings(*value, ReferenceSite::VariableDefault, nullptr, nullptr);
  }
  for (const ssm::Step& step : runbook.steps())
    add_step(step);
  if (const Node* outputs = root.find("outputs"); outputs && outputs->is_array())
    add_runbook_outputs(*outputs);
}

void RunbookReferences::add_strings(const Node& node, ReferenceSite site, const ssm::Step* step,
                                    const ssm::Parameter* parameter) {
  if (node.is_string()) {
    for (const lang::SsmReference& reference : lang::find_ssm_references(node.text()))
      references_.push_back(RunbookReference{reference, &node, site, step, parameter});
    return;
  }
  for (const Node& child : node.children())
    add_strings(child, site, step, parameter);
}

void RunbookReferences::add_step(const ssm::Step& step) {
  for (const Node& field : step.node->children()) {
    if (!is_unread_step_field(field.key())) add_strings(field, ReferenceSite::Step, &step, nullptr);
  }
  if (step.inputs) add_step_inputs(*step.inputs, step);
}

void RunbookReferences::add_step_inputs(const Node& inputs, const ssm::Step& step) {
  for (const Node& input : inputs.children()) {
    // An aws:loop's inner steps are steps of their own, read with their own owner.
    if (step.action == "aws:loop" && input.key() == "Steps") continue;
    if (step.action == "aws:executeScript" && input.key() == "Script") continue;
    add_strings(input, ReferenceSite::Step, &step, nullptr);
  }
}

void RunbookReferences::add_runbook_outputs(const Node& outputs) {
  for (const Node& entry : outputs.children()) {
    if (!entry.is_string()) continue;
    lang::SsmReference reference;
    if (!lang::split_step_output(entry.text(), reference.name, reference.output)) continue;
    reference.kind = lang::SsmReference::Kind::StepOutput;
    reference.length = static_cast<uint32_t>(entry.text().size());
    reference.output_offset = static_cast<uint32_t>(reference.name.size() + 1);
    references_.push_back(
        RunbookReference{reference, &entry, ReferenceSite::RunbookOutputs, nullptr, nullptr});
  }
}

}  // namespace wflint::analysis
