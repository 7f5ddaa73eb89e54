#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "load/node.h"
#include "model/ssm/runbook.h"

namespace wflint::rules::ssm_invoke {

inline constexpr std::string_view kInvokeAction = "aws:invokeLambdaFunction";

// The seven inputs aws:invokeLambdaFunction takes.
inline constexpr std::array<std::string_view, 7> kInputNames = {
    "FunctionName",  "Qualifier", "InvocationType", "LogType",
    "ClientContext", "Payload",   "InputPayload"};

// The inputs object of an aws:invokeLambdaFunction step; nullptr for other steps and for inputs
// that are not an object.
const Node* invoke_inputs(const ssm::Step& step);

// True when `text` holds a `{{ }}` reference or a `${ }` template placeholder: its value is only
// known at run (or deploy) time.
bool has_placeholder(std::string_view text);

// The value of input `name` when it is a plain string known before run time: not a reference,
// not a template placeholder, not a YAML tag such as !Ref.
std::optional<std::string_view> literal_string(const Node& inputs, std::string_view name);

}  // namespace wflint::rules::ssm_invoke
