#include "run/intrinsic_eval.h"

#include <fmt/format.h>
#include <nettle/nettle-meta.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "run/base64.h"
#include "run/uuid.h"

namespace wflint::run {

namespace {

constexpr std::string_view kRuntime = "States.Runtime";
constexpr std::string_view kIntrinsicFailure = "States.IntrinsicFailure";

constexpr std::size_t kMaxRangeItems = 1000;
constexpr std::size_t kMaxEncodingChars = 10000;
// Jackson's default nesting limit: a bound that also keeps parsing StringToJson text shallow.
constexpr std::size_t kMaxJsonNesting = 1000;
// AWS evaluates the numeric functions with Java ints.
constexpr int64_t kJavaIntMin = std::numeric_limits<int32_t>::min();
constexpr int64_t kJavaIntMax = std::numeric_limits<int32_t>::max();
constexpr int64_t kLongMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kLongMax = std::numeric_limits<int64_t>::max();

RunError bad_argument(std::string detail) {
  return RunError{std::string(kIntrinsicFailure), std::move(detail)};
}

RunError invalid_call(std::string detail) {
  return RunError{std::string(kRuntime), std::move(detail)};
}

// UTF-8 text.

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// The code point starting at `pos`, advancing `pos` past it; nullopt for a byte that does not
// start a well-formed sequence (then `pos` advances by that one byte).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  char32_t minimum = 0;
  char32_t point = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    minimum = 0x80;
    point = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    minimum = 0x800;
    point = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    minimum = 0x10000;
    point = lead & 0x07u;
  } else {
    ++pos;
    return std::nullopt;
  }
  if (pos + length > text.size()) {
    ++pos;
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return std::nullopt;
    }
    point = (point << 6) | (next & 0x3Fu);
  }
  if (point < minimum || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) {
    ++pos;
    return std::nullopt;
  }
  pos += length;
  return point;
}

// The length of `text` as Java counts characters (UTF-16 code units).
std::size_t java_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::optional<char32_t> point = next_code_point(text, pos);
    units += point && *point >= 0x10000 ? 2 : 1;
  }
  return units;
}

// `bytes` as UTF-8 text, each malformed byte replaced by U+FFFD (as Java decodes bytes).
std::string valid_utf8(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    const std::size_t start = pos;
    if (next_code_point(bytes, pos)) {
      text.append(bytes.substr(start, pos - start));
    } else {
      text.append(kReplacementCharacter);
    }
  }
  return text;
}

// Describing values in messages.

std::string describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return fmt::format("the string {}", to_text(value));
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return fmt::format("the number {}", to_text(value));
    case Json::value_t::boolean:
      return fmt::format("the boolean {}", to_text(value));
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "null";
  }
}

// One call being evaluated: its function name, the values of its arguments, its syntax.
struct Call {
  std::string_view name;
  std::vector<Json> args;
  const lang::IntrinsicCall& syntax;
  std::string_view text;  // the whole call text, which argument offsets index
  IntrinsicEnvironment& env;
};

RunError wrong_argument(const Call& call, std::size_t i, std::string_view expected) {
  return bad_argument(fmt::format("argument {} of {} must be {}, not {}", i + 1, call.name,
                                  expected, describe(call.args[i])));
}

std::optional<RunError> expect(const Call& call, std::size_t i, bool ok,
                               std::string_view expected) {
  if (ok) return std::nullopt;
  return wrong_argument(call, i, expected);
}

std::optional<RunError> expect_array(const Call& call, std::size_t i) {
  return expect(call, i, call.args[i].is_array(), "an array");
}

std::optional<RunError> expect_string(const Call& call, std::size_t i) {
  return expect(call, i, call.args[i].is_string(), "a string");
}

const std::string& string_arg(const Call& call, std::size_t i) {
  return call.args[i].get_ref<const std::string&>();
}

// Java's Math.round: the nearest integer, halves toward positive infinity (-2.5 -> -2).
double java_round(double value) {
  const double floor = std::floor(value);
  return value - floor >= 0.5 ? floor + 1 : floor;
}

enum class Rounding : uint8_t { Exact, Nearest };

