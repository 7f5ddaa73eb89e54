#include "analysis/transitions.h"

#include <algorithm>

namespace wflint::analysis {
namespace {

void add_named(std::vector<Transition>& out, std::string_view field, const Node* name,
               const asl::Scope& scope) {
  if (!name || !name->is_string()) return;
  out.push_back(Transition{field, name, scope.find(name->text())});
}

// Appends the transitions written in `state` to `out`.
void append_written_transitions(const asl::State& state, std::vector<Transition>& out) {
  const asl::Scope& scope = *state.scope;
  add_named(out, "Next", state.field("Next"), scope);
  add_named(out, "Default", state.field("Default"), scope);
  if (const Node* choices = state.field("Choices"); choices && choices->is_array()) {
    for (const Node& rule : choices->children()) {
      if (rule.is_object()) add_named(out, "Choices", rule.find("Next"), scope);
    }
  }
  if (const Node* catchers = state.field("Catch"); catchers && catchers->is_array()) {
    for (const Node& catcher : catchers->children()) {
      if (catcher.is_object()) add_named(out, "Catch", catcher.find("Next"), scope);
    }
  }
}

}  // namespace

bool TransitionGraph::is_terminal(const asl::State& state) {
  if (state.type == "Succeed" || state.type == "Fail") return true;
  const Node* end = state.field("End");
  return end && end->is_bool() && end->bool_value();
}

TransitionGraph::TransitionGraph(const asl::StateMachine& machine) {
  for (const asl::Scope& scope : machine.scopes())
    add_scope(scope);
  reachable_.assign(states_.size(), false);
  reaches_terminal_.assign(states_.size(), false);
  for (const asl::Scope& scope : machine.scopes()) {
    mark_reachable(scope);
    mark_reaching_terminal(scope);
  }
}

void TransitionGraph::add_scope(const asl::Scope& scope) {
  scope_first_.push_back(static_cast<uint32_t>(states_.size()));
  for (const asl::State& state : scope.states()) {
    states_.push_back(&state);
    append_written_transitions(state, transitions_);
    transitions_end_.push_back(static_cast<uint32_t>(transitions_.size()));
  }
}

uint32_t TransitionGraph::index_of(const asl::State& state) const {
  const asl::Scope& scope = *state.scope;
  return scope_first_[scope.index()] + static_cast<uint32_t>(&state - scope.states().data());
}

void TransitionGraph::mark_reachable(const asl::Scope& scope) {
  const Node* start_name = scope.start_at();
  const asl::State* start =
      start_name && start_name->is_string() ? scope.find(start_name->text()) : nullptr;
  if (!start) return;
  std::vector<uint32_t> pending{index_of(*start)};
  reachable_[pending.back()] = true;
  while (!pending.empty()) {
    const uint32_t at = pending.back();
    pending.pop_back();
    for (const Transition& t : transitions_of(at)) {
      if (!t.target) continue;
      const uint32_t next = index_of(*t.target);
      if (!reachable_[next]) {
        reachable_[next] = true;
        pending.push_back(next);
      }
    }
  }
}

void TransitionGraph::mark_reaching_terminal(const asl::Scope& scope) {
  if (scope.states().empty()) return;
  const uint32_t first = index_of(scope.states().front());
  const auto count = static_cast<uint32_t>(scope.states().size());
  // Walk the transitions backwards from every terminal state. Predecessors are stored flat:
  // the ones of local state i are predecessors[start[i] .. start[i + 1]).
  std::vector<uint32_t> start(count + 1, 0);
  for (uint32_t i = 0; i < count; ++i) {
    for (const Transition& t : transitions_of(first + i)) {
      if (t.target) ++start[index_of(*t.target) - first + 1];
    }
  }
  for (uint32_t i = 0; i < count; ++i)
    start[i + 1] += start[i];
  std::vector<uint32_t> predecessors(start[count]);
  std::vector<uint32_t> filled(start.begin(), start.end() - 1);
  std::vector<uint32_t> pending;
  for (uint32_t i = 0; i < count; ++i) {
    const std::span<const Transition> out = transitions_of(first + i);
    for (const Transition& t : out) {
      if (t.target) predecessors[filled[index_of(*t.target) - first]++] = i;
    }
    // A transition to a name that is no state (reported by ASL101) could have been meant to
    // lead anywhere: assume it reaches an end rather than report a consequence of the typo.
    const bool broken = std::any_of(out.begin(), out.end(),
                                    [](const Transition& t) { return t.target == nullptr; });
    if (broken || is_terminal(*states_[first + i])) {
      reaches_terminal_[first + i] = true;
      pending.push_back(i);
    }
  }
  while (!pending.empty()) {
    const uint32_t at = pending.back();
    pending.pop_back();
    for (uint32_t k = start[at]; k < start[at + 1]; ++k) {
      const uint32_t before = predecessors[k];
      if (!reaches_terminal_[first + before]) {
        reaches_terminal_[first + before] = true;
        pending.push_back(before);
      }
    }
  }
}

std::span<const Transition> TransitionGraph::transitions_of(const asl::State& state) const {
  return transitions_of(index_of(state));
}

std::span<const Transition> TransitionGraph::transitions_of(uint32_t index) const {
  const uint32_t begin = index == 0 ? 0 : transitions_end_[index - 1];
  return std::span<const Transition>(transitions_).subspan(begin, transitions_end_[index] - begin);
}

bool TransitionGraph::reachable(const asl::State& state) const {
  return reachable_[index_of(state)];
}

bool TransitionGraph::has_unresolved_transition(const asl::Scope& scope) const {
  for (const asl::State& state : scope.states()) {
    for (const Transition& t : transitions_of(state)) {
      if (!t.target) return true;
    }
  }
  return false;
}

bool TransitionGraph::reaches_terminal(const asl::State& state) const {
  return reaches_terminal_[index_of(state)];
}

}  // namespace wflint::analysis
