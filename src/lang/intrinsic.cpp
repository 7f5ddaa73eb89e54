#include "lang/intrinsic.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>

#include "lang/scan.h"
#include "support/text.h"

namespace wflint::lang {

namespace {

// What an argument position accepts, as far as a literal can show.
enum class Param : uint8_t {
  Any,
  Template,      // States.Format's template: a string
  String,        // a string
  Number,        // a number
  Count,         // a positive integer
  Index,         // a non-negative integer
  Array,         // an array: never a literal
  Object,        // an object: never a literal
  Data,          // the JSON value a path points to: never a literal
  Algorithm,     // a hash algorithm name
  ShallowMerge,  // the literal false
};

constexpr uint8_t kUnbounded = 255;

struct FunctionSpec {
  std::string_view name;
  std::string_view signature;
  uint8_t min_args;
  uint8_t max_args;  // kUnbounded: no limit
  std::array<Param, 3> params;
};

constexpr FunctionSpec kFunctions[] = {
    {"States.Format",
     "States.Format(template, value...)",
     1,
     kUnbounded,
     {Param::Template, Param::Any, Param::Any}},
    {"States.StringToJson", "States.StringToJson(string)", 1, 1, {Param::String}},
    {"States.JsonToString", "States.JsonToString(path)", 1, 1, {Param::Data}},
    {"States.Array", "States.Array(value...)", 0, kUnbounded, {}},
    {"States.ArrayPartition",
     "States.ArrayPartition(array, chunkSize)",
     2,
     2,
     {Param::Array, Param::Count}},
    {"States.ArrayContains", "States.ArrayContains(array, value)", 2, 2, {Param::Array}},
    {"States.ArrayRange",
     "States.ArrayRange(first, last, step)",
     3,
     3,
     {Param::Number, Param::Number, Param::Number}},
    {"States.ArrayGetItem",
     "States.ArrayGetItem(array, index)",
     2,
     2,
     {Param::Array, Param::Index}},
    {"States.ArrayLength", "States.ArrayLength(array)", 1, 1, {Param::Array}},
    {"States.ArrayUnique", "States.ArrayUnique(array)", 1, 1, {Param::Array}},
    {"States.Base64Encode", "States.Base64Encode(string)", 1, 1, {Param::String}},
    {"States.Base64Decode", "States.Base64Decode(string)", 1, 1, {Param::String}},
    {"States.Hash", "States.Hash(data, algorithm)", 2, 2, {Param::Any, Param::Algorithm}},
    {"States.JsonMerge",
     "States.JsonMerge(object1, object2, false)",
     3,
     3,
     {Param::Object, Param::Object, Param::ShallowMerge}},
    {"States.MathRandom",
     "States.MathRandom(start, end[, seed])",
     2,
     3,
     {Param::Number, Param::Number, Param::Number}},
    {"States.MathAdd", "States.MathAdd(value1, value2)", 2, 2, {Param::Number, Param::Number}},
    {"States.StringSplit",
     "States.StringSplit(string, delimiters)",
     2,
     2,
     {Param::String, Param::String}},
    {"States.UUID", "States.UUID()", 0, 0, {}},
};

constexpr std::array<std::string_view, std::size(kFunctions)> function_names() {
  std::array<std::string_view, std::size(kFunctions)> names{};
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = kFunctions[i].name;
  return names;
}

constexpr auto kFunctionNames = function_names();

constexpr std::string_view kHashAlgorithms[] = {"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"};

constexpr uint32_t kMaxRangeElements = 1000;

constexpr std::string_view kArgumentHelp =
    "an argument is a 'string', a number, true, false, null, a path such as $.a, or a function "
    "call";

bool is_name_char(char c) {
  return is_ascii_letter(c) || is_digit(c) || c == '_' || c == '.';
}

bool is_escapable(char c) {
  return c == '\'' || c == '{' || c == '}' || c == '\\';
}

class IntrinsicParser {
 public:
  explicit IntrinsicParser(std::string_view text) : text_(text) {}

