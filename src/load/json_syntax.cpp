#include "load/json_syntax.h"

#include <fmt/format.h>

#include <vector>

namespace wflint {

std::string message_about(std::string message, std::string_view what) {
  for (std::string_view file : {"end of the file", "end of file"}) {
    if (const std::size_t at = message.find(file); at != std::string::npos) {
      message.replace(at, file.size(), "end of the " + std::string(what));
    }
  }
  return message;
}

bool is_json_number(std::string_view token) {
  std::size_t i = 0, n = token.size();
  auto digit = [&](std::size_t k) { return k < n && token[k] >= '0' && token[k] <= '9'; };
  if (i < n && token[i] == '-') ++i;
  if (!digit(i)) return false;
  if (token[i] == '0') {
    ++i;
  } else {
    while (digit(i))
      ++i;
  }
  if (i < n && token[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i))
      ++i;
  }
  if (i < n && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < n && (token[i] == '+' || token[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i))
      ++i;
  }
  return i == n;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '+' || c == '-';
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string describe_char(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u == 0x7F) return fmt::format("U+{:04X}", u);
  return fmt::format("'{}'", c);
}

class Scanner {
 public:
  Scanner(std::string_view text, std::size_t start) : text_(text), pos_(start) {}

  std::optional<JsonSyntaxError> run();

 private:
  enum class Expect { Value, Key, Colon, CommaOrEnd };
  struct Open {
    char bracket;
    std::size_t offset;
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  // Skips white space; reports comments, which JSON does not allow.
  bool skip_space();
  bool scan_string();
  bool scan_number();
  bool scan_literal();
  bool expect_value();
  bool expect_key();
  bool expect_comma_or_end();
  bool fail(std::size_t offset, std::string message, std::string help = {}, std::size_t length = 1);
  std::string unclosed_message() const;

  std::string_view text_;
  std::size_t pos_;
  std::vector<Open> open_;
  std::optional<std::size_t> last_comma_;
  Expect expect_ = Expect::Value;
  std::optional<JsonSyntaxError> error_;
};

bool Scanner::fail(std::size_t offset, std::string message, std::string help, std::size_t length) {
  error_ = JsonSyntaxError{offset, length, std::move(message), std::move(help)};
  return false;
}

bool Scanner::skip_space() {
  while (!at_end()) {
    char c = peek();
    if (is_space(c)) {
      ++pos_;
    } else if (c == '/' && pos_ + 1 < text_.size() &&
               (text_[pos_ + 1] == '/' || text_[pos_ + 1] == '*')) {
      return fail(pos_, "comments are not allowed in JSON",
                  "remove the comment, or write the file as YAML, which allows '#' comments", 2);
    } else {
      break;
    }
  }
  return true;
}

bool Scanner::scan_string() {
  const std::size_t open = pos_++;
  while (!at_end()) {
    char c = peek();
    auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c == '\n' || c == '\r') {
      return fail(open, "string is not closed before the end of the line",
                  "add the closing '\"'; a line break inside a string is written \\n");
    }
    if (u < 0x20) {
      return fail(pos_,
                  fmt::format("control character {} must be escaped in a string", describe_char(c)),
                  c == '\t' ? "write \\t instead of a literal tab" : "");
    }
    if (c == '\\') {
      if (pos_ + 1 >= text_.size()) break;
      char e = text_[pos_ + 1];
      if (e == 'u') {
        for (std::size_t k = 2; k < 6; ++k) {
          if (pos_ + k >= text_.size() || !is_hex(text_[pos_ + k])) {
            return fail(pos_, "\\u must be followed by four hexadecimal digits", "", 2);
          }
        }
        pos_ += 6;
        continue;
      }
      if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return fail(pos_, fmt::format("invalid escape sequence '\\{}' in string", e),
                    "JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a "
                    "backslash as \\\\",
                    2);
      }
      pos_ += 2;
      continue;
    }
    ++pos_;
  }
  return fail(open, "string is not closed before the end of the file", "add the closing '\"'");
}

bool Scanner::scan_number() {
  const std::size_t begin = pos_;
  while (!at_end() && is_word_char(peek()))
    ++pos_;
  std::string_view token = text_.substr(begin, pos_ - begin);
  if (is_json_number(token)) return true;
  std::string help;
  if (token.size() > 1 && token[0] == '0' && token[1] >= '0' && token[1] <= '9') {
    help = "JSON numbers cannot have leading zeros; quote the value if it is an identifier";
  } else if (!token.empty() && token.back() == '.') {
    help = "write at least one digit after the decimal point";
  }
  return fail(begin, fmt::format("invalid number '{}'", token), help, token.size());
}

bool Scanner::scan_literal() {
  const std::size_t begin = pos_;
  while (!at_end() && is_word_char(peek()))
    ++pos_;
  std::string_view word = text_.substr(begin, pos_ - begin);
  if (word == "true" || word == "false" || word == "null") return true;
  std::string help = "a value is true, false, null, a number, a \"string\", an object or an array";
  if (word == "True" || word == "False" || word == "None" || word == "NULL" || word == "Null" ||
      word == "TRUE" || word == "FALSE") {
    help = "JSON literals are lowercase: true, false, null";
  } else if (word == "NaN" || word == "Infinity") {
    help = "JSON has no NaN or Infinity";
  }
  return fail(begin, fmt::format("unknown value '{}'", word), help, word.size());
}

