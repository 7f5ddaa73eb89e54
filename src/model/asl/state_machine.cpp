#include "model/asl/state_machine.h"

namespace wflint::asl {

const State* Scope::find(std::string_view name) const {
  const std::optional<uint32_t> index = by_name_.find(name);
  return index ? &states_[*index] : nullptr;
}

std::vector<std::string_view> Scope::state_names() const {
  std::vector<std::string_view> names;
  names.reserve(states_.size());
  for (const State& state : states_)
    names.push_back(state.name);
  return names;
}

StateMachine::StateMachine(const Node& root)
    : root_(root), jsonata_(root.find_string("QueryLanguage") == "JSONata") {
  add_scope(root, Scope::Kind::TopLevel, nullptr);
  // Scopes are visited breadth-first, so deeply nested definitions need no deep recursion.
  for (std::size_t i = 0; i < scopes_.size(); ++i) {
    for (const State& state : scopes_[i].states_)
      add_nested_scopes(state);
  }
}

void StateMachine::add_scope(const Node& node, Scope::Kind kind, const State* owner) {
  Scope& scope = scopes_.emplace_back();
  scope.position_ = scopes_.size() - 1;
  scope.kind_ = kind;
  scope.node_ = &node;
  scope.owner_ = owner;
  const Node* states = node.find("States");
  if (!states || !states->is_object()) return;
  scope.states_.reserve(states->size());
  scope.by_name_.reserve(states->size());
  for (const Node& member : states->children()) {
    if (!member.is_object()) continue;  // not a state at all (ASL002)
    scope.by_name_.insert(member.key(), static_cast<uint32_t>(scope.states_.size()));
    const std::string_view language = member.find_string("QueryLanguage");
    const bool jsonata = language.empty() ? jsonata_ : language == "JSONata";
    scope.states_.push_back(
        State{member.key(), &member, member.find_string("Type"), &scope, jsonata});
  }
}

void StateMachine::add_nested_scopes(const State& state) {
  if (state.type == "Parallel") {
    const Node* branches = state.node->find("Branches");
    if (!branches || !branches->is_array()) return;
    for (const Node& branch : branches->children()) {
      if (branch.is_object()) add_scope(branch, Scope::Kind::ParallelBranch, &state);
    }
  } else if (state.type == "Map") {
    const Node* processor = state.node->find("ItemProcessor");
    if (!processor) processor = state.node->find("Iterator");
    if (processor && processor->is_object()) {
      add_scope(*processor, Scope::Kind::MapProcessor, &state);
    }
  }
}

}  // namespace wflint::asl
