#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model/asl/state_machine.h"

namespace wflint::analysis {

// One transition written in a state: its field ("Next", "Default", "Choices", "Catch") and the
// node naming the target.
struct Transition {
  std::string_view field;
  const Node* target_name = nullptr;   // a string node
  const asl::State* target = nullptr;  // nullptr when the name is not a state of the same scope
};

// The transitions of every state of a state machine, and what they make reachable, computed once
// per document in time linear in states and transitions.
class TransitionGraph {
 public:
  explicit TransitionGraph(const asl::StateMachine& machine);

  std::span<const Transition> transitions_of(const asl::State& state) const;
  // Reachable from its scope's StartAt by following transitions.
  bool reachable(const asl::State& state) const;
  // Some transition of the scope names no state of it (ASL101).
  bool has_unresolved_transition(const asl::Scope& scope) const;
  // Some path from this state reaches a terminal state (End, Succeed, Fail), or may: a transition
  // to an unknown name counts as reaching one.
  bool reaches_terminal(const asl::State& state) const;
  // A state that ends its scope: End: true, Succeed or Fail.
  static bool is_terminal(const asl::State& state);

 private:
  uint32_t index_of(const asl::State& state) const;
  void add_scope(const asl::Scope& scope);
  void mark_reachable(const asl::Scope& scope);
  void mark_reaching_terminal(const asl::Scope& scope);

  std::span<const Transition> transitions_of(uint32_t index) const;

  std::vector<const asl::State*> states_;
  std::vector<Transition> transitions_;    // all states' transitions, state after state
  std::vector<uint32_t> transitions_end_;  // where each state's transitions end
  std::vector<bool> reachable_;
  std::vector<bool> reaches_terminal_;
  std::vector<uint32_t> scope_first_;  // index of each scope's first state, in scope order
};

}  // namespace wflint::analysis