// Argument `i` as an integer in [minimum, maximum]. With Rounding::Nearest a fractional number
// is rounded as Java does; otherwise it is an error.
Outcome<int64_t> integer_arg(const Call& call, std::size_t i, Rounding rounding, int64_t minimum,
                             int64_t maximum, std::string_view expected) {
  const Json& value = call.args[i];
  if (value.is_number_unsigned()) {
    const uint64_t number = value.get<uint64_t>();
    if (number > static_cast<uint64_t>(maximum)) return wrong_argument(call, i, expected);
    return static_cast<int64_t>(number);
  }
  if (value.is_number_integer()) {
    const int64_t number = value.get<int64_t>();
    if (number < minimum || number > maximum) return wrong_argument(call, i, expected);
    return number;
  }
  if (!value.is_number_float()) return wrong_argument(call, i, expected);
  double number = value.get<double>();
  if (rounding == Rounding::Nearest) number = java_round(number);
  // maximum + 1 is a power of two here, so the comparison is exact.
  if (number != std::floor(number) || number < static_cast<double>(minimum) ||
      number >= static_cast<double>(maximum) + 1.0) {
    return wrong_argument(call, i, expected);
  }
  return static_cast<int64_t>(number);
}

Outcome<int64_t> java_int_arg(const Call& call, std::size_t i, Rounding rounding) {
  return integer_arg(call, i, rounding, kJavaIntMin, kJavaIntMax,
                     rounding == Rounding::Nearest
                         ? "a number between -2147483648 and 2147483647"
                         : "an integer between -2147483648 and 2147483647");
}

// States.Format.

// The template's text between placeholders. A literal template is read as written, so that
// \{ and \} stay literal braces; a template from a path or call has no escapes.
std::vector<std::string> template_pieces(const Call& call) {
  const lang::IntrinsicArg& arg = call.syntax.args[0];
  std::string_view text = string_arg(call, 0);
  bool escapes = false;
  if (arg.kind == lang::ArgKind::String && arg.length >= 2 &&
      arg.offset + arg.length <= call.text.size() && call.text[arg.offset] == '\'') {
    text = call.text.substr(arg.offset + 1, arg.length - 2);
    escapes = true;
  }
  std::vector<std::string> pieces(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escapes && text[i] == '\\' && i + 1 < text.size()) {
      pieces.back().push_back(text[++i]);
    } else if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '}') {
      pieces.emplace_back();
      ++i;
    } else {
      pieces.back().push_back(text[i]);
    }
  }
  return pieces;
}

// How States.Format renders a value: strings bare, arrays and objects as Java's collections
// print them ("[a, 1]", "{key=value}"), other values as JSON.
void append_formatted(std::string& out, const Json& value) {
  if (value.is_string()) {
    out += value.get_ref<const std::string&>();
  } else if (value.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ", ";
      append_formatted(out, value[i]);
    }
    out += ']';
  } else if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, member] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += key;
      out += '=';
      append_formatted(out, member);
    }
    out += '}';
  } else {
    out += to_text(value);
  }
}

Outcome<Json> format(Call& call) {
  if (auto error = expect_string(call, 0)) return *error;
  const std::vector<std::string> pieces = template_pieces(call);
  const std::size_t placeholders = pieces.size() - 1;
  const std::size_t values = call.args.size() - 1;
  if (placeholders != values) {
    return bad_argument(fmt::format(
        "the template of States.Format has {} placeholder{} but {} value{} {} given", placeholders,
        placeholders == 1 ? "" : "s", values, values == 1 ? "" : "s", values == 1 ? "is" : "are"));
  }
  std::string out = pieces[0];
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    append_formatted(out, call.args[i]);
    out += pieces[i];
  }
  return Json(std::move(out));
}

// JSON text.

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The deepest nesting of arrays and objects in JSON text, counted without parsing it.
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

Outcome<Json> string_to_json(Call& call) {
  if (auto error = expect_string(call, 0)) return *error;
  const std::string& text = string_arg(call, 0);
  if (std::all_of(text.begin(), text.end(), is_json_space)) return Json(nullptr);
  if (nesting_depth(text) > kMaxJsonNesting) {
    return bad_argument(fmt::format(
        "argument 1 of States.StringToJson nests arrays and objects more than {} levels deep",
        kMaxJsonNesting));
  }
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return bad_argument(
        fmt::format("argument 1 of States.StringToJson is not valid JSON: {}", to_text(text)));
  }
  return parsed;
}

