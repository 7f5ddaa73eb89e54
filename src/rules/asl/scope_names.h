#pragma once

#include <string>

#include "model/asl/state_machine.h"

namespace wflint::rules {

// "the top-level States", "a branch of Parallel state \"Fan out\"", ... for messages.
std::string describe_scope(const asl::Scope& scope);
// Another scope of the machine that defines a state named `name`, or nullptr.
const asl::Scope* scope_defining(const asl::StateMachine& machine, std::string_view name);

}  // namespace wflint::rules
