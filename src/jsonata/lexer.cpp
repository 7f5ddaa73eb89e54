#include "jsonata/lexer.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <string_view>

#include "jsonata/js_regex.h"
#include "jsonata/syntax_error.h"
#include "support/utf8.h"

namespace wflint::jsonata {

namespace {

// Characters that are operators on their own, and so also end a name.
constexpr std::string_view kOperatorChars = ".[]{}(),@#;:?+-*/%|=<>^&!~";
constexpr std::string_view kTwoCharOperators[] = {"..", ":=", "!=", ">=", "<=", "**", "~>"};

bool is_operator_char(char c) {
  return c != '\0' && kOperatorChars.find(c) != std::string_view::npos;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

uint32_t to_u32(size_t value) {
  return static_cast<uint32_t>(value);
}

char simple_escape(char c) {
  switch (c) {
    case '"':
    case '\\':
    case '/':
      return c;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return '\0';
  }
}

uint32_t hex_value(std::string_view four_digits) {
  return static_cast<uint32_t>(std::strtoul(std::string(four_digits).c_str(), nullptr, 16));
}

}  // namespace

bool is_jsonata_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v';
}

Token Lexer::make(TokenType type, size_t start, std::string value) const {
  Token token;
  token.type = type;
  token.value = std::move(value);
  token.offset = to_u32(start);
  token.length = to_u32(position_ - start);
  return token;
}

void Lexer::skip_whitespace_and_comments() {
  for (;;) {
    while (!at_end() && is_jsonata_whitespace(text_[position_]))
      ++position_;
    if (at(position_) != '/' || at(position_ + 1) != '*') return;
    size_t close = text_.find("*/", position_ + 2);
    if (close == std::string_view::npos) {
      fail(to_u32(position_), 2, "unterminated comment: \"/*\" has no closing \"*/\"");
    }
    position_ = close + 2;
  }
}

Token Lexer::next(bool operator_expected) {
  skip_whitespace_and_comments();
  size_t start = position_;
  if (at_end()) return make(TokenType::kEnd, start, "");
  char c = text_[position_];
  if (!operator_expected && c == '/') return scan_regex(start);
  for (std::string_view op : kTwoCharOperators) {
    if (text_.substr(position_, 2) == op) {
      position_ += 2;
      return make(TokenType::kOperator, start, std::string(op));
    }
  }
  if (is_operator_char(c)) {
    ++position_;
    return make(TokenType::kOperator, start, std::string(1, c));
  }
  if (c == '"' || c == '\'') return scan_string();
  Token number;
  if (scan_number(number)) return number;
  if (c == '`') return scan_quoted_name();
  return scan_name();
}

// Like jsonata-js: the closing "/" is the first one outside brackets and not escaped.
Token Lexer::scan_regex(size_t slash) {
  size_t start = slash + 1;
  int depth = 0;
  for (size_t i = start; i < text_.size(); ++i) {
    char c = text_[i];
    bool escaped = text_[i - 1] == '\\';
    if (c == '/' && depth == 0) {
      size_t backslashes = 0;
      while (text_[i - 1 - backslashes] == '\\')
        ++backslashes;
      if (backslashes % 2 == 0) {
        if (i == start) {
          fail(to_u32(slash), 2,
               "empty regular expression \"//\": write a pattern between the slashes");
        }
        std::string pattern(text_.substr(start, i - start));
        position_ = i + 1;
        size_t flags_start = position_;
        while (at(position_) == 'i' || at(position_) == 'm') {
          if (text_.substr(flags_start, position_ - flags_start).find(text_[position_]) !=
              std::string_view::npos) {
            fail(to_u32(position_), 1,
                 fmt::format("the regular expression flag \"{}\" is repeated", text_[position_]));
          }
          ++position_;
        }
        if (auto problem = check_js_regex(pattern)) {
          fail(to_u32(start + problem->offset), 1,
               fmt::format("invalid regular expression: {}", problem->message));
        }
        Token token = make(TokenType::kRegex, slash, std::move(pattern));
        token.flags = std::string(text_.substr(flags_start, position_ - flags_start));
        return token;
      }
    }
    if ((c == '(' || c == '[' || c == '{') && !escaped) ++depth;
    if ((c == ')' || c == ']' || c == '}') && !escaped) --depth;
  }
  fail(to_u32(slash), 1,
       "unterminated regular expression: \"/\" starts a regular expression here and it has "
       "no closing \"/\"");
}

Token Lexer::scan_string() {
  size_t start = position_;
  char quote = text_[position_++];
  std::string value;
  while (!at_end()) {
    char c = text_[position_];
    if (c == quote) {
      ++position_;
      return make(TokenType::kString, start, std::move(value));
    }
    if (c != '\\') {
      value += c;
      ++position_;
      continue;
    }
    size_t backslash = position_++;
    char escape = at(position_);
    if (char decoded = simple_escape(escape); decoded != '\0') {
      value += decoded;
      ++position_;
    } else if (escape == 'u') {
      std::string_view digits = text_.substr(position_ + 1, 4);
      bool all_hex = !digits.empty();
      for (char d : digits)
        all_hex = all_hex && is_hex_digit(d);
      if (!all_hex) {
        fail(to_u32(backslash), 2, "\"\\u\" must be followed by 4 hexadecimal digits");
      }
      if (digits.size() < 4) break;  // the string ends inside the escape
      uint32_t code_unit = hex_value(digits);
      position_ += 5;
      // Combine a UTF-16 surrogate pair written as two escapes into one code point.
      if (code_unit >= 0xD800 && code_unit < 0xDC00 && at(position_) == '\\' &&
          at(position_ + 1) == 'u') {
        std::string_view low = text_.substr(position_ + 2, 4);
        bool low_hex = low.size() == 4;
        for (char d : low)
          low_hex = low_hex && is_hex_digit(d);
        uint32_t low_unit = low_hex ? hex_value(low) : 0;
        if (low_unit >= 0xDC00 && low_unit < 0xE000) {
          code_unit = 0x10000 + ((code_unit - 0xD800) << 10) + (low_unit - 0xDC00);
          position_ += 6;
        }
      }
      if (code_unit >= 0xD800 && code_unit < 0xE000) code_unit = 0xFFFD;
      utf8::append_code_point(value, static_cast<char32_t>(code_unit));
    } else if (escape == '\0' && at_end()) {
      break;
    } else {
      fail(to_u32(backslash), 2,
           fmt::format("unsupported escape sequence \"\\{}\" in a string literal; write \"\\\\\" "
                       "for a backslash",
                       escape));
    }
  }
  fail(to_u32(start), 1,
       fmt::format("unterminated string literal: add the closing {}", quote == '"' ? "\"" : "'"));
}

// The grammar of jsonata-js: (0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?
bool Lexer::scan_number(Token& token) {
  size_t start = position_;
  size_t i = position_;
  if (at(i) == '0') {
    ++i;
  } else if (is_digit(at(i))) {
    while (is_digit(at(i)))
      ++i;
  } else {
    return false;
  }
  if (at(i) == '.' && is_digit(at(i + 1))) {
    i += 2;
    while (is_digit(at(i)))
      ++i;
  }
  if (at(i) == 'e' || at(i) == 'E') {
    size_t exponent = i + 1;
    if (at(exponent) == '+' || at(exponent) == '-') ++exponent;
    if (is_digit(at(exponent))) {
      i = exponent;
      while (is_digit(at(i)))
        ++i;
    }
  }
  std::string literal(text_.substr(start, i - start));
  double value = std::strtod(literal.c_str(), nullptr);
  if (!std::isfinite(value)) {
    fail(to_u32(start), to_u32(i - start),
         fmt::format("the number {} is too large: numbers must be within about 1.8e308", literal));
  }
  position_ = i;
  check_number_end(start);
  token = make(TokenType::kNumber, start, std::move(literal));
  token.number = value;
  return true;
}

// "420." followed by nothing usable is a number with a missing fraction; jsonata-js would see
// the number 420 as a path step and reject it less clearly.
void Lexer::check_number_end(size_t start) const {
  if (at(position_) != '.') return;
  char after = at(position_ + 1);
  bool nothing_follows = position_ + 1 >= text_.size() || is_jsonata_whitespace(after) ||
                         std::string_view(")]},;").find(after) != std::string_view::npos;
  if (!nothing_follows) return;
  std::string_view literal = text_.substr(start, position_ + 1 - start);
  fail(to_u32(start), to_u32(literal.size()),
       fmt::format("\"{}\" is not a number: digits must follow the decimal point", literal));
}

Token Lexer::scan_quoted_name() {
  size_t start = position_;
  size_t close = text_.find('`', start + 1);
  if (close == std::string_view::npos) {
    fail(to_u32(start), 1, "unterminated quoted name: add the closing backquote (`)");
  }
  position_ = close + 1;
  return make(TokenType::kName, start, std::string(text_.substr(start + 1, close - start - 1)));
}

Token Lexer::scan_name() {
  size_t start = position_;
  while (!at_end() && !is_jsonata_whitespace(text_[position_]) &&
         !is_operator_char(text_[position_])) {
    ++position_;
  }
  std::string_view word = text_.substr(start, position_ - start);
  if (word.front() == '$') return make(TokenType::kVariable, start, std::string(word.substr(1)));
  if (word == "and" || word == "or" || word == "in") {
    return make(TokenType::kOperator, start, std::string(word));
  }
  if (word == "true" || word == "false" || word == "null") {
    return make(TokenType::kValue, start, std::string(word));
  }
  return make(TokenType::kName, start, std::string(word));
}

}  // namespace wflint::jsonata
