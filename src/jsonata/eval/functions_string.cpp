#include <cmath>
#include <string>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"
#include "support/utf8.h"

namespace wflint::jsonata {

std::u32string to_code_points(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = byte < 0x80    ? 1
                          : byte >= 0xF0 ? 4
                          : byte >= 0xE0 ? 3
                          : byte >= 0xC0 ? 2
                                         : 1;
    char32_t cp = length == 1   ? byte
                  : length == 2 ? (byte & 0x1F)
                  : length == 3 ? (byte & 0x0F)
                                : (byte & 0x07);
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += length;
  }
  return out;
}

std::string to_utf8(std::u32string_view code_points) {
  std::string out;
  for (const char32_t cp : code_points)
    utf8::append_code_point(out, cp);
  return out;
}

namespace {

const std::string& string_argument(const BuiltinCall& call, size_t index) {
  return argument(call, index).as_string();
}

// Array.prototype.slice's index arithmetic on a length.
size_t slice_index(double index, size_t length) {
  const double truncated = std::isnan(index) ? 0 : std::trunc(index);
  const double n = static_cast<double>(length);
  if (truncated < 0) return static_cast<size_t>(std::max(0.0, n + truncated));
  return static_cast<size_t>(std::min(n, truncated));
}

std::u32string slice(const std::u32string& text, double start, double end) {
  const size_t from = slice_index(start, text.size());
  const size_t to = slice_index(end, text.size());
  return from < to ? text.substr(from, to - from) : std::u32string();
}

char32_t lower_case(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
      (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;
  }
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_is_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_is_lower ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
  }
  return c;
}

std::string upper_case_of(const std::u32string& text) {
  std::u32string out;
  for (const char32_t c : text) {
    if (c == 0xDF) {
      out += U"SS";
    } else if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) ||
               (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) || (c >= 0x430 && c <= 0x44F)) {
      out.push_back(c - 0x20);
    } else if (c == 0xFF) {
      out.push_back(0x178);
    } else if (c >= 0x450 && c <= 0x45F) {
      out.push_back(c - 0x50);
    } else if (c >= 0x100 && c <= 0x17F && lower_case(c - 1) == c) {
      out.push_back(c - 1);
    } else {
      out.push_back(c);
    }
  }
  return to_utf8(out);
}

// Byte offset in UTF-8 `text` of a UTF-16 offset (what matcher functions report).
size_t byte_offset(std::string_view text, double utf16_offset) {
  size_t units = 0;
  size_t i = 0;
  while (i < text.size() && static_cast<double>(units) < utf16_offset) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = byte < 0x80    ? 1
                          : byte >= 0xF0 ? 4
                          : byte >= 0xE0 ? 3
                          : byte >= 0xC0 ? 2
                                         : 1;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return std::min(i, text.size());
}

struct MatcherResult {
  Value object;  // undefined when there is no (further) match
  const Value* member(std::string_view key) const {
    return object.is_object() ? object.as_object().find(key) : nullptr;
  }
  double number(std::string_view key) const {
    const Value* value = member(key);
    return value != nullptr && value->is_number() ? value->as_number() : 0;
  }
  std::string text(std::string_view key) const {
    const Value* value = member(key);
    return value != nullptr && value->is_string() ? value->as_string() : std::string();
  }
};

MatcherResult check_matcher_result(const BuiltinCall& call, Value result) {
  if (!result.is_undefined()) {
    const MatcherResult checked{result};
    const Value* start = checked.member("start");
    const Value* groups = checked.member("groups");
    const Value* next = checked.member("next");
    if (!((start != nullptr && start->is_number()) || (groups != nullptr && groups->is_array()) ||
          (next != nullptr && next->is_function()))) {
      throw_error("T1010", call.position,
                  "The matcher function argument passed to function does not return the correct "
                  "object structure");
    }
  }
  return MatcherResult{std::move(result)};
}

MatcherResult first_match(const BuiltinCall& call, const Value& matcher, const std::string& text) {
  const Value arguments[] = {Value::string(text)};
  return check_matcher_result(
      call, call.evaluator.apply(matcher, arguments, call.context, call.position));
}

MatcherResult next_match(const BuiltinCall& call, const MatcherResult& previous) {
  const Value* next = previous.member("next");
  if (next == nullptr || !next->is_function()) return MatcherResult{};
  return check_matcher_result(call, call.evaluator.apply(*next, {}, call.context, call.position));
}

// A limit argument: undefined for none; negative fails with `code`.
std::optional<double> limit_argument(const BuiltinCall& call, size_t index, const char* code,
                                     const char* message) {
  const Value& limit = argument(call, index);
  if (limit.is_undefined()) return std::nullopt;
  if (limit.as_number() < 0) throw_error(code, call.position, message);
  return limit.as_number();
}

bool under_limit(const std::optional<double>& limit, size_t count) {
  return !limit || static_cast<double>(count) < *limit;
}

}  // namespace

