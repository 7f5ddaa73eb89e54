#include "model/ssm/actions.h"

#include <algorithm>
#include <array>

namespace wflint::ssm {

namespace {

using Names = std::span<const std::string_view>;

// Built-in outputs, from each action's page in the Automation actions reference.
constexpr std::array<std::string_view, 2> kApproveOutputs = {"ApprovalStatus", "ApproverDecisions"};
constexpr std::array<std::string_view, 2> kImageOutputs = {"ImageId", "ImageState"};
constexpr std::array<std::string_view, 3> kCreateStackOutputs = {"StackId", "StackStatus",
                                                                 "StackStatusReason"};
constexpr std::array<std::string_view, 3> kExecuteAutomationOutputs = {"Output", "ExecutionId",
                                                                       "Status"};
constexpr std::array<std::string_view, 1> kExecuteScriptOutputs = {"OutputPayload"};
constexpr std::array<std::string_view, 8> kExecuteStateMachineOutputs = {
    "executionArn", "input",           "name",   "output",
    "startDate",    "stateMachineArn", "status", "stopDate"};
constexpr std::array<std::string_view, 4> kInvokeLambdaOutputs = {"StatusCode", "FunctionError",
                                                                  "LogResult", "Payload"};
constexpr std::array<std::string_view, 2> kInvokeWebhookOutputs = {"Response", "ResponseCode"};
constexpr std::array<std::string_view, 2> kLoopOutputs = {"CurrentIteration",
                                                          "CurrentIteratorValue"};
constexpr std::array<std::string_view, 4> kRunCommandOutputs = {"CommandId", "Status",
                                                                "ResponseCode", "Output"};
constexpr std::array<std::string_view, 2> kRunInstancesOutputs = {"InstanceIds", "InstanceStates"};

// onCancel cannot move to the actions marked false (the "Properties shared by all actions" page).
constexpr std::array<ActionInfo, 23> kActions = {{
    {"aws:approve", kApproveOutputs, false},
    {"aws:assertAwsResourceProperty", {}, true},
    {"aws:branch", {}, true},
    {"aws:changeInstanceState", {}, true},
    {"aws:copyImage", kImageOutputs, false},
    {"aws:createImage", kImageOutputs, false},
    {"aws:createStack", kCreateStackOutputs, false},
    {"aws:createTags", {}, false},
    {"aws:deleteImage", {}, true},
    {"aws:deleteStack", {}, true},
    {"aws:executeAutomation", kExecuteAutomationOutputs, true},
    {"aws:executeAwsApi", {}, true},
    {"aws:executeScript", kExecuteScriptOutputs, true},
    {"aws:executeStateMachine", kExecuteStateMachineOutputs, true},
    {"aws:invokeLambdaFunction", kInvokeLambdaOutputs, true},
    {"aws:invokeWebhook", kInvokeWebhookOutputs, true},
    {"aws:loop", kLoopOutputs, true},
    {"aws:pause", {}, false},
    {"aws:runCommand", kRunCommandOutputs, true},
    {"aws:runInstances", kRunInstancesOutputs, false},
    {"aws:sleep", {}, false},
    {"aws:updateVariable", {}, true},
    {"aws:waitForAwsResourceProperty", {}, true},
}};

constexpr std::array<std::string_view, kActions.size()> action_names() {
  std::array<std::string_view, kActions.size()> names{};
  for (std::size_t i = 0; i < kActions.size(); ++i)
    names[i] = kActions[i].name;
  return names;
}

constexpr std::array<std::string_view, kActions.size()> kActionNames = action_names();

constexpr std::array<std::string_view, 3> kUndocumentedAwsActions = {
    "aws:putServerUpgradeMetrics",
    "aws:shareSQLMedia",
    "aws:installDistributorPackageOnAzure",
};

}  // namespace

std::span<const ActionInfo> documented_actions() {
  return kActions;
}

std::span<const std::string_view> documented_action_names() {
  return kActionNames;
}

const ActionInfo* find_action(std::string_view name) {
  const auto* it = std::lower_bound(
      kActions.begin(), kActions.end(), name,
      [](const ActionInfo& action, std::string_view wanted) { return action.name < wanted; });
  return it != kActions.end() && it->name == name ? it : nullptr;
}

bool is_undocumented_aws_action(std::string_view name) {
  return std::find(kUndocumentedAwsActions.begin(), kUndocumentedAwsActions.end(), name) !=
         kUndocumentedAwsActions.end();
}

}  // namespace wflint::ssm