Outcome<Json> json_to_string(Call& call) {
  return Json(to_text(call.args[0]));
}

// Arrays.

Outcome<Json> array(Call& call) {
  Json out = Json::array();
  for (Json& value : call.args)
    out.push_back(std::move(value));
  return out;
}

Outcome<Json> array_partition(Call& call) {
  if (auto error = expect_array(call, 0)) return *error;
  const Outcome<int64_t> size =
      integer_arg(call, 1, Rounding::Exact, 1, kLongMax, "a positive integer");
  if (!size.ok()) return size.error();
  const auto chunk = static_cast<std::size_t>(size.value());
  Json out = Json::array();
  for (Json& item : call.args[0]) {
    if (out.empty() || out.back().size() == chunk) out.push_back(Json::array());
    out.back().push_back(std::move(item));
  }
  return out;
}

Outcome<Json> array_contains(Call& call) {
  if (auto error = expect_array(call, 0)) return *error;
  const Json& wanted = call.args[1];
  const Json& items = call.args[0];
  const bool found = std::any_of(items.begin(), items.end(),
                                 [&](const Json& item) { return same_value(item, wanted); });
  return Json(found);
}

Outcome<Json> array_range(Call& call) {
  std::array<int64_t, 3> bounds{};
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    const Outcome<int64_t> value = java_int_arg(call, i, Rounding::Exact);
    if (!value.ok()) return value.error();
    bounds[i] = value.value();
  }
  const auto [first, last, step] = bounds;
  if (step == 0) return bad_argument("the step of States.ArrayRange must not be 0");
  Json out = Json::array();
  if ((step > 0 && last < first) || (step < 0 && last > first)) return out;
  const int64_t count = (last - first) / step + 1;
  if (count > static_cast<int64_t>(kMaxRangeItems)) {
    return bad_argument(
        fmt::format("States.ArrayRange would create {} items, more than the {} an array may hold",
                    count, kMaxRangeItems));
  }
  for (int64_t i = 0; i < count; ++i)
    out.push_back(first + i * step);
  return out;
}

Outcome<Json> array_get_item(Call& call) {
  if (auto error = expect_array(call, 0)) return *error;
  const Outcome<int64_t> index =
      integer_arg(call, 1, Rounding::Exact, 0, kLongMax, "a non-negative integer");
  if (!index.ok()) return index.error();
  Json& items = call.args[0];
  if (static_cast<uint64_t>(index.value()) >= items.size()) {
    return bad_argument(
        fmt::format("index {} of States.ArrayGetItem is out of bounds for an array of {} item{}",
                    index.value(), items.size(), items.size() == 1 ? "" : "s"));
  }
  return std::move(items[static_cast<std::size_t>(index.value())]);
}

Outcome<Json> array_length(Call& call) {
  if (auto error = expect_array(call, 0)) return *error;
  return Json(static_cast<int64_t>(call.args[0].size()));
}

// A text that is equal for values same_value() finds equal (numbers compare as doubles), so that
// duplicates can be found by hashing; equal keys are then confirmed with same_value().
void append_equality_key(std::string& key, const Json& value) {
  if (value.is_number()) {
    key += fmt::format("n{};", value.get<double>());
  } else if (value.is_array()) {
    key += '[';
    for (const Json& item : value)
      append_equality_key(key, item);
    key += ']';
  } else if (value.is_object()) {
    std::vector<std::pair<std::string_view, const Json*>> members;
    for (const auto& [name, member] : value.items())
      members.emplace_back(name, &member);
    std::sort(members.begin(), members.end());
    key += '{';
    for (const auto& [name, member] : members) {
      key += to_text(Json(name));
      append_equality_key(key, *member);
    }
    key += '}';
  } else {
    key += to_text(value);
    key += ';';
  }
}

Outcome<Json> array_unique(Call& call) {
  if (auto error = expect_array(call, 0)) return *error;
  Json out = Json::array();
  std::unordered_map<std::string, std::vector<std::size_t>> kept_by_key;
  for (Json& item : call.args[0]) {
    std::string key;
    append_equality_key(key, item);
    std::vector<std::size_t>& kept = kept_by_key[key];
    const bool seen = std::any_of(kept.begin(), kept.end(),
                                  [&](std::size_t i) { return same_value(out[i], item); });
    if (seen) continue;
    kept.push_back(out.size());
    out.push_back(std::move(item));
  }
  return out;
}

