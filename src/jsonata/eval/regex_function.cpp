#include <re2/re2.h>

#include <array>
#include <utility>

#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/regex_matcher.h"

namespace wflint::jsonata {

namespace {

// JavaScript's \s: RE2's \s lacks \v and the Unicode spaces.
constexpr std::string_view kJsSpaces =
    "\\t\\n\\x0b\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}\\x{feff}";
// JavaScript's "." matches anything but line terminators.
constexpr std::string_view kJsDot = "[^\\n\\r\\x{2028}\\x{2029}]";

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

unsigned hex_value(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) {
    unsigned digit =
        c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>((c | 0x20) - 'a' + 10);
    value = value * 16 + digit;
  }
  return value;
}

std::string code_point_escape(unsigned code_point) {
  constexpr std::array<char, 16> kDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string hex;
  do {
    hex.insert(hex.begin(), kDigits[code_point % 16]);
    code_point /= 16;
  } while (code_point > 0);
  return "\\x{" + hex + "}";
}

// Rewrites a JavaScript (non-Unicode mode) pattern in RE2 syntax.
class PatternTranslator {
 public:
  explicit PatternTranslator(std::string_view pattern) : pattern_(pattern) {}

  // The RE2 pattern, or nullopt with error() set.
  std::optional<std::string> run() {
    while (position_ < pattern_.size() && !error_) {
      if (in_class_) {
        class_character();
      } else {
        character();
      }
    }
    if (error_) return std::nullopt;
    return out_;
  }
  const std::string& error() const { return *error_; }

 private:
  char at(size_t i) const { return i < pattern_.size() ? pattern_[i] : '\0'; }

  void character() {
    char c = pattern_[position_];
    if (c == '\\') return escape();
    if (c == '[') return open_class();
    if (c == '(') return open_group();
    ++position_;
    if (c == '.') {
      out_ += kJsDot;
    } else {
      out_ += c;
    }
  }

  void class_character() {
    char c = pattern_[position_];
    if (c == '\\') return escape();
    ++position_;
    if (c == ']') in_class_ = false;
    if (c == '[') {
      out_ += "\\[";
    } else {
      out_ += c;
    }
  }

  void open_class() {
    if (at(position_ + 1) == '^' && at(position_ + 2) == ']') {
      out_ += "[\\s\\S]";  // [^] matches any character
      position_ += 3;
      return;
    }
    if (at(position_ + 1) == ']') {
      out_ += "[^\\x00-\\x{10ffff}]";  // [] matches nothing
      position_ += 2;
      return;
    }
    in_class_ = true;
    out_ += '[';
    ++position_;
    if (at(position_) == '^') {
      out_ += '^';
      ++position_;
    }
    if (at(position_) == ']') {  // a leading "]" is literal in RE2 but closes the class in JS
      out_ += "]";
      in_class_ = false;
      ++position_;
    }
  }

  void open_group() {
    if (at(position_ + 1) == '?') {
      char kind = at(position_ + 2);
      if (kind == '=' || kind == '!' ||
          (kind == '<' && (at(position_ + 3) == '=' || at(position_ + 3) == '!'))) {
        error_ = "lookahead and lookbehind assertions are not supported";
        return;
      }
      if (kind == '<') {
        out_ += "(?P<";
        position_ += 3;
        return;
      }
    }
    out_ += '(';
    ++position_;
  }

