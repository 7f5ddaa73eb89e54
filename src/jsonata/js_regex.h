#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wflint::jsonata {

struct RegexProblem {
  uint32_t offset;  // in the pattern
  std::string message;
};

// Checks the syntax of a JavaScript regular expression pattern (without the slashes and in the
// lenient non-Unicode mode jsonata-js compiles it with). Covers the mistakes that JavaScript
// rejects: unbalanced parentheses, unterminated classes, quantifiers with nothing to repeat,
// misordered ranges and malformed groups.
std::optional<RegexProblem> check_js_regex(std::string_view pattern);

}  // namespace wflint::jsonata
