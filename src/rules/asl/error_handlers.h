#pragma once

#include <string_view>

#include "model/asl/state_machine.h"

namespace wflint::rules {

// The Retry or Catch array of a state, when it is an array.
const Node* handler_list(const asl::State& state, std::string_view field);

// Calls `visit(state, list)` for the state's Retry and then its Catch array, when present.
template <class Visit>
void for_each_handler_list(const asl::State& state, Visit&& visit) {
  for (std::string_view field : {"Retry", "Catch"}) {
    if (const Node* list = handler_list(state, field)) visit(state, *list);
  }
}

// The same for every state of the machine.
template <class Visit>
void for_each_handler_list(const asl::StateMachine& machine, Visit&& visit) {
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states())
      for_each_handler_list(state, visit);
  }
}

// The string error names of an ErrorEquals array (other elements are skipped).
std::vector<const Node*> error_names(const Node& handler);

}  // namespace wflint::rules
