#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "load/node.h"
#include "model/asl/state_machine.h"

namespace wflint::rules {

// A reference to the task token, or to an object holding it, inside one string value.
struct TokenReference {
  const Node* value = nullptr;  // the string holding it
  uint32_t offset = 0;          // in the decoded string
  uint32_t length = 0;
  // Only the token itself ($$.Task.Token, $states.context.Task.Token), or the Task object;
  // false for the whole context ($$, $states.context, $states), which also passes the token.
  bool names_task = false;

  Span span() const { return value->text_span(offset, length); }
};

// Whether a value passes the task token on. Unknown when it cannot be decided: an expression
// that does not parse, a placeholder, a whole-value path other than the state input.
enum class TokenSearch : uint8_t { NotFound, Unknown, Found };

// The first reference to the task token, the Task object or the whole context in a JSONPath
// value (path or intrinsic call: `$$.Task.Token`, `States.Format('{}', $$.Task.Token)`).
std::optional<TokenReference> token_in_jsonpath_value(const Node& value);

// The same in a JSONata expression string ({% ... %}): `$states.context.Task.Token`,
// `$states.context`, `$states`.
std::optional<TokenReference> token_in_jsonata_value(const Node& value);

// Whether `payload` (a payload template of a JSONPath or JSONata state, or a member holding one
// whole value such as "Payload.$": "$") passes the task token on, at any depth.
TokenSearch search_task_token(const Node& payload, bool jsonata);

// How a Task state's Resource waits: the suffix .waitForTaskToken makes it a callback task,
// the only kind of state in which the task token exists.
struct CallbackResource {
  const Node* resource = nullptr;  // the Resource string
  uint32_t suffix_offset = 0;      // where ".waitForTaskToken" starts in it
  bool function_arn = false;       // a plain Lambda function ARN (which cannot wait: LMB001)

  Span suffix_span() const;
};

inline constexpr std::string_view kWaitForTaskToken = ".waitForTaskToken";

// The Resource of a Task state ending in .waitForTaskToken (any service; placeholders allowed
// around it); nullopt for other states and Resources.
std::optional<CallbackResource> callback_resource(const asl::State& state);

// Whether the state is known to run without a task token: not a Task, or a Task whose Resource
// is a plain string with the request-response pattern (no .waitForTaskToken, .sync or .sync:2
// suffix). False when it cannot be told (a CloudFormation intrinsic, a YAML tag, a placeholder
// at the end of the Resource).
bool known_without_token(const asl::State& state);

}  // namespace wflint::rules
