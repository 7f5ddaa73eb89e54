#pragma once

#include <deque>
#include <string_view>
#include <vector>

#include "load/node.h"
#include "support/string_index.h"

namespace wflint::asl {

class Scope;

// One state: a member of some scope's "States" object.
struct State {
  std::string_view name;
  const Node* node = nullptr;  // the state's object (its key span is the name)
  std::string_view type;       // "Task", "Choice", ...; empty when Type is missing or not a string
  const Scope* scope = nullptr;
  bool jsonata = false;  // its QueryLanguage, or else the machine's, is JSONata

  const Node* field(std::string_view key) const { return node->find(key); }
};

// A set of states that transitions stay within: the top level, one Parallel branch, or one Map's
// item processor.
class Scope {
 public:
  enum class Kind { TopLevel, ParallelBranch, MapProcessor };

  Kind kind() const { return kind_; }
  const Node& node() const { return *node_; }
  const Node* start_at() const { return node_->find("StartAt"); }
  const Node* states_node() const { return node_->find("States"); }
  const std::vector<State>& states() const { return states_; }
  // The state of this scope named `name`, or nullptr.
  const State* find(std::string_view name) const;
  // The Parallel or Map state that owns this scope; nullptr at the top level.
  const State* owner() const { return owner_; }
  // Position in StateMachine::scopes().
  std::size_t index() const { return position_; }
  std::vector<std::string_view> state_names() const;

 private:
  friend class StateMachine;
  Kind kind_ = Kind::TopLevel;
  std::size_t position_ = 0;
  const Node* node_ = nullptr;
  const State* owner_ = nullptr;
  std::vector<State> states_;
  StringIndex by_name_;
};

// A read-only view of a state machine definition with all of its scopes.
class StateMachine {
 public:
  explicit StateMachine(const Node& root);
  StateMachine(const StateMachine&) = delete;
  StateMachine& operator=(const StateMachine&) = delete;

  const Node& root() const { return root_; }
  // The machine's QueryLanguage is JSONata (states may still override it).
  bool jsonata() const { return jsonata_; }
  const Scope& top_level() const { return scopes_.front(); }
  // Every scope, the top level first, then nested ones in document order of their owners.
  const std::deque<Scope>& scopes() const { return scopes_; }

 private:
  void add_scope(const Node& node, Scope::Kind kind, const State* owner);
  void add_nested_scopes(const State& state);

  const Node& root_;
  bool jsonata_ = false;
  std::deque<Scope> scopes_;  // a deque keeps addresses stable while scopes are added
};

}  // namespace wflint::asl
