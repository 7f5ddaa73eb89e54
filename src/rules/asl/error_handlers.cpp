#include "rules/asl/error_handlers.h"

namespace wflint::rules {

const Node* handler_list(const asl::State& state, std::string_view field) {
  const Node* list = state.field(field);
  return list && list->is_array() ? list : nullptr;
}

std::vector<const Node*> error_names(const Node& handler) {
  std::vector<const Node*> names;
  const Node* errors = handler.is_object() ? handler.find("ErrorEquals") : nullptr;
  if (!errors || !errors->is_array()) return names;
  for (const Node& name : errors->children()) {
    if (name.is_string()) names.push_back(&name);
  }
  return names;
}

}  // namespace wflint::rules