Value fn_string(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  if (arg.is_string()) return arg;
  if (arg.is_function()) return Value::string("");
  if (arg.is_number() && !std::isfinite(arg.as_number())) {
    throw_error("D3001", call.position, "Attempting to invoke string function on Infinity or NaN");
  }
  const bool pretty = argument(call, 1).is_boolean() && argument(call, 1).as_boolean();
  if (arg.is_array() && arg.as_array().outer_wrapper && !arg.as_array().items.empty()) {
    return Value::string(stringify(arg.as_array().items.front(), pretty));
  }
  return Value::string(stringify(arg, pretty));
}

Value fn_substring(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::u32string text = to_code_points(string_argument(call, 0));
  const double length_of_text = static_cast<double>(text.size());
  double start = argument(call, 1).as_number();
  if (length_of_text + start < 0) start = 0;
  const Value& length = argument(call, 2);
  if (length.is_undefined()) return Value::string(to_utf8(slice(text, start, length_of_text)));
  if (length.as_number() <= 0) return Value::string("");
  const double end =
      start >= 0 ? start + length.as_number() : length_of_text + start + length.as_number();
  return Value::string(to_utf8(slice(text, start, end)));
}

Value fn_substring_before(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const size_t found = text.find(string_argument(call, 1));
  return Value::string(found == std::string::npos ? text : text.substr(0, found));
}

Value fn_substring_after(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const std::string& chars = string_argument(call, 1);
  const size_t found = text.find(chars);
  return Value::string(found == std::string::npos ? text : text.substr(found + chars.size()));
}

Value fn_lowercase(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  std::u32string text = to_code_points(string_argument(call, 0));
  for (char32_t& c : text)
    c = lower_case(c);
  return Value::string(to_utf8(text));
}

Value fn_uppercase(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::string(upper_case_of(to_code_points(string_argument(call, 0))));
}

Value fn_length(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::number(static_cast<double>(to_code_points(string_argument(call, 0)).size()));
}

Value fn_trim(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  std::string result;
  for (const char c : string_argument(call, 0)) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      result.push_back(c);
    } else if (result.empty() || result.back() != ' ') {
      result.push_back(' ');
    }
  }
  if (!result.empty() && result.front() == ' ') result.erase(0, 1);
  if (!result.empty() && result.back() == ' ') result.pop_back();
  return Value::string(result);
}

Value fn_pad(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const double width = argument(call, 1).as_number();
  std::u32string fill = U" ";
  if (argument(call, 2).is_string() && !string_argument(call, 2).empty()) {
    fill = to_code_points(string_argument(call, 2));
  }
  const double pad_length =
      std::floor(std::fabs(width) - static_cast<double>(to_code_points(text).size()));
  if (!(pad_length > 0)) return Value::string(text);
  std::u32string padding;
  while (static_cast<double>(padding.size()) < pad_length)
    padding += fill;
  padding.resize(static_cast<size_t>(pad_length));
  return Value::string(width > 0 ? text + to_utf8(padding) : to_utf8(padding) + text);
}

Value fn_contains(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const Value& token = argument(call, 1);
  if (token.is_string()) return Value::boolean(text.find(token.as_string()) != std::string::npos);
  return Value::boolean(!first_match(call, token, text).object.is_undefined());
}

Value fn_match(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const std::optional<double> limit = limit_argument(
      call, 2, "D3040", "Third argument of match function must evaluate to a positive number");
  std::vector<Value> results;
  if (under_limit(limit, 0)) {
    for (MatcherResult match = first_match(call, argument(call, 1), text);
         !match.object.is_undefined() && under_limit(limit, results.size());
         match = next_match(call, match)) {
      Object entry;
      entry.set("match", Value::string(match.text("match")));
      entry.set("index", Value::number(match.number("start")));
      const Value* groups = match.member("groups");
      entry.set("groups", groups != nullptr ? *groups : make_array({}));
      results.push_back(Value::object(std::move(entry)));
    }
  }
  return make_array(std::move(results), true);
}

