#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "jsonata/ast.h"

namespace wflint::rules {

// A call of a function named by a variable, `$name(...)`, in one of its three forms: a call, a
// partial application `$name(?, 1)`, or the right side of a chain, `x ~> $name(a)` or
// `x ~> $name`, where x becomes the first argument.
struct FunctionCall {
  uint32_t procedure = 0;  // the kVariable node naming the function
  std::string_view name;   // without "$"
  uint32_t arguments = 0;  // as the function receives them: placeholders and a chained x count
};

// The calls of functions the expression does not define itself (by ":=" or as a parameter): the
// calls of the library's functions, or of functions that do not exist.
std::vector<FunctionCall> library_calls(const jsonata::Ast& ast);

}  // namespace wflint::rules
