#include "rules/asl/scope_names.h"

namespace wflint::rules {

std::string describe_scope(const asl::Scope& scope) {
  switch (scope.kind()) {
    case asl::Scope::Kind::ParallelBranch:
      return "a branch of Parallel state \"" + std::string(scope.owner()->name) + "\"";
    case asl::Scope::Kind::MapProcessor:
      return "the item processor of Map state \"" + std::string(scope.owner()->name) + "\"";
    case asl::Scope::Kind::TopLevel:
      break;
  }
  return "the top-level States";
}

const asl::Scope* scope_defining(const asl::StateMachine& machine, std::string_view name) {
  for (const asl::Scope& scope : machine.scopes()) {
    if (scope.find(name)) return &scope;
  }
  return nullptr;
}

}  // namespace wflint::rules