// Encoding and hashing.

std::optional<RunError> expect_encodable(const Call& call, std::size_t i, std::string_view text) {
  const std::size_t length = java_length(text);
  if (length <= kMaxEncodingChars) return std::nullopt;
  return bad_argument(fmt::format("argument {} of {} has {} characters, more than the {} allowed",
                                  i + 1, call.name, length, kMaxEncodingChars));
}

Outcome<Json> base64_encode_call(Call& call) {
  if (auto error = expect_string(call, 0)) return *error;
  const std::string& text = string_arg(call, 0);
  if (auto error = expect_encodable(call, 0, text)) return *error;
  return Json(base64_encode(text));
}

Outcome<Json> base64_decode_call(Call& call) {
  if (auto error = expect_string(call, 0)) return *error;
  const std::string& text = string_arg(call, 0);
  if (auto error = expect_encodable(call, 0, text)) return *error;
  const std::optional<std::string> bytes = base64_decode(text, Base64Input::Mime);
  if (!bytes) {
    return bad_argument(
        fmt::format("argument 1 of States.Base64Decode is not base64: {}", to_text(text)));
  }
  return Json(valid_utf8(*bytes));
}

const nettle_hash* hash_algorithm(std::string_view name) {
  if (name == "MD5") return &nettle_md5;
  if (name == "SHA-1") return &nettle_sha1;
  if (name == "SHA-256") return &nettle_sha256;
  if (name == "SHA-384") return &nettle_sha384;
  if (name == "SHA-512") return &nettle_sha512;
  return nullptr;
}

