#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/path_fields.h"
#include "lang/resource.h"
#include "model/asl/state_machine.h"

namespace wflint::analysis {

// How a Task state calls Lambda.
enum class LambdaCallKind : uint8_t {
  OptimizedInvoke,   // arn:aws:states:::lambda:invoke (result: the Invoke envelope)
  CallbackInvoke,    // arn:aws:states:::lambda:invoke.waitForTaskToken (result: SendTaskSuccess)
  OtherIntegration,  // another lambda API or suffix (lambda:invoke.sync, lambda:foo): unsupported
  FunctionArn,       // arn:aws:lambda:REGION:ACCOUNT:function:NAME (result: the function's output)
};

// One Task state that calls Lambda.
struct LambdaCall {
  const asl::State* state = nullptr;
  LambdaCallKind kind = LambdaCallKind::OptimizedInvoke;
  const Node* resource = nullptr;  // the Resource string
  // The parsed Resource; for one with ${...} placeholders only `suffix`, `pattern` and `name` are
  // filled in, from the text around the placeholders.
  lang::TaskResource parsed;
  bool resource_has_placeholder = false;  // the Resource holds a ${...} placeholder
  // Parameters (JSONPath) or Arguments (JSONata): the Invoke request for the optimized
  // integration, the event itself for a function ARN. nullptr when absent; may be a JSONata
  // string rather than an object.
  const Node* arguments = nullptr;

  bool jsonata() const { return state->jsonata; }
  bool is_invoke() const {
    return kind == LambdaCallKind::OptimizedInvoke || kind == LambdaCallKind::CallbackInvoke;
  }
  // Member `name` of the arguments object, or in JSONPath mode `name.$`; nullptr when absent.
  const Node* parameter(std::string_view name) const;
  // The parameter's value when it is a constant string: not a `.$` path, not a JSONata
  // expression, no ${...} placeholder.
  std::optional<std::string_view> literal_string(std::string_view name) const;
};

// Every Lambda call of the machine, in document order of the states, collected once per
// document. Task states whose Resource is a CloudFormation intrinsic, a YAML tag or nothing but
// a placeholder are left out: what they call is not known.
class LambdaCalls {
 public:
  explicit LambdaCalls(const asl::StateMachine& machine);

  const std::vector<LambdaCall>& all() const { return calls_; }
  // The call `state` makes, or nullptr.
  const LambdaCall* of(const asl::State& state) const;

 private:
  std::vector<LambdaCall> calls_;
  std::unordered_map<const asl::State*, std::size_t> index_;
};

}  // namespace wflint::analysis
