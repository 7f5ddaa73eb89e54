#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/node.h"
#include "model/ssm/actions.h"

namespace wflint::ssm {

// An output a step declares in its `outputs` list.
struct DeclaredOutput {
  std::string_view name;
  const Node* node = nullptr;  // the list entry
};

struct Step {
  std::string_view name;
  const Node* node = nullptr;       // the step's object
  const Node* name_node = nullptr;  // its "name" value, when it is a string
  std::string_view action;
  const Node* inputs = nullptr;  // its "inputs" object, when it is one
  const Step* loop = nullptr;    // the aws:loop step this step runs inside, if any
  std::vector<DeclaredOutput> declared_outputs;
  const ActionInfo* action_info = nullptr;  // nullptr for actions that are not documented

  // True when `output` is declared by the step or built into its action. Steps of undocumented
  // actions may have any output.
  bool has_output(std::string_view output) const;
  // True when this step runs inside `loop_step`, directly or in a nested loop.
  bool runs_inside(const Step& loop_step) const;
  // True when `isEnd` is set (AWS's own runbooks also write it as the string "true").
  bool is_end() const;
};

// A parameter or a variable of the runbook: both declare a type and may have a default.
struct Declaration {
  std::string_view name;
  const Node* node = nullptr;  // its definition (its key span is the name)
  std::string_view type;       // as written; empty when absent
  const Node* default_value = nullptr;
};
using Parameter = Declaration;
using Variable = Declaration;

// A read-only view of an SSM Automation runbook: parameters, variables, then steps in document
// order, with the steps inside aws:loop actions following their loop.
class Runbook {
 public:
  explicit Runbook(const Node& root);
  Runbook(const Runbook&) = delete;
  Runbook& operator=(const Runbook&) = delete;

  const Node& root() const { return root_; }
  const std::vector<Step>& steps() const { return steps_; }
  const std::vector<Parameter>& parameters() const { return parameters_; }
  const std::vector<Variable>& variables() const { return variables_; }

  // The first step of that name; nullptr when there is none.
  const Step* find_step(std::string_view name) const;
  const Parameter* find_parameter(std::string_view name) const;
  const Variable* find_variable(std::string_view name) const;
  // The index of `step` in steps().
  std::size_t index_of(const Step& step) const {
    return static_cast<std::size_t>(&step - steps_.data());
  }

 private:
  void add_steps(const Node& list, const Step* loop);

  const Node& root_;
  std::vector<Step> steps_;
  std::vector<Parameter> parameters_;
  std::vector<Variable> variables_;
  std::unordered_map<std::string_view, const Step*> steps_by_name_;
};

}  // namespace wflint::ssm
