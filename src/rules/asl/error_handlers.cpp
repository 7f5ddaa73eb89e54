#include "rules/asl/error_handlers.h"

namespace wflint::rules {

const Node* handler_list(const asl::State& state, std::string_view field) {
  const Node* list = state.field(field);
  return list && list->is_array() ? list : nullptr;
}

void for_each_handler_list(const asl::StateMachine& machine,
                           const std::function<void(const asl::State&, const Node&)>& visit) {
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      for (std::string_view field : {"Retry", "Catch"}) {
        if (const Node* list = handler_list(state, field)) visit(state, *list);
      }
    }
  }
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