std::string Scanner::unclosed_message() const {
  const Open& open = open_.back();
  return open.bracket == '{' ? "object is not closed: expected '}'"
                             : "array is not closed: expected ']'";
}

bool Scanner::expect_value() {
  if (!skip_space()) return false;
  if (at_end()) {
    if (open_.empty()) {
      return fail(pos_, "the file is empty: expected a JSON value", "", 0);
    }
    return fail(pos_, "unexpected end of file: expected a value", "", 0);
  }
  char c = peek();
  switch (c) {
    case '{':
    case '[':
      open_.push_back(Open{c, pos_});
      ++pos_;
      if (!skip_space()) return false;
      if (!at_end() && peek() == (c == '{' ? '}' : ']')) {
        ++pos_;
        open_.pop_back();
        expect_ = Expect::CommaOrEnd;
      } else {
        expect_ = c == '{' ? Expect::Key : Expect::Value;
        last_comma_.reset();
      }
      return true;
    case '"':
      expect_ = Expect::CommaOrEnd;
      return scan_string();
    case '}':
    case ']':
      if (last_comma_) {
        return fail(*last_comma_, "trailing comma is not allowed in JSON", "remove this comma");
      }
      return fail(pos_, fmt::format("unexpected '{}': expected a value", c));
    case '\'':
      return fail(pos_, "strings must be in double quotes", "replace ' with \"");
    case '$':
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '{') {
        return fail(pos_, "template placeholder outside a string",
                    "JSON cannot hold a bare ${...}; quote it (\"${Name}\") or substitute it "
                    "before checking",
                    2);
      }
      break;
    default:
      if (c == '-' || (c >= '0' && c <= '9')) {
        expect_ = Expect::CommaOrEnd;
        return scan_number();
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        expect_ = Expect::CommaOrEnd;
        return scan_literal();
      }
  }
  return fail(pos_, fmt::format("unexpected {}: expected a value", describe_char(c)));
}

bool Scanner::expect_key() {
  if (!skip_space()) return false;
  if (at_end()) return fail(pos_, "unexpected end of file: expected a key in double quotes", "", 0);
  char c = peek();
  if (c == '"') {
    if (!scan_string()) return false;
    expect_ = Expect::Colon;
    return true;
  }
  if (c == '}' && last_comma_) {
    return fail(*last_comma_, "trailing comma is not allowed in JSON", "remove this comma");
  }
  if (c == '\'') return fail(pos_, "object keys must be in double quotes", "replace ' with \"");
  if (is_word_char(c) || c == '$') {
    return fail(pos_, "object keys must be in double quotes", "write the key as \"key\"");
  }
  return fail(pos_,
              fmt::format("unexpected {}: expected a key in double quotes", describe_char(c)));
}

bool Scanner::expect_comma_or_end() {
  if (!skip_space()) return false;
  if (open_.empty()) {
    if (at_end()) return true;
    return fail(pos_, "unexpected content after the end of the JSON document",
                "a JSON file holds exactly one value");
  }
  if (at_end()) return fail(open_.back().offset, unclosed_message());
  const char close = open_.back().bracket == '{' ? '}' : ']';
  char c = peek();
  if (c == ',') {
    last_comma_ = pos_++;
    expect_ = open_.back().bracket == '{' ? Expect::Key : Expect::Value;
    return true;
  }
  if (c == close) {
    ++pos_;
    open_.pop_back();
    last_comma_.reset();
    return true;
  }
  if (open_.back().bracket == '{') {
    if (c == '"') return fail(pos_, "missing ',' between object members");
    return fail(pos_, fmt::format("unexpected {}: expected ',' or '}}'", describe_char(c)));
  }
  if (c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') ||
      (c >= 'a' && c <= 'z')) {
    return fail(pos_, "missing ',' between array elements");
  }
  return fail(pos_, fmt::format("unexpected {}: expected ',' or ']'", describe_char(c)));
}

std::optional<JsonSyntaxError> Scanner::run() {
  bool ok = true;
  expect_ = Expect::Value;
  while (ok) {
    switch (expect_) {
      case Expect::Value:
        ok = expect_value();
        break;
      case Expect::Key:
        ok = expect_key();
        break;
      case Expect::Colon:
        if (!skip_space()) return error_;
        if (at_end()) return JsonSyntaxError{pos_, 0, "unexpected end of file: expected ':'", ""};
        if (peek() != ':') {
          return JsonSyntaxError{pos_, 1, "expected ':' after the object key", ""};
        }
        ++pos_;
        expect_ = Expect::Value;
        break;
      case Expect::CommaOrEnd:
        ok = expect_comma_or_end();
        if (ok && open_.empty() && at_end()) return std::nullopt;
        break;
    }
  }
  return error_;
}

}  // namespace

std::optional<JsonSyntaxError> find_json_syntax_error(std::string_view text, std::size_t start) {
  return Scanner(text, start).run();
}

}  // namespace wflint
