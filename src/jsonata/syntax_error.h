#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace wflint::jsonata {

struct SyntaxError {
  uint32_t offset = 0;  // byte offset in the expression text where the problem is
  uint32_t length = 0;  // bytes to underline (at least 1 unless at end of text, then 0)
  std::string message;  // what is wrong and, when clear, what to do
};

// Thrown inside the parser to abandon it at the first error; parse() turns it into a result.
class SyntaxFailure : public std::exception {
 public:
  explicit SyntaxFailure(SyntaxError error) : error_(std::move(error)) {}
  const SyntaxError& error() const { return error_; }
  const char* what() const noexcept override { return error_.message.c_str(); }

 private:
  SyntaxError error_;
};

[[noreturn]] inline void fail(uint32_t offset, uint32_t length, std::string message) {
  throw SyntaxFailure(SyntaxError{offset, length, std::move(message)});
}

// "column 5", or "line 2, column 3" when the text has several lines.
std::string describe_position(std::string_view text, uint32_t offset);

// The token text quoted for a message, shortened when long.
std::string quote_token(std::string_view token);

}  // namespace wflint::jsonata
