#pragma once

#include <string_view>
#include <vector>

#include "load/node.h"

namespace wflint::ssm {

struct Step {
  std::string_view name;
  const Node* node = nullptr;       // the step's object
  const Node* name_node = nullptr;  // its "name" value, when it is a string
  std::string_view action;
  const Step* loop = nullptr;  // the aws:loop step this step runs inside, if any
};

struct Parameter {
  std::string_view name;
  const Node* node = nullptr;  // the parameter's definition (its key span is the name)
};

// A read-only view of an SSM Automation runbook: parameters, then steps in document order, with
// the steps inside aws:loop actions following their loop.
class Runbook {
 public:
  explicit Runbook(const Node& root);
  Runbook(const Runbook&) = delete;
  Runbook& operator=(const Runbook&) = delete;

  const Node& root() const { return root_; }
  const std::vector<Step>& steps() const { return steps_; }
  const std::vector<Parameter>& parameters() const { return parameters_; }

 private:
  void add_steps(const Node& list, const Step* loop);

  const Node& root_;
  std::vector<Step> steps_;
  std::vector<Parameter> parameters_;
};

}  // namespace wflint::ssm
