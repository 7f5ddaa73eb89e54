#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "jsonata/ast.h"
#include "jsonata/syntax_error.h"

namespace wflint::jsonata {

struct ParseResult {
  std::optional<Ast> ast;            // set when parsing succeeded
  std::optional<SyntaxError> error;  // set when it failed (first error only)
};

// Parses a JSONata 2.0 expression (the text between {% and %}, already decoded from JSON or
// YAML), accepting and rejecting exactly what jsonata-js 2.0 accepts and rejects.
ParseResult parse(std::string_view expression);

// Nesting deeper than this is rejected rather than risking the stack.
inline constexpr int kMaxNestingDepth = 256;
inline constexpr uint32_t kMaxTreeHeight = 1024;

}  // namespace wflint::jsonata