  void escape() {
    char e = at(position_ + 1);
    position_ += 2;
    switch (e) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 't':
      case 'n':
      case 'r':
      case 'f':
        out_ += '\\';
        out_ += e;
        return;
      case 'v':
        out_ += "\\x0b";
        return;
      case 'b':
      case 'B':
        out_ += in_class_ ? std::string("\\x08") : std::string("\\") + e;
        return;
      case 's':
        out_ += in_class_ ? std::string(kJsSpaces) : "[" + std::string(kJsSpaces) + "]";
        return;
      case 'S':
        out_ += in_class_ ? std::string("\\S") : "[^" + std::string(kJsSpaces) + "]";
        return;
      case '0':
        out_ += "\\x00";
        return;
      case 'c':
        return control_escape();
      case 'x':
        return hex_escape(2);
      case 'u':
        return hex_escape(4);
      case '\0':
        out_ += "\\\\";
        return;
      default:
        break;
    }
    if (e >= '1' && e <= '9') {
      error_ = "backreferences are not supported";
    } else if (e == 'k' && pattern_.find("(?<") != std::string_view::npos) {
      error_ = "named backreferences are not supported";
    } else if (is_ascii_alnum(e) || static_cast<unsigned char>(e) >= 0x80) {
      out_ += e;  // an identity escape of a letter is the letter itself
    } else {
      out_ += '\\';
      out_ += e;
    }
  }

  void control_escape() {
    char letter = at(position_);
    if ((letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z')) {
      out_ += code_point_escape(static_cast<unsigned>(letter) % 32);
      ++position_;
    } else {
      out_ += "\\\\c";
    }
  }

  void hex_escape(size_t digits) {
    std::string_view rest = pattern_.substr(position_);
    bool valid = rest.size() >= digits;
    for (size_t i = 0; valid && i < digits; ++i)
      valid = is_hex(rest[i]);
    if (!valid) {
      out_ += pattern_[position_ - 1];  // \x or \u without digits stands for the letter
      return;
    }
    unsigned code = hex_value(rest.substr(0, digits));
    position_ += digits;
    if (digits == 4 && code >= 0xD800 && code <= 0xDBFF && at(position_) == '\\' &&
        at(position_ + 1) == 'u') {
      std::string_view low = pattern_.substr(position_ + 2, 4);
      if (low.size() == 4 && is_hex(low[0]) && is_hex(low[1]) && is_hex(low[2]) && is_hex(low[3])) {
        unsigned low_code = hex_value(low);
        if (low_code >= 0xDC00 && low_code <= 0xDFFF) {
          code = 0x10000 + ((code - 0xD800) << 10) + (low_code - 0xDC00);
          position_ += 6;
        }
      }
    }
    if (code >= 0xD800 && code <= 0xDFFF) {
      error_ = "lone surrogate escapes are not supported";
      return;
    }
    out_ += code_point_escape(code);
  }

  std::string_view pattern_;
  size_t position_ = 0;
  bool in_class_ = false;
  std::string out_;
  std::optional<std::string> error_;
};

class RegexMatcherFunction : public Function {
 public:
  RegexMatcherFunction(std::shared_ptr<const RegexProgram> program, uint32_t position)
      : program_(std::move(program)), position_(position) {}
  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override;
  uint32_t arity() const override { return 1; }
  const RegexProgram& program() const { return *program_; }

 private:
  std::shared_ptr<const RegexProgram> program_;
  uint32_t position_;
};

Value match_object(const std::shared_ptr<const RegexProgram>& program,
                   const std::shared_ptr<const std::string>& text, const RegexProgram::Match& match,
                   uint32_t position);

// The "next" member of a match: continues the search where the match ended.
class NextMatchFunction : public Function {
 public:
  NextMatchFunction(std::shared_ptr<const RegexProgram> program,
                    std::shared_ptr<const std::string> text, size_t from, uint32_t position)
      : program_(std::move(program)), text_(std::move(text)), from_(from), position_(position) {}
  Value call(Evaluator& /*evaluator*/, const Value& /*context*/,
             std::span<const Value> /*arguments*/, uint32_t /*position*/) const override {
    if (from_ >= text_->size()) return Value();
    std::optional<RegexProgram::Match> match = program_->find(*text_, from_);
    if (!match) return Value();
    if (match->start == match->end) {
      throw_error("D1004", position_, "Regular expression matches zero length string");
    }
    return match_object(program_, text_, *match, position_);
  }
  uint32_t arity() const override { return 0; }