std::string hex_digest(const nettle_hash& algorithm, std::string_view data) {
  std::vector<uint8_t> context(algorithm.context_size);
  std::vector<uint8_t> digest(algorithm.digest_size);
  algorithm.init(context.data());
  algorithm.update(context.data(), data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  algorithm.digest(context.data(), digest.size(), digest.data());
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (const uint8_t byte : digest)
    hex += fmt::format("{:02x}", byte);
  return hex;
}

Outcome<Json> hash(Call& call) {
  const std::string data = call.args[0].is_string() ? string_arg(call, 0) : to_text(call.args[0]);
  if (auto error = expect_encodable(call, 0, data)) return *error;
  const nettle_hash* algorithm =
      call.args[1].is_string() ? hash_algorithm(string_arg(call, 1)) : nullptr;
  if (!algorithm) return wrong_argument(call, 1, "one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
  return Json(hex_digest(*algorithm, data));
}

// Objects.

Outcome<Json> json_merge(Call& call) {
  for (std::size_t i = 0; i < 2; ++i) {
    if (auto error = expect(call, i, call.args[i].is_object(), "an object")) return *error;
  }
  if (auto error = expect(call, 2, call.args[2].is_boolean(), "false")) return *error;
  if (call.args[2].get<bool>()) {
    return bad_argument(
        "States.JsonMerge supports only a shallow merge: its third argument must "
        "be false");
  }
  Json out = std::move(call.args[0]);
  for (auto& [key, value] : call.args[1].items())
    out[key] = std::move(value);
  return out;
}

// Numbers and identifiers.

std::mt19937_64& generator(IntrinsicEnvironment& env) {
  if (env.random) return *env.random;
  thread_local std::mt19937_64 fallback;  // default-seeded: deterministic too
  return fallback;
}

Outcome<Json> math_random(Call& call) {
  const Outcome<int64_t> start = java_int_arg(call, 0, Rounding::Nearest);
  if (!start.ok()) return start.error();
  const Outcome<int64_t> end = java_int_arg(call, 1, Rounding::Nearest);
  if (!end.ok()) return end.error();
  if (start.value() > end.value()) {
    return bad_argument(
        fmt::format("the start of States.MathRandom ({}) is greater than its end ({})",
                    start.value(), end.value()));
  }
  std::optional<std::mt19937_64> seeded;
  if (call.args.size() == 3) {
    const Outcome<int64_t> seed =
        integer_arg(call, 2, Rounding::Nearest, kLongMin, kLongMax, "an integer");
    if (!seed.ok()) return seed.error();
    seeded.emplace(static_cast<uint64_t>(seed.value()));
  }
  std::mt19937_64& random = seeded ? *seeded : generator(call.env);
  // Both ends are included, as LocalStack's recordings show. The modulo keeps results the same
  // with every standard library, unlike std::uniform_int_distribution.
  const auto span = static_cast<uint64_t>(end.value() - start.value()) + 1;
  return Json(start.value() + static_cast<int64_t>(random() % span));
}

Outcome<Json> math_add(Call& call) {
  const Outcome<int64_t> a = java_int_arg(call, 0, Rounding::Nearest);
  if (!a.ok()) return a.error();
  const Outcome<int64_t> b = java_int_arg(call, 1, Rounding::Nearest);
  if (!b.ok()) return b.error();
  return Json(a.value() + b.value());
}

Outcome<Json> string_split(Call& call) {
  if (auto error = expect_string(call, 0)) return *error;
  if (auto error = expect_string(call, 1)) return *error;
  const std::string& text = string_arg(call, 0);
  const std::string& delimiters = string_arg(call, 1);
  std::vector<char32_t> separators;
  for (std::size_t pos = 0; pos < delimiters.size();) {
    if (const std::optional<char32_t> point = next_code_point(delimiters, pos)) {
      separators.push_back(*point);
    }
  }
  Json out = Json::array();
  std::string part;
  const auto flush = [&] {
    if (!part.empty()) out.push_back(std::exchange(part, {}));
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const std::optional<char32_t> point = next_code_point(text, pos);
    if (point && std::find(separators.begin(), separators.end(), *point) != separators.end()) {
      flush();
    } else {
      part.append(text, start, pos - start);
    }
  }
  flush();
  return out;
}

Outcome<Json> uuid(Call& call) {
  return Json(random_uuid(generator(call.env)));
}

// The functions.

constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

struct Function {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;
  Outcome<Json> (*run)(Call&);
};

constexpr Function kFunctions[] = {
    {"States.Format", 1, kUnbounded, format},
    {"States.StringToJson", 1, 1, string_to_json},
    {"States.JsonToString", 1, 1, json_to_string},
    {"States.Array", 0, kUnbounded, array},
    {"States.ArrayPartition", 2, 2, array_partition},
    {"States.ArrayContains", 2, 2, array_contains},
    {"States.ArrayRange", 3, 3, array_range},
    {"States.ArrayGetItem", 2, 2, array_get_item},
    {"States.ArrayLength", 1, 1, array_length},
    {"States.ArrayUnique", 1, 1, array_unique},
    {"States.Base64Encode", 1, 1, base64_encode_call},
    {"States.Base64Decode", 1, 1, base64_decode_call},
    {"States.Hash", 2, 2, hash},
    {"States.JsonMerge", 3, 3, json_merge},
    {"States.MathRandom", 2, 3, math_random},
    {"States.MathAdd", 2, 2, math_add},
    {"States.StringSplit", 2, 2, string_split},
    {"States.UUID", 0, 0, uuid},
};

const Function* find_function(std::string_view name) {
  for (const Function& function : kFunctions) {
    if (function.name == name) return &function;
  }
  return nullptr;
}

std::string argument_count(std::size_t n) {
  return fmt::format("{} argument{}", n, n == 1 ? "" : "s");
}

std::optional<RunError> check_arity(const Function& function, std::size_t given) {
  if (given >= function.min_args && given <= function.max_args) return std::nullopt;
  std::string expected;
  if (function.max_args == kUnbounded) {
    expected = "at least " + argument_count(function.min_args);
  } else if (function.min_args == function.max_args) {
    expected = argument_count(function.min_args);
  } else {
    expected = fmt::format("{} to {} arguments", function.min_args, function.max_args);
  }
  return invalid_call(fmt::format("{} takes {} but is given {}", function.name, expected, given));
}

// Literal arguments.

Outcome<Json> number_literal(std::string_view text) {
  const char* end = text.data() + text.size();
  if (text.find_first_of(".eE") == std::string_view::npos) {
    int64_t integer = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), end, integer);
    if (ec == std::errc() && ptr == end) return Json(integer);
  }
  double number = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec != std::errc() || ptr != end || !std::isfinite(number)) {
    return bad_argument(fmt::format("the number {} is out of range", text));
  }
  return Json(number);
}

