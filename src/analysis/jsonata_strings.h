#pragma once

#include <string_view>
#include <vector>

#include "model/asl/state_machine.h"

namespace wflint::analysis {

// A string of a JSONata-mode state that is, or looks meant to be, a JSONata expression: it
// starts with "{%" or ends with "%}". Other strings are literals.
struct JsonataString {
  const Node* value;
  const asl::State* state;

  // Starts with "{%" and ends with "%}": Step Functions evaluates it.
  bool is_expression() const;
  // The text between the delimiters, and where it starts in the decoded string.
  std::string_view expression() const;
  static constexpr uint32_t kExpressionOffset = 2;
};

// Every such string of the machine's JSONata states, collected once per document. Fields that
// must be constants (Type, Resource, Next, Comment, ...) and the states of nested branches and
// item processors (visited as states of their own) are left out.
class JsonataStrings {
 public:
  explicit JsonataStrings(const asl::StateMachine& machine);

  const std::vector<JsonataString>& all() const { return strings_; }

 private:
  std::vector<JsonataString> strings_;
};

}  // namespace wflint::analysis
