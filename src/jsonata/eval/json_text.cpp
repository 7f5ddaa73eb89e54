#include "jsonata/eval/json_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "jsonata/eval/functions.h"
#include "support/text.h"
#include "support/utf8.h"

namespace wflint::jsonata {
namespace {

// Shortest round-trip decimal digits of |n| and the decimal exponent e, meaning
// n = 0.d1d2...dk * 10^e.
struct Digits {
  std::string digits;
  int exponent = 0;
};

Digits shortest_digits(double n) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(n), std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  const size_t e = text.find('e');
  Digits out;
  for (const char c : text.substr(0, e)) {
    if (c != '.') out.digits.push_back(c);
  }
  out.exponent = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  while (out.digits.size() > 1 && out.digits.back() == '0')
    out.digits.pop_back();
  return out;
}

// Rounds |n| to 15 significant digits, halves away from zero (Number.prototype.toPrecision).
double to_precision_15(double n) {
  if (n == 0 || !std::isfinite(n)) return n;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%.40e", std::fabs(n));
  std::string text(buffer);
  const size_t e = text.find('e');
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits.push_back(text[i]);
  }
  int exponent = std::atoi(text.c_str() + e + 1);
  std::string kept = digits.substr(0, 15);
  if (digits[15] >= '5') {
    int i = 14;
    while (i >= 0 && kept[static_cast<size_t>(i)] == '9') {
      kept[static_cast<size_t>(i)] = '0';
      --i;
    }
    if (i < 0) {
      kept.insert(kept.begin(), '1');
      kept.pop_back();
      ++exponent;
    } else {
      ++kept[static_cast<size_t>(i)];
    }
  }
  const std::string rounded = kept + "e" + std::to_string(exponent - 14);
  const double magnitude = std::strtod(rounded.c_str(), nullptr);
  return n < 0 ? -magnitude : magnitude;
}

// JSON text of a value: as $string writes it (numbers rounded to 15 digits, functions as ""),
// or as plain JSON.stringify does for messages (functions left out like undefined).
struct Writer {
  bool pretty;
  bool round_numbers;
  bool drop_functions;
  std::string out;

  bool dropped(const Value& value) const {
    return value.is_undefined() || (drop_functions && value.is_function());
  }

  void newline(int depth) {
    if (!pretty) return;
    out.push_back('\n');
    out.append(static_cast<size_t>(depth) * 2, ' ');
  }

  void write_number(double n) {
    if (!std::isfinite(n)) {
      out += "null";
      return;
    }
    out += format_number(round_numbers ? to_precision_15(n) : n);
  }

  void write_array(const Array& array, int depth) {
    if (array.items.empty()) {
      out += "[]";
      return;
    }
    out.push_back('[');
    bool first = true;
    for (const Value& item : array.items) {
      if (!first) out.push_back(',');
      first = false;
      newline(depth + 1);
      if (dropped(item)) {
        out += "null";
      } else {
        write(item, depth + 1);
      }
    }
    newline(depth);
    out.push_back(']');
  }

  void write_object(const Object& object, int depth) {
    bool first = true;
    out.push_back('{');
    for (const auto& [key, member] : object.members()) {
      if (dropped(member)) continue;
      if (!first) out.push_back(',');
      first = false;
      newline(depth + 1);
      out += text::json_quote(key);
      out += pretty ? ": " : ":";
      write(member, depth + 1);
    }
    if (!first) newline(depth);
    out.push_back('}');
  }

  void write(const Value& value, int depth) {
    switch (value.type()) {
      case Type::kUndefined:
      case Type::kNull:
        out += "null";
        break;
      case Type::kBoolean:
        out += value.as_boolean() ? "true" : "false";
        break;
      case Type::kNumber:
        write_number(value.as_number());
        break;
      case Type::kString:
        out += text::json_quote(value.as_string());
        break;
      case Type::kArray:
        write_array(value.as_array(), depth);
        break;
      case Type::kObject:
        write_object(value.as_object(), depth);
        break;
      case Type::kFunction:
        out += "\"\"";
        break;
    }
  }
};

// --- parsing ---

