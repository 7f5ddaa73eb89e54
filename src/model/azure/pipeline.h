#pragma once

#include <string_view>
#include <vector>

#include "load/node.h"

namespace wflint::azure {

// One `- task: LambdaInvokeFunction@1` step (the AWS Toolkit for Azure DevOps task).
struct TaskStep {
  const Node* step = nullptr;      // the step mapping
  const Node* task = nullptr;      // the value of its `task` member
  std::string_view name;           // the task's name as written, before the '@'
  std::string_view major_version;  // "1" in LambdaInvokeFunction@1; empty when none is written
  const Node* inputs = nullptr;    // the `inputs` mapping; nullptr when absent or not a mapping

  // The input `input_name`, its key matched ignoring case as Azure Pipelines does; nullptr when
  // the step does not set it.
  const Node* input(std::string_view input_name) const;
};

// True when `a` and `b` name the same task input: Azure Pipelines compares them ignoring case.
bool same_input_name(std::string_view a, std::string_view b);

// True when `text` holds a pipeline expression: a macro `$(var)`, a template expression
// `${{ ... }}` or a runtime expression `$[ ... ]`. Such a value is only known when the pipeline
// runs.
bool holds_pipeline_expression(std::string_view text);

// A read-only view of an Azure Pipelines YAML pipeline: its LambdaInvokeFunction steps, wherever
// the pipeline may hold steps (the pipeline's own steps, its jobs', its stages' jobs', and the
// lifecycle hooks of deployment jobs). Steps of templates are not followed.
class Pipeline {
 public:
  explicit Pipeline(const Node& root);
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  const std::vector<TaskStep>& lambda_invocations() const { return lambda_invocations_; }

 private:
  void add_steps(const Node* steps);
  void add_jobs(const Node* jobs);
  void add_job(const Node& job);
  void add_deployment_hooks(const Node& strategy);

  std::vector<TaskStep> lambda_invocations_;
};

}  // namespace wflint::azure