 private:
  std::shared_ptr<const RegexProgram> program_;
  std::shared_ptr<const std::string> text_;
  size_t from_;
  uint32_t position_;
};

Value match_object(const std::shared_ptr<const RegexProgram>& program,
                   const std::shared_ptr<const std::string>& text, const RegexProgram::Match& match,
                   uint32_t position) {
  std::string_view whole = *text;
  Object result;
  result.set("match",
             Value::string(std::string(whole.substr(match.start, match.end - match.start))));
  auto start = static_cast<double>(utf16_length(whole.substr(0, match.start)));
  result.set("start", Value::number(start));
  result.set("end", Value::number(start + static_cast<double>(utf16_length(whole.substr(
                                              match.start, match.end - match.start)))));
  Array groups;
  for (const std::optional<std::string>& group : match.groups) {
    groups.items.push_back(group ? Value::string(*group) : Value());
  }
  result.set("groups", Value::array(std::move(groups)));
  result.set("next", Value::function(
                         std::make_shared<NextMatchFunction>(program, text, match.end, position)));
  return Value::object(std::move(result));
}

Value RegexMatcherFunction::call(Evaluator& /*evaluator*/, const Value& /*context*/,
                                 std::span<const Value> arguments, uint32_t /*position*/) const {
  if (arguments.empty() || !arguments[0].is_string()) return Value();
  auto text = std::make_shared<const std::string>(arguments[0].as_string());
  std::optional<RegexProgram::Match> match = program_->find(*text, 0);
  if (!match) return Value();
  return match_object(program_, text, *match, position_);
}

}  // namespace

std::shared_ptr<const RegexProgram> RegexProgram::compile(std::string_view pattern,
                                                          std::string_view flags) {
  std::shared_ptr<RegexProgram> program(new RegexProgram());
  program->source_ = std::string(pattern);
  PatternTranslator translator(pattern);
  std::optional<std::string> translated = translator.run();
  if (!translated) {
    program->error_ = translator.error();
    return program;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(flags.find('i') == std::string_view::npos);
  std::string text = flags.find('m') != std::string_view::npos ? "(?m)" + *translated : *translated;
  program->re2_ = std::make_unique<RE2>(text, options);
  if (!program->re2_->ok()) {
    program->error_ = program->re2_->error();
    program->re2_.reset();
    return program;
  }
  program->groups_ = program->re2_->NumberOfCapturingGroups();
  return program;
}

RegexProgram::~RegexProgram() = default;

std::optional<RegexProgram::Match> RegexProgram::find(std::string_view text, size_t from) const {
  if (!re2_ || from > text.size()) return std::nullopt;
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(groups_) + 1);
  if (!re2_->Match(text, from, text.size(), RE2::UNANCHORED, pieces.data(),
                   static_cast<int>(pieces.size()))) {
    return std::nullopt;
  }
  Match match;
  match.start = static_cast<size_t>(pieces[0].data() - text.data());
  match.end = match.start + pieces[0].size();
  for (size_t i = 1; i < pieces.size(); ++i) {
    if (pieces[i].data() == nullptr) {
      match.groups.emplace_back(std::nullopt);
    } else {
      match.groups.emplace_back(std::string(pieces[i].data(), pieces[i].size()));
    }
  }
  return match;
}

Value regex_function(std::shared_ptr<const RegexProgram> program, uint32_t position) {
  if (const std::string* problem = program->error()) {
    throw_error(
        "D1011", position,
        "The regular expression /" + program->source() + "/ cannot be evaluated: " + *problem);
  }
  return Value::function(std::make_shared<RegexMatcherFunction>(std::move(program), position));
}

const RegexProgram* regex_program_of(const Value& function) {
  if (!function.is_function()) return nullptr;
  const auto* matcher = dynamic_cast<const RegexMatcherFunction*>(&function.as_function());
  return matcher ? &matcher->program() : nullptr;
}

size_t utf16_length(std::string_view utf8) {
  size_t units = 0;
  for (char c : utf8) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // four-byte sequences need a surrogate pair
  }
  return units;
}

}  // namespace wflint::jsonata