constexpr size_t kMaxJsonDepth = 10000;

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  std::optional<Value> parse() {
    std::optional<Value> result = parse_value();
    skip_whitespace();
    if (!result || pos_ != text_.size()) return std::nullopt;
    return result;
  }

 private:
  // A container being filled; nesting is kept on this explicit stack, not the call stack.
  struct Frame {
    Value container;
    std::string key;  // for objects: the key whose value is being parsed
  };

  void skip_whitespace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool consume(char c) {
    skip_whitespace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool consume_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<uint32_t> hex4() {
    if (pos_ + 4 > text_.size()) return std::nullopt;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return value;
  }

  std::optional<std::string> parse_string() {
    if (!consume('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return std::nullopt;
      const char escape = text_[pos_++];
      switch (escape) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          std::optional<uint32_t> unit = hex4();
          if (!unit) return std::nullopt;
          uint32_t cp = *unit;
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            const size_t saved = pos_;
            pos_ += 2;
            std::optional<uint32_t> low = hex4();
            if (low && *low >= 0xDC00 && *low < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
            } else {
              pos_ = saved;
            }
          }
          utf8::append_code_point(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::optional<Value> parse_number() {
    const size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    const auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
        ++pos_;
      return pos_ - from;
    };
    const size_t integer_start = pos_;
    const size_t integer_digits = digits();
    if (integer_digits == 0) return std::nullopt;
    if (integer_digits > 1 && text_[integer_start] == '0') return std::nullopt;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return std::nullopt;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (digits() == 0) return std::nullopt;
    }
    const std::string token(text_.substr(start, pos_ - start));
    return Value::number(std::strtod(token.c_str(), nullptr));
  }

  // A scalar, or the start of a container pushed onto the stack (returned as undefined).
  std::optional<Value> parse_scalar_or_open() {
    skip_whitespace();
    if (pos_ >= text_.size()) return std::nullopt;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= kMaxJsonDepth) return std::nullopt;
      ++pos_;
      stack_.push_back(Frame{c == '{' ? Value::object(Object()) : Value::array(Array()), ""});
      return Value();
    }
    if (c == '"') {
      std::optional<std::string> s = parse_string();
      if (!s) return std::nullopt;
      return Value::string(std::move(*s));
    }
    if (consume_word("true")) return Value::boolean(true);
    if (consume_word("false")) return Value::boolean(false);
    if (consume_word("null")) return Value::null();
    return parse_number();
  }

  bool read_key(Frame& frame) {
    std::optional<std::string> key = parse_string();
    if (!key || !consume(':')) return false;
    frame.key = std::move(*key);
    return true;
  }

  enum class Opening : uint8_t { kValueFollows, kEmpty, kBroken };

  // After a container's opening bracket: a first element follows, or it closes at once.
  Opening open_container() {
    Frame& frame = stack_.back();
    if (frame.container.is_array()) return consume(']') ? Opening::kEmpty : Opening::kValueFollows;
    if (consume('}')) return Opening::kEmpty;
    return read_key(frame) ? Opening::kValueFollows : Opening::kBroken;
  }

  void store(Frame& frame, Value value) {
    if (frame.container.is_array()) {
      frame.container.mutable_array().items.push_back(std::move(value));
    } else {
      frame.container.mutable_object().set(frame.key, std::move(value));
    }
  }

  std::optional<Value> parse_value() {
    std::optional<Value> value = parse_scalar_or_open();
    while (true) {
      if (!value) return std::nullopt;
      if (value->is_undefined()) {  // a container was just opened
        const Opening opening = open_container();
        if (opening == Opening::kBroken) return std::nullopt;
        if (opening == Opening::kValueFollows) {
          value = parse_scalar_or_open();
          continue;
        }
        value = close_top();
      }
      // `value` is complete: store it, closing every container that ends after it.
      while (true) {
        if (stack_.empty()) return value;
        Frame& frame = stack_.back();
        const bool is_array = frame.container.is_array();
        store(frame, std::move(*value));
        if (consume(',')) {
          if (!is_array) {
            skip_whitespace();
            if (!read_key(frame)) return std::nullopt;
          }
          break;
        }
        if (!consume(is_array ? ']' : '}')) return std::nullopt;
        value = close_top();
      }
      value = parse_scalar_or_open();
    }
  }

  std::optional<Value> close_top() {
    Value done = std::move(stack_.back().container);
    stack_.pop_back();
    return done;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<Frame> stack_;
};

}  // namespace

std::string format_number(double n) {
  if (std::isnan(n)) return "NaN";
  if (std::isinf(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n == 0) return "0";
  const Digits d = shortest_digits(n);
  const int k = static_cast<int>(d.digits.size());
  const int e = d.exponent;
  std::string out = n < 0 ? "-" : "";
  if (k <= e && e <= 21) {
    out += d.digits;
    out.append(static_cast<size_t>(e - k), '0');
  } else if (0 < e && e <= 21) {
    out += d.digits.substr(0, static_cast<size_t>(e));
    out += '.';
    out += d.digits.substr(static_cast<size_t>(e));
  } else if (-6 < e && e <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-e), '0');
    out += d.digits;
  } else {
    out += d.digits.substr(0, 1);
    if (k > 1) {
      out += '.';
      out += d.digits.substr(1);
    }
    out += 'e';
    out += e - 1 >= 0 ? "+" : "-";
    out += std::to_string(std::abs(e - 1));
  }
  return out;
}

std::string stringify(const Value& value, bool pretty) {
  Writer writer{pretty, true, false, {}};
  writer.write(value, 0);
  return std::move(writer.out);
}

std::string json_for_message(const Value& value) {
  if (value.is_undefined() || value.is_function()) return "undefined";
  Writer writer{false, false, true, {}};
  writer.write(value, 0);
  return std::move(writer.out);
}

std::optional<Value> parse_json(std::string_view text) {
  return JsonParser(text).parse();
}

}  // namespace wflint::jsonata
