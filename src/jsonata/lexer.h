#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wflint::jsonata {

enum class TokenType : uint8_t {
  kEnd,
  kOperator,  // value holds the operator: "+", "..", ":=", "and", ...
  kName,      // value holds the field name (backquotes removed)
  kVariable,  // value holds the name without "$"
  kString,    // value holds the decoded string
  kNumber,    // number holds the value
  kValue,     // value holds "true", "false" or "null"
  kRegex,     // value holds the pattern, flags the flags
};

struct Token {
  TokenType type = TokenType::kEnd;
  std::string value;
  std::string flags;
  double number = 0;
  uint32_t offset = 0;
  uint32_t length = 0;

  bool is(std::string_view op) const { return type == TokenType::kOperator && value == op; }
  uint32_t end() const { return offset + length; }
};

// Splits JSONata text into tokens the way jsonata-js does. Whether "/" starts a regular
// expression or is the division operator depends on the parser's state, so the parser says
// which it expects on each call. Throws SyntaxFailure on a malformed token.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token next(bool operator_expected);
  std::string_view text() const { return text_; }

 private:
  char at(size_t position) const { return position < text_.size() ? text_[position] : '\0'; }
  bool at_end() const { return position_ >= text_.size(); }
  void skip_whitespace_and_comments();
  Token make(TokenType type, size_t start, std::string value) const;
  Token scan_regex(size_t slash);
  Token scan_string();
  bool scan_number(Token& token);
  Token scan_quoted_name();
  Token scan_name();
  void check_number_end(size_t start) const;

  std::string_view text_;
  size_t position_ = 0;
};

bool is_jsonata_whitespace(char c);

}  // namespace wflint::jsonata
