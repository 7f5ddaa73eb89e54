#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "analysis/lambda_calls.h"
#include "lang/lang_error.h"
#include "lang/resource.h"
#include "load/node.h"
#include "rules/rule.h"

// What the Invoke-request rules (LMB001, LMB003, LMB009 to LMB014, LMB018, LMB020) share: the
// Lambda call of a state, the members of its Invoke request, which of their values are known
// before the execution runs, and the parse of a FunctionName.
namespace wflint::rules::lmb {

// The parameters of lambda:invoke (the Lambda Invoke API request).
inline constexpr std::array<std::string_view, 6> kInvokeParameters{
    "FunctionName", "Payload", "InvocationType", "LogType", "ClientContext", "Qualifier"};

// The Lambda call `state` makes, or nullptr.
const analysis::LambdaCall* lambda_call_of(const CheckContext& ctx, const asl::State& state);

// The call when `state` is an optimized invoke (plain or callback) whose Parameters (Arguments in
// JSONata mode) is an object; nullptr otherwise, as when the request is built at run time.
const analysis::LambdaCall* invoke_request_of(const CheckContext& ctx, const asl::State& state);

// "Parameters" or "Arguments", as the call's query language names its request.
std::string_view request_field_name(const analysis::LambdaCall& call);

// True when a deployment tool or the execution decides `value`: a JSONata expression, a ${...}
// placeholder, a YAML tag such as !Ref, or a CloudFormation intrinsic ({"Fn::GetAtt": ...}).
bool is_filled_in_later(const Node& value);

// The member `name` of the request when its value is known now: written without ".$" and not
// filled in later. nullptr when absent or unknown.
const Node* known_parameter(const analysis::LambdaCall& call, std::string_view name);

// The value of `name` when it is a known string.
std::optional<std::string_view> known_string(const analysis::LambdaCall& call,
                                             std::string_view name);

// A FunctionName value, parsed: NAME[:QUALIFIER], ACCOUNT:function:NAME[:QUALIFIER],
// REGION:ACCOUNT:function:NAME[:QUALIFIER] or a function ARN. Segments point into the text.
struct FunctionNameRef {
  lang::Segment name;
  lang::Segment qualifier;  // empty when the value names no version or alias
  std::optional<lang::LangError> error;
  // Holds the placeholder of some other template tool ({{Name}}, {REGION}, <account>,
  // ACCOUNT_ID): what Lambda gets is not known.
  bool placeholder = false;
};

FunctionNameRef parse_function_name(std::string_view text);

// What is wrong with a version or alias name ("1", "prod", "$LATEST"), if anything.
std::optional<lang::LangError> check_qualifier(const lang::Segment& qualifier);

}  // namespace wflint::rules::lmb
