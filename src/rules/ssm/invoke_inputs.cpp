#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules::ssm_invoke {

const Node* invoke_inputs(const ssm::Step& step) {
  if (step.action != kInvokeAction || !step.node) return nullptr;
  const Node* inputs = step.node->find("inputs");
  return inputs && inputs->is_object() ? inputs : nullptr;
}

bool has_placeholder(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("${") != std::string_view::npos;
}

std::optional<std::string_view> literal_string(const Node& inputs, std::string_view name) {
  const Node* value = inputs.find(name);
  if (!value || !value->is_string() || !value->tag().empty() || has_placeholder(value->text()))
    return std::nullopt;
  return value->text();
}

}  // namespace wflint::rules::ssm_invoke
