#pragma once

#include <vector>

#include "lang/ssm_reference.h"
#include "load/node.h"
#include "model/ssm/runbook.h"

namespace wflint::analysis {

// Where a reference is written, which decides what it may name.
enum class ReferenceSite {
  Step,              // a step's inputs or fields: resolved when the step runs
  ParameterDefault,  // a parameter's default: resolved before any step runs
  VariableDefault,   // a variable's default
  AssumeRole,        // the runbook's assumeRole
  RunbookOutputs,    // an entry of the runbook's outputs, written "Step.Output" without braces
};

struct RunbookReference {
  lang::SsmReference reference;  // offsets are into `string`'s text
  const Node* string = nullptr;
  ReferenceSite site = ReferenceSite::Step;
  const ssm::Step* step = nullptr;            // site Step: the step that resolves it
  const ssm::Parameter* parameter = nullptr;  // site ParameterDefault: whose default it is
};

// Every `{{ }}` reference in a runbook, in document order, with where it is written. Step
// descriptions and aws:executeScript Script bodies are not read: SSM does not substitute in
// descriptions, and "{{" in a script is usually the script language's own (a Python f-string).
class RunbookReferences {
 public:
  explicit RunbookReferences(const ssm::Runbook& runbook);
  const std::vector<RunbookReference>& all() const { return references_; }

 private:
  void add_strings(const Node& node, ReferenceSite site, const ssm::Step* step,
                   const ssm::Parameter* parameter);
  void add_step(const ssm::Step& step);
  void add_step_inputs(const Node& inputs, const ssm::Step& step);
  void add_runbook_outputs(const Node& outputs);

  std::vector<RunbookReference> references_;
};

}  // namespace wflint::analysis
