#include "model/azure/pipeline.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace wflint::azure {

namespace {

constexpr std::string_view kTaskName = "LambdaInvokeFunction";
// The task's id (its task.json): a step may name a task by id instead of by name.
constexpr std::string_view kTaskId = "c9e49f96-6c7d-4420-97f1-5e0dfd816354";

// Where a deployment job's strategy holds steps: strategy.<strategy>.<hook>.steps, and
// strategy.<strategy>.on.<outcome>.steps.
constexpr std::array<std::string_view, 3> kDeploymentStrategies = {"runOnce", "rolling", "canary"};
constexpr std::array<std::string_view, 4> kLifecycleHooks = {"preDeploy", "deploy", "routeTraffic",
                                                             "postRouteTraffic"};
constexpr std::array<std::string_view, 2> kOutcomeHooks = {"failure", "success"};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// LambdaInvokeFunction by its name or id, or by a fully qualified name
// (publisher.extension.contribution.LambdaInvokeFunction) that tells it from another
// extension's task of the same name.
bool names_lambda_invoke_task(std::string_view name) {
  if (equal_ignoring_case(name, kTaskName) || equal_ignoring_case(name, kTaskId)) return true;
  const std::size_t dot = name.rfind('.');
  return dot != std::string_view::npos && equal_ignoring_case(name.substr(dot + 1), kTaskName);
}

const Node* list_member(const Node& node, std::string_view key) {
  const Node* member = node.is_object() ? node.find(key) : nullptr;
  return member && member->is_array() ? member : nullptr;
}

const Node* mapping_member(const Node& node, std::string_view key) {
  const Node* member = node.is_object() ? node.find(key) : nullptr;
  return member && member->is_object() ? member : nullptr;
}

// The step as a LambdaInvokeFunction task; a TaskStep without `task` for any other step.
TaskStep read_task_step(const Node& step) {
  TaskStep out;
  const Node* task = step.is_object() ? step.find("task") : nullptr;
  if (!task || !task->is_string()) return out;
  const std::string_view reference = task->text();
  const std::size_t at = reference.find('@');
  const std::string_view name = reference.substr(0, at);
  if (!names_lambda_invoke_task(name)) return out;
  out.step = &step;
  out.task = task;
  out.name = name;
  if (at != std::string_view::npos) {
    const std::string_view version = reference.substr(at + 1);
    out.major_version = version.substr(0, version.find('.'));
  }
  out.inputs = mapping_member(step, "inputs");
  return out;
}

}  // namespace

const Node* TaskStep::input(std::string_view input_name) const {
  if (!inputs) return nullptr;
  const Node* found = nullptr;
  for (const Node& member : inputs->children()) {
    if (same_input_name(member.key(), input_name)) found = &member;
  }
  return found;
}

bool same_input_name(std::string_view a, std::string_view b) {
  return equal_ignoring_case(a, b);
}

bool holds_pipeline_expression(std::string_view text) {
  return text.find("$(") != std::string_view::npos || text.find("${{") != std::string_view::npos ||
         text.find("$[") != std::string_view::npos;
}

Pipeline::Pipeline(const Node& root) {
  add_steps(list_member(root, "steps"));
  add_jobs(list_member(root, "jobs"));
  if (const Node* stages = list_member(root, "stages")) {
    for (const Node& stage : stages->children())
      add_jobs(list_member(stage, "jobs"));
  }
}

void Pipeline::add_steps(const Node* steps) {
  if (!steps) return;
  for (const Node& step : steps->children()) {
    TaskStep task_step = read_task_step(step);
    if (task_step.task) lambda_invocations_.push_back(task_step);
  }
}

void Pipeline::add_jobs(const Node* jobs) {
  if (!jobs) return;
  for (const Node& job : jobs->children())
    add_job(job);
}

void Pipeline::add_job(const Node& job) {
  add_steps(list_member(job, "steps"));
  if (const Node* strategy = mapping_member(job, "strategy")) add_deployment_hooks(*strategy);
}

void Pipeline::add_deployment_hooks(const Node& strategy) {
  for (std::string_view name : kDeploymentStrategies) {
    const Node* hooks = mapping_member(strategy, name);
    if (!hooks) continue;
    for (std::string_view hook : kLifecycleHooks) {
      if (const Node* lifecycle_hook = mapping_member(*hooks, hook))
        add_steps(list_member(*lifecycle_hook, "steps"));
    }
    const Node* outcomes = mapping_member(*hooks, "on");
    if (!outcomes) continue;
    for (std::string_view outcome : kOutcomeHooks) {
      if (const Node* outcome_hook = mapping_member(*outcomes, outcome))
        add_steps(list_member(*outcome_hook, "steps"));
    }
  }
}

}  // namespace wflint::azure