Outcome<Json> literal_value(const lang::IntrinsicArg& arg) {
  switch (arg.kind) {
    case lang::ArgKind::String:
      return Json(arg.value);
    case lang::ArgKind::Number:
      return number_literal(arg.value);
    case lang::ArgKind::Boolean:
      return Json(arg.value == "true");
    default:
      return Json(nullptr);
  }
}

class Evaluator {
 public:
  Evaluator(const lang::Intrinsic& intrinsic, std::string_view text, const PathLookup& lookup,
            IntrinsicEnvironment& env)
      : intrinsic_(intrinsic), text_(text), lookup_(lookup), env_(env) {}

  // Recursion follows the nesting of calls: at most kMaxIntrinsicDepth levels, and each nested
  // call must come later in `calls`, so a malformed Intrinsic cannot loop.
  Outcome<Json> evaluate_call(std::size_t index, uint32_t depth) {
    const lang::IntrinsicCall& syntax = intrinsic_.calls[index];
    if (depth > lang::kMaxIntrinsicDepth) {
      return invalid_call(fmt::format("intrinsic functions are nested more than {} levels deep",
                                      lang::kMaxIntrinsicDepth));
    }
    const Function* function = find_function(syntax.name);
    if (!function) return invalid_call(fmt::format("unknown function {}", syntax.name));
    if (auto error = check_arity(*function, syntax.args.size())) return *error;
    Call call{function->name, {}, syntax, text_, env_};
    call.args.reserve(syntax.args.size());
    for (const lang::IntrinsicArg& arg : syntax.args) {
      Outcome<Json> value = evaluate_argument(arg, index, depth);
      if (!value.ok()) return value;
      call.args.push_back(std::move(value.value()));
    }
    return function->run(call);
  }

 private:
  Outcome<Json> evaluate_argument(const lang::IntrinsicArg& arg, std::size_t caller,
                                  uint32_t depth) {
    if (arg.kind == lang::ArgKind::Call) {
      if (arg.call <= caller || arg.call >= intrinsic_.calls.size()) {
        return invalid_call("malformed nested call");
      }
      return evaluate_call(arg.call, depth + 1);
    }
    if (arg.kind != lang::ArgKind::Path) return literal_value(arg);
    // The path's offsets count in the whole call, where its bracket segments are read.
    std::optional<Json> value = lookup_(arg.path, text_);
    if (!value) return path_not_found(arg);
    return std::move(*value);
  }

  // AWS names a context path as "$.Execution.Name", rewritten against the context object, and
  // always the state's input as the value searched.
  RunError path_not_found(const lang::IntrinsicArg& arg) const {
    std::string_view written = arg.value;
    if (arg.path.root == lang::PathRoot::Context && written.starts_with("$$")) {
      written.remove_prefix(1);
    }
    std::string detail =
        fmt::format("The JsonPath argument for the field '{}' could not be found", written);
    if (env_.input) detail += fmt::format(" in the input '{}'", to_text(*env_.input));
    return invalid_call(std::move(detail));
  }

  const lang::Intrinsic& intrinsic_;
  std::string_view text_;
  const PathLookup& lookup_;
  IntrinsicEnvironment& env_;
};

RunError in_function(std::string_view call_text, RunError error) {
  error.cause =
      fmt::format("The function '{}' had the following error: {}", call_text, error.cause);
  return error;
}

}  // namespace

Outcome<Json> evaluate_intrinsic(const lang::Intrinsic& intrinsic, std::string_view call_text,
                                 const PathLookup& lookup, IntrinsicEnvironment& env) {
  if (intrinsic.calls.empty()) {
    return in_function(call_text, invalid_call("not an intrinsic function call"));
  }
  Outcome<Json> result = Evaluator(intrinsic, call_text, lookup, env).evaluate_call(0, 1);
  if (!result.ok()) return in_function(call_text, std::move(result.error()));
  return result;
}

Outcome<Json> evaluate_intrinsic(std::string_view call_text, const PathLookup& lookup,
                                 IntrinsicEnvironment& env) {
  const lang::IntrinsicResult parsed = lang::parse_intrinsic(call_text);
  if (!parsed.ok()) return in_function(call_text, invalid_call(parsed.error->message));
  return evaluate_intrinsic(parsed.intrinsic, call_text, lookup, env);
}

}  // namespace wflint::run