namespace {

// The "$1"-style substitution of a string replacement (jsonata-js's replacer).
std::string substitute(const std::string& replacement, const MatcherResult& match) {
  const Value* groups_value = match.member("groups");
  const std::vector<Value> no_groups;
  const std::vector<Value>& groups = groups_value != nullptr && groups_value->is_array()
                                         ? groups_value->as_array().items
                                         : no_groups;
  std::string out;
  size_t position = 0;
  size_t dollar = replacement.find('$');
  while (dollar != std::string::npos && position < replacement.size()) {
    out += replacement.substr(position, dollar - position);
    position = dollar + 1;
    const char next = position < replacement.size() ? replacement[position] : '\0';
    if (next == '$') {
      out += '$';
      ++position;
    } else if (next == '0') {
      out += match.text("match");
      ++position;
    } else {
      const size_t max_digits =
          groups.empty() ? 1 : static_cast<size_t>(std::floor(std::log10(groups.size()))) + 1;
      const auto parse_digits = [&](size_t count) -> std::optional<size_t> {
        size_t value = 0;
        size_t used = 0;
        while (used < count && position + used < replacement.size() &&
               replacement[position + used] >= '0' && replacement[position + used] <= '9') {
          value = value * 10 + static_cast<size_t>(replacement[position + used] - '0');
          ++used;
        }
        return used == 0 ? std::nullopt : std::optional<size_t>(value);
      };
      std::optional<size_t> index = parse_digits(max_digits);
      if (max_digits > 1 && index && *index > groups.size()) index = parse_digits(max_digits - 1);
      if (index) {
        if (!groups.empty() && *index >= 1 && *index <= groups.size() &&
            groups[*index - 1].is_string()) {
          out += groups[*index - 1].as_string();
        }
        position += std::to_string(*index).size();
      } else {
        out += '$';
      }
    }
    dollar = replacement.find('$', position);
  }
  if (position < replacement.size()) out += replacement.substr(position);
  return out;
}

}  // namespace

Value fn_replace(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const Value& pattern = argument(call, 1);
  const Value& replacement = argument(call, 2);
  if (pattern.is_string() && pattern.as_string().empty()) {
    throw_error("D3010", call.position,
                "Second argument of replace function cannot be an empty string");
  }
  const std::optional<double> limit = limit_argument(
      call, 3, "D3011", "Fourth argument of replace function must evaluate to a positive number");
  if (!under_limit(limit, 0)) return Value::string(text);
  std::string result;
  size_t position = 0;
  size_t count = 0;
  if (pattern.is_string()) {
    const std::string& needle = pattern.as_string();
    for (size_t found = text.find(needle); found != std::string::npos && under_limit(limit, count);
         found = text.find(needle, position), ++count) {
      result += text.substr(position, found - position);
      result += replacement.as_string();
      position = found + needle.size();
    }
    return Value::string(result + text.substr(position));
  }
  MatcherResult match = first_match(call, pattern, text);
  if (match.object.is_undefined()) return Value::string(text);
  for (; !match.object.is_undefined() && under_limit(limit, count);
       match = next_match(call, match), ++count) {
    const size_t start = byte_offset(text, match.number("start"));
    result += text.substr(position, start > position ? start - position : 0);
    if (replacement.is_string()) {
      result += substitute(replacement.as_string(), match);
    } else {
      const Value arguments[] = {match.object};
      const Value replaced =
          call.evaluator.apply(replacement, arguments, call.context, call.position);
      if (!replaced.is_string()) {
        throw_error("D3012", call.position,
                    "Attempted to replace a matched string with a non-string value");
      }
      result += replaced.as_string();
    }
    position = start + match.text("match").size();
  }
  return Value::string(result + (position < text.size() ? text.substr(position) : ""));
}

Value fn_split(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string& text = string_argument(call, 0);
  const Value& separator = argument(call, 1);
  const std::optional<double> limit = limit_argument(
      call, 2, "D3020", "Third argument of split function must evaluate to a positive number");
  std::vector<Value> parts;
  if (!under_limit(limit, 0)) return make_array(std::move(parts));
  if (separator.is_string()) {
    const std::string& needle = separator.as_string();
    if (needle.empty()) {
      for (const char32_t c : to_code_points(text)) {
        if (!under_limit(limit, parts.size())) break;
        parts.push_back(Value::string(to_utf8(std::u32string(1, c))));
      }
      return make_array(std::move(parts));
    }
    size_t start = 0;
    while (under_limit(limit, parts.size())) {
      const size_t found = text.find(needle, start);
      parts.push_back(
          Value::string(text.substr(start, found == std::string::npos ? found : found - start)));
      if (found == std::string::npos) break;
      start = found + needle.size();
    }
    return make_array(std::move(parts));
  }
  MatcherResult match = first_match(call, separator, text);
  if (match.object.is_undefined()) return make_array({Value::string(text)});
  size_t start = 0;
  size_t count = 0;
  for (; !match.object.is_undefined() && under_limit(limit, count);
       match = next_match(call, match), ++count) {
    const size_t from = byte_offset(text, match.number("start"));
    parts.push_back(Value::string(text.substr(start, from > start ? from - start : 0)));
    start = byte_offset(text, match.number("end"));
  }
  if (under_limit(limit, count))
    parts.push_back(Value::string(start < text.size() ? text.substr(start) : ""));
  return make_array(std::move(parts));
}

Value fn_join(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string separator = argument(call, 1).is_string() ? string_argument(call, 1) : "";
  std::string result;
  bool first = true;
  for (const Value& item : argument(call, 0).as_array().items) {
    if (!first) result += separator;
    first = false;
    result += item.as_string();
  }
  return Value::string(result);
}

}  // namespace wflint::jsonata