  IntrinsicResult run() {
    skip_spaces();
    if (pos_ > 0) {
      fail(0, pos_, "intrinsic function call starts with whitespace",
           "remove the leading whitespace: Step Functions reads the value as a call only when it "
           "starts with the function name");
    } else if (parse_call(1)) {
      skip_spaces();
      if (!at_end()) {
        fail(pos_, text_.size() - pos_, "unexpected text after the function call",
             "a field holds one call; combine values with States.Format('{} {}', $.a, $.b)");
      }
    }
    return std::move(result_);
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void skip_spaces() {
    while (!at_end() && is_space(text_[pos_]))
      ++pos_;
  }
  std::size_t name_end(std::size_t from) const {
    while (from < text_.size() && is_name_char(text_[from]))
      ++from;
    return from;
  }

  bool fail(std::size_t offset, std::size_t length, std::string message, std::string help = {}) {
    result_.error = error_within(text_, offset, length, std::move(message), std::move(help));
    return false;
  }

  bool parse_call(uint32_t depth);
  bool parse_arguments(std::size_t call, std::size_t open);
  bool parse_argument(IntrinsicArg& arg, uint32_t depth);
  bool parse_string(IntrinsicArg& arg);
  bool fail_escape();
  bool parse_number(IntrinsicArg& arg);
  bool parse_path_argument(IntrinsicArg& arg);
  bool parse_word_or_call(IntrinsicArg& arg, uint32_t depth);
  std::size_t path_end() const;

  std::vector<IntrinsicCall>& calls() { return result_.intrinsic.calls; }

  std::string_view text_;
  std::size_t pos_ = 0;
  IntrinsicResult result_;
};

bool IntrinsicParser::parse_call(uint32_t depth) {
  const std::size_t start = pos_;
  const std::size_t end = name_end(pos_);
  if (end == start) {
    return fail(pos_, 1, fmt::format("unexpected {}; expected a function name", describe(peek())),
                "an intrinsic function call is written States.Format('{}', $.a)");
  }
  const std::string_view name = text_.substr(start, end - start);
  if (depth > kMaxIntrinsicDepth) {
    return fail(
        start, end - start,
        fmt::format("intrinsic functions are nested more than {} levels deep", kMaxIntrinsicDepth),
        "Step Functions accepts at most 10 nested calls in one field; compute part of the "
        "value in an earlier state");
  }
  pos_ = end;
  skip_spaces();
  if (peek() != '(') {
    return fail(start, end - start,
                fmt::format("function name \"{}\" is not followed by '('", name),
                "an intrinsic function call is written States.Format('{}', $.a)");
  }
  const std::size_t index = calls().size();
  IntrinsicCall& call = calls().emplace_back();
  call.name = std::string(name);
  call.offset = u32(start);
  call.name_length = u32(end - start);
  call.depth = depth;
  if (!parse_arguments(index, pos_)) return false;
  calls()[index].length = u32(pos_ - start);
  return true;
}

bool IntrinsicParser::parse_arguments(std::size_t call, std::size_t open) {
  ++pos_;
  skip_spaces();
  if (peek() == ')') {
    ++pos_;
    return true;
  }
  for (;;) {
    IntrinsicArg arg;
    if (!parse_argument(arg, calls()[call].depth)) return false;
    calls()[call].args.push_back(std::move(arg));
    skip_spaces();
    if (peek() == ',') {
      ++pos_;
      skip_spaces();
    } else if (peek() == ')') {
      ++pos_;
      return true;
    } else if (at_end()) {
      return fail(open, 1, fmt::format("unclosed '(' of {}", calls()[call].name),
                  "add the closing ')'");
    } else {
      return fail(pos_, 1, fmt::format("unexpected {}; expected ',' or ')'", describe(peek())),
                  std::string(kArgumentHelp));
    }
  }
}

bool IntrinsicParser::parse_argument(IntrinsicArg& arg, uint32_t depth) {
  arg.offset = u32(pos_);
  const char c = peek();
  if (c == '\'') return parse_string(arg);
  if (c == '$') return parse_path_argument(arg);
  if (is_digit(c) || c == '-') return parse_number(arg);
  if (is_ascii_letter(c) || c == '_') return parse_word_or_call(arg, depth);
  if (c == '"') {
    return fail(pos_, 1, "string literals are written in single quotes",
                "write 'text' instead of \"text\"");
  }
  return fail(pos_, 1, fmt::format("unexpected {}; expected an argument", describe(c)),
              std::string(kArgumentHelp));
}

bool IntrinsicParser::parse_string(IntrinsicArg& arg) {
  const std::size_t open = pos_;
  ++pos_;
  bool after_open_brace = false;
  while (!at_end() && peek() != '\'') {
    const char c = peek();
    if (c == '\\') {
      if (!is_escapable(peek(1))) return fail_escape();
      arg.value.push_back(peek(1));
      pos_ += 2;
      after_open_brace = false;
      continue;
    }
    if (c == '}' && after_open_brace) ++arg.placeholders;
    after_open_brace = c == '{';
    arg.value.push_back(c);
    ++pos_;
  }
  if (at_end()) {
    return fail(open, text_.size() - open, "unclosed string literal", "close it with '");
  }
  ++pos_;
  arg.kind = ArgKind::String;
  arg.length = u32(pos_ - open);
  return true;
}

bool IntrinsicParser::fail_escape() {
  const char next = peek(1);
  std::string message = "string literal ends with a lone backslash";
  if (next != '\0') {
    message = is_ascii_letter(next) || is_digit(next) || next == '"' || next == '/'
                  ? fmt::format("invalid escape sequence \\{} in a string literal", next)
                  : "invalid escape sequence in a string literal";
  }
  return fail(pos_, next == '\0' ? 1 : 2, std::move(message),
              R"(only \' \{ \} and \\ may follow a backslash; for a line break, put a real one in )"
              R"(the string (\n in JSON, not \\n))");
}

bool IntrinsicParser::parse_number(IntrinsicArg& arg) {
  const std::size_t start = pos_;
  if (peek() == '-') ++pos_;
  if (!is_digit(peek())) {
    return fail(start, 1, "'-' is not followed by a number", std::string(kArgumentHelp));
  }
  while (is_digit(peek()))
    ++pos_;
  if (peek() == '.' && is_digit(peek(1))) {
    ++pos_;
    while (is_digit(peek()))
      ++pos_;
  }
  if ((peek() == 'e' || peek() == 'E') &&
      (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
    pos_ += 2;
    while (is_digit(peek()))
      ++pos_;
  }
  arg.kind = ArgKind::Number;
  arg.length = u32(pos_ - start);
  arg.value = std::string(text_.substr(start, pos_ - start));
  return true;
}

// Where a path argument ends: at the first ',' or ')' outside brackets (a filter's parentheses
// and quoted names sit inside brackets).
std::size_t IntrinsicParser::path_end() const {
  int brackets = 0;
  char quote = '\0';
  for (std::size_t i = pos_; i < text_.size(); ++i) {
    const char c = text_[i];
    if (quote != '\0') {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = '\0';
      }
    } else if (c == '[') {
      ++brackets;
    } else if (brackets > 0) {
      if (c == ']') --brackets;
      if (c == '\'' || c == '"') quote = c;
    } else if (c == ',' || c == ')') {
      return i;
    }
  }
  return text_.size();
}

bool IntrinsicParser::parse_path_argument(IntrinsicArg& arg) {
  const std::size_t end = path_end();
  std::string_view written = text_.substr(pos_, end - pos_);
  while (!written.empty() && is_space(written.back()))
    written.remove_suffix(1);
  PathResult parsed = parse_path(written);
  if (!parsed.ok()) {
    LangError& error = *parsed.error;
    return fail(pos_ + error.offset, error.length, std::move(error.message), std::move(error.help));
  }
  arg.kind = ArgKind::Path;
  arg.length = u32(written.size());
  arg.value = std::string(written);
  arg.path = std::move(parsed.path);
  shift_offsets(arg.path, u32(pos_));
  pos_ += written.size();
  return true;
}

bool IntrinsicParser::parse_word_or_call(IntrinsicArg& arg, uint32_t depth) {
  const std::size_t start = pos_;
  const std::size_t end = name_end(pos_);
  std::size_t after = end;
  while (after < text_.size() && is_space(text_[after]))
    ++after;
  if (after < text_.size() && text_[after] == '(') {
    arg.kind = ArgKind::Call;
    arg.call = u32(calls().size());
    if (!parse_call(depth + 1)) return false;
    arg.length = u32(pos_ - start);
    return true;
  }
  const std::string_view word = text_.substr(start, end - start);
  if (word != "null" && word != "true" && word != "false") {
    return fail(start, end - start, fmt::format("unexpected \"{}\"; expected an argument", word),
                "string literals are written in single quotes, such as 'text'");
  }
  arg.kind = word == "null" ? ArgKind::Null : ArgKind::Boolean;
  arg.value = std::string(word);
  arg.length = u32(word.size());
  pos_ = end;
  return true;
}

// Checks of parsed calls.

const FunctionSpec* find_function(std::string_view name) {
  for (const FunctionSpec& spec : kFunctions) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

Param param_at(const FunctionSpec& spec, std::size_t i) {
  return i < spec.params.size() ? spec.params[i] : Param::Any;
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string expected_count(const FunctionSpec& spec) {
  if (spec.max_args == 0) return "no arguments";
  if (spec.max_args == kUnbounded) return "at least " + plural(spec.min_args, "argument");
  if (spec.min_args == spec.max_args) return plural(spec.min_args, "argument");
  return fmt::format("{} or {} arguments", spec.min_args, spec.max_args);
}

std::string_view literal_kind(const IntrinsicArg& arg) {
  switch (arg.kind) {
    case ArgKind::String:
      return "a string";
    case ArgKind::Number:
      return "a number";
    case ArgKind::Boolean:
      return "a boolean";
    case ArgKind::Null:
      return "null";
    case ArgKind::Path:
    case ArgKind::Call:
      break;
  }
  return {};
}

bool is_literal(const IntrinsicArg& arg) {
  return arg.kind != ArgKind::Path && arg.kind != ArgKind::Call;
}

std::optional<double> number_value(const IntrinsicArg& arg) {
  if (arg.kind != ArgKind::Number) return std::nullopt;
  double value = 0;
  const char* end = arg.value.data() + arg.value.size();
  const auto [ptr, ec] = std::from_chars(arg.value.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

class CallChecker {
 public:
  CallChecker(const IntrinsicCall& call, std::vector<LangError>& errors)
      : call_(call), errors_(errors) {}

  void run() {
    const FunctionSpec* spec = find_function(call_.name);
    if (!spec) return unknown_function();
    if (!arity_ok(*spec)) return;
    for (std::size_t i = 0; i < call_.args.size(); ++i)
      check_argument(*spec, i);
    if (spec->name == "States.Format") check_placeholders();
    if (spec->name == "States.ArrayRange") check_range();
  }

 private:
  void add(uint32_t offset, uint32_t length, std::string message, std::string help) {
    errors_.push_back(LangError{offset, length, std::move(message), std::move(help)});
  }
  void add_at(const IntrinsicArg& arg, std::string message, std::string help) {
    add(arg.offset, arg.length, std::move(message), std::move(help));
  }

  void unknown_function();
  bool arity_ok(const FunctionSpec& spec);
  void check_argument(const FunctionSpec& spec, std::size_t i);
  void wrong_type(const FunctionSpec& spec, std::size_t i, std::string_view expected,
                  std::string help = {});
  void check_integer(const FunctionSpec& spec, std::size_t i, double minimum,
                     std::string_view expected);
  void check_algorithm(const FunctionSpec& spec, std::size_t i);
  void check_merge_flag(const FunctionSpec& spec, std::size_t i);
  void check_placeholders();
  void check_range();

  const IntrinsicCall& call_;
  std::vector<LangError>& errors_;
};

void CallChecker::unknown_function() {
  std::string help;
  if (const std::string_view near = text::closest_match(call_.name, kFunctionNames);
      !near.empty()) {
    help = fmt::format("did you mean \"{}\"?", near);
  } else {
    help = "the intrinsic functions are";
    for (std::size_t i = 0; i < kFunctionNames.size(); ++i)
      help += fmt::format("{} {}", i == 0 ? "" : ",", kFunctionNames[i]);
  }
  add(call_.offset, call_.name_length, fmt::format("unknown intrinsic function \"{}\"", call_.name),
      std::move(help));
}

bool CallChecker::arity_ok(const FunctionSpec& spec) {
  const std::size_t n = call_.args.size();
  if (n >= spec.min_args && (spec.max_args == kUnbounded || n <= spec.max_args)) return true;
  add(call_.offset, call_.length,
      fmt::format("{} takes {} but is given {}", spec.name, expected_count(spec), n),
      fmt::format("call it as {}", spec.signature));
  return false;
}

void CallChecker::wrong_type(const FunctionSpec& spec, std::size_t i, std::string_view expected,
                             std::string help) {
  const IntrinsicArg& arg = call_.args[i];
  if (help.empty()) help = fmt::format("call it as {}", spec.signature);
  add_at(arg,
         fmt::format("argument {} of {} must be {}, not {}", i + 1, spec.name, expected,
                     literal_kind(arg)),
         std::move(help));
}

void CallChecker::check_argument(const FunctionSpec& spec, std::size_t i) {
  const IntrinsicArg& arg = call_.args[i];
  if (!is_literal(arg)) return;
  switch (param_at(spec, i)) {
    case Param::Any:
      return;
    case Param::Template:
    case Param::String:
      if (arg.kind != ArgKind::String) wrong_type(spec, i, "a string");
      return;
    case Param::Number:
      if (arg.kind != ArgKind::Number) wrong_type(spec, i, "a number");
      return;
    case Param::Count:
      return check_integer(spec, i, 1, "a positive integer");
    case Param::Index:
      return check_integer(spec, i, 0, "a non-negative integer");
    case Param::Array:
      return wrong_type(spec, i, "an array",
                        "pass a path to an array, such as $.items, or a call such as "
                        "States.Array('a', 'b')");
    case Param::Object:
      return wrong_type(spec, i, "an object",
                        "pass a path to an object, such as $.defaults, or a call such as "
                        "States.StringToJson($.text)");
    case Param::Data:
      return wrong_type(spec, i, "a path",
                        "States.JsonToString serializes the value a path points to, such as "
                        "$.order");
    case Param::Algorithm:
      return check_algorithm(spec, i);
    case Param::ShallowMerge:
      return check_merge_flag(spec, i);
  }
}

void CallChecker::check_integer(const FunctionSpec& spec, std::size_t i, double minimum,
                                std::string_view expected) {
  const IntrinsicArg& arg = call_.args[i];
  const std::optional<double> value = number_value(arg);
  if (!value) return wrong_type(spec, i, expected);
  if (*value >= minimum && std::floor(*value) == *value) return;
  add_at(arg,
         fmt::format("argument {} of {} must be {}, not {}", i + 1, spec.name, expected, arg.value),
         fmt::format("call it as {}", spec.signature));
}

void CallChecker::check_algorithm(const FunctionSpec& spec, std::size_t i) {
  const IntrinsicArg& arg = call_.args[i];
  if (arg.kind != ArgKind::String) return wrong_type(spec, i, "a string");
  for (std::string_view algorithm : kHashAlgorithms) {
    if (arg.value == algorithm) return;
  }
  const std::string_view near = text::closest_match(arg.value, kHashAlgorithms);
  add_at(arg, fmt::format("unknown hash algorithm '{}'", arg.value),
         near.empty() ? "the algorithms are MD5, SHA-1, SHA-256, SHA-384 and SHA-512"
                      : fmt::format("did you mean '{}'?", near));
}

void CallChecker::check_merge_flag(const FunctionSpec& spec, std::size_t i) {
  const IntrinsicArg& arg = call_.args[i];
  if (arg.kind != ArgKind::Boolean) return wrong_type(spec, i, "false");
  if (arg.value == "false") return;
  add_at(arg, "States.JsonMerge supports only a shallow merge, so its third argument must be false",
         "pass false; nested objects of the second argument replace those of the first");
}

void CallChecker::check_placeholders() {
  const IntrinsicArg& tmpl = call_.args[0];
  if (tmpl.kind != ArgKind::String) return;
  const std::size_t values = call_.args.size() - 1;
  if (tmpl.placeholders == values) return;
  add_at(tmpl,
         fmt::format("template has {} but {} {} given", plural(tmpl.placeholders, "placeholder"),
                     plural(values, "value"), values == 1 ? "is" : "are"),
         "give one value after the template for each {} in it (write a literal brace as \\{)");
}

void CallChecker::check_range() {
  const std::optional<double> first = number_value(call_.args[0]);
  const std::optional<double> last = number_value(call_.args[1]);
  const std::optional<double> step = number_value(call_.args[2]);
  if (step && *step == 0) {
    add_at(call_.args[2], "step of States.ArrayRange is 0", "use a step such as 1 or -1");
    return;
  }
  if (!first || !last || !step) return;
  const double count = std::floor((*last - *first) / *step) + 1;
  if (count <= kMaxRangeElements) return;
  add(call_.offset, call_.length,
      fmt::format("States.ArrayRange would create {:.0f} elements, more than the {} allowed", count,
                  kMaxRangeElements),
      "narrow the range or use a larger step");
}

}  // namespace

bool looks_like_intrinsic(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i]))
    ++i;
  if (i == text.size() || !(is_ascii_letter(text[i]) || text[i] == '_')) return false;
  const std::size_t start = i;
  while (i < text.size() && is_name_char(text[i]))
    ++i;
  if (text.substr(start, i - start).starts_with("States.")) return true;
  while (i < text.size() && is_space(text[i]))
    ++i;
  return i < text.size() && text[i] == '(';
}

IntrinsicResult parse_intrinsic(std::string_view text) {
  return IntrinsicParser(text).run();
}

std::vector<LangError> check_intrinsic(const Intrinsic& intrinsic) {
  std::vector<LangError> errors;
  for (const IntrinsicCall& call : intrinsic.calls)
    CallChecker(call, errors).run();
  return errors;
}

std::span<const std::string_view> intrinsic_function_names() {
  return kFunctionNames;
}

}  // namespace wflint::lang
