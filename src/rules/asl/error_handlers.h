#pragma once

#include <functional>
#include <string_view>

#include "model/asl/state_machine.h"

namespace wflint::rules {

// The Retry or Catch array of a state, when it is an array.
const Node* handler_list(const asl::State& state, std::string_view field);

// Calls `visit(field, list)` for the Retry and then the Catch array of every state that has them.
void for_each_handler_list(const asl::StateMachine& machine,
                           const std::function<void(const asl::State&, const Node&)>& visit);

// The string error names of an ErrorEquals array (other elements are skipped).
std::vector<const Node*> error_names(const Node& handler);

}  // namespace wflint::rules
