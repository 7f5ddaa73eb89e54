#pragma once

#include <span>
#include <string_view>

namespace wflint::ssm {

// What wflint knows of a documented SSM Automation action.
struct ActionInfo {
  std::string_view name;                      // "aws:invokeLambdaFunction"
  std::span<const std::string_view> outputs;  // the outputs every step of it has, undeclared
  bool may_be_cancel_target = true;           // onCancel may move to a step of this action
};

// The documented actions, sorted by name.
std::span<const ActionInfo> documented_actions();
// The names of the documented actions, in the same order.
std::span<const std::string_view> documented_action_names();
const ActionInfo* find_action(std::string_view name);
// Used by AWS's own published runbooks but absent from the documentation.
bool is_undocumented_aws_action(std::string_view name);

}  // namespace wflint::ssm
