#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/jsonata_expressions.h"
#include "analysis/transitions.h"
#include "model/asl/state_machine.h"

namespace wflint::analysis {

// One variable set by an Assign: the state's own, a Choice rule's or a catcher's.
struct VariableAssignment {
  std::string_view name;         // the key, without the ".$" of JSONPath templates
  const Node* member = nullptr;  // the Assign member; its key span names the variable
  const asl::State* state = nullptr;
};

// One place a state reads a variable: `$name` in a JSONata expression or a JSONPath path.
struct VariableRead {
  std::string_view name;
  const asl::State* state = nullptr;
  const Node* value = nullptr;  // the string holding the read
  uint32_t offset = 0;          // of "$name" in value->text()
  uint32_t length = 0;
  // A read the analysis is sure of: a free variable of a parsed JSONata expression (bound
  // nowhere in it, not a library function), or a JSONPath path field that starts with a variable.
  // Other reads are found by scanning text (intrinsic calls, expressions that do not parse) and
  // only keep variables from looking unused.
  bool certain = false;

  Span span() const { return value->text_span(offset, length); }
};

// The variables of a state machine: who assigns them, who reads them, and which assignments a
// state can see. Scopes follow the specification: one per States block; a Parallel branch or an
// inline Map iteration reads the variables of the scopes around it as they were when its
// Parallel or Map state was entered; a Distributed Map's child workflows see none of them.
class Variables {
 public:
  Variables(const asl::StateMachine& machine, const TransitionGraph& transitions,
            const JsonataExpressions& expressions);
  ~Variables();
  Variables(const Variables&) = delete;
  Variables& operator=(const Variables&) = delete;

  const std::vector<VariableAssignment>& assignments() const { return assignments_; }
  const std::vector<VariableRead>& reads() const { return reads_; }
  // Every Assign is an object whose keys are plain names: the assignments are all known.
  bool assignments_known() const { return assignments_known_; }

  // `later` can run after `earlier` has finished: both in one scope, with a path of at least one
  // transition between them. True when the question is too costly to answer (huge machines).
  bool runs_after(const asl::State& earlier, const asl::State& later) const;
  // Some assignment of `name` has run whenever `state` is entered, on at least one path: in its
  // own scope before it, or in an enclosing scope before the Parallel or Map around it.
  bool may_be_assigned_before(const asl::State& state, std::string_view name) const;
  // The assignments of `name` a state in `scope` can see: those of the scope and of the scopes
  // around it, up to the first Distributed Map's item processor.
  bool assigned_in_visible_scopes(const asl::Scope& scope, std::string_view name) const;
  // Its scope, or one around it, has a transition to an unknown state: paths are incomplete.
  bool scope_chain_incomplete(const asl::Scope& scope) const;
  const std::vector<const VariableAssignment*>& assignments_of(std::string_view name) const;

  // A Map whose item processor runs as Distributed Map child workflows.
  static bool distributed_map_processor(const asl::Scope& scope);

  struct Reachability;

 private:
  void collect_assignments(const asl::State& state);
  void collect_assign_object(const asl::State& state, const Node& assign);
  void collect_jsonata_reads(const JsonataExpressions& expressions);
  void collect_jsonpath_reads(const asl::State& state);

  const TransitionGraph& transitions_;
  std::vector<VariableAssignment> assignments_;
  std::vector<VariableRead> reads_;
  bool assignments_known_ = true;
  std::unordered_map<std::string_view, std::vector<const VariableAssignment*>> by_name_;
  std::unique_ptr<Reachability> reachability_;
};

// Each "$name" in `text` not preceded by "$": the variable references a text can hold, as
// (offset, length) pairs covering the "$".
std::vector<std::pair<uint32_t, uint32_t>> scan_variable_references(std::string_view text);

}  // namespace wflint::analysis
