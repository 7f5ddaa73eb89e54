#include "jsonata/js_regex.h"

#include <vector>

namespace wflint::jsonata {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

class RegexChecker {
 public:
  explicit RegexChecker(std::string_view pattern) : pattern_(pattern) {}

  std::optional<RegexProblem> check() {
    while (position_ < pattern_.size() && !problem_)
      step();
    if (!problem_ && !open_groups_.empty()) {
      report(open_groups_.back(), "unterminated group: \"(\" has no matching \")\"");
    }
    return problem_;
  }

 private:
  char at(size_t i) const { return i < pattern_.size() ? pattern_[i] : '\0'; }
  void report(size_t offset, std::string message) {
    if (!problem_) problem_ = RegexProblem{static_cast<uint32_t>(offset), std::move(message)};
  }

  void step() {
    char c = pattern_[position_];
    switch (c) {
      case '\\':
        escape();
        break;
      case '(':
        open_group();
        break;
      case ')':
        close_group();
        break;
      case '[':
        character_class();
        break;
      case '*':
      case '+':
      case '?':
        quantifier(position_ + 1);
        break;
      case '{':
        brace();
        break;
      case '|':
      case '^':
      case '$':
        can_repeat_ = false;
        ++position_;
        break;
      default:
        can_repeat_ = true;
        ++position_;
    }
  }

  void escape() {
    if (position_ + 1 >= pattern_.size()) {
      report(position_, "\"\\\" at end of pattern");
      position_ = pattern_.size();
      return;
    }
    char escaped = pattern_[position_ + 1];
    can_repeat_ = escaped != 'b' && escaped != 'B';
    position_ += 2;
  }

  void open_group() {
    size_t start = position_;
    can_repeat_ = false;
    if (at(position_ + 1) != '?') {
      open_groups_.push_back(start);
      group_repeatable_.push_back(true);
      ++position_;
      return;
    }
    char kind = at(position_ + 2);
    bool repeatable = true;
    size_t body = position_ + 3;
    if (kind == ':' || kind == '=' || kind == '!') {
      // plain non-capturing group or lookahead
    } else if (kind == '<' && (at(position_ + 3) == '=' || at(position_ + 3) == '!')) {
      repeatable = false;  // lookbehind
      body = position_ + 4;
    } else if (kind == '<') {
      size_t name_end = position_ + 3;
      while (is_word_char(at(name_end)))
        ++name_end;
      if (name_end == position_ + 3 || at(name_end) != '>' || is_digit(at(position_ + 3))) {
        report(start, "invalid group name: write (?<name>...)");
        return;
      }
      body = name_end + 1;
    } else {
      report(start,
             "invalid group: \"(?\" must be followed by \":\", \"=\", \"!\", \"<=\", \"<!\" "
             "or \"<name>\"");
      return;
    }
    open_groups_.push_back(start);
    group_repeatable_.push_back(repeatable);
    position_ = body;
  }

  void close_group() {
    if (open_groups_.empty()) {
      report(position_, "unmatched \")\"");
      return;
    }
    can_repeat_ = group_repeatable_.back();
    open_groups_.pop_back();
    group_repeatable_.pop_back();
    ++position_;
  }

  // Reads one class member at position_, returning its character or -1 for a class escape
  // like \d that stands for many characters.
  int class_atom() {
    char c = pattern_[position_];
    if (c != '\\') {
      ++position_;
      return static_cast<unsigned char>(c);
    }
    char escaped = at(position_ + 1);
    position_ += 2;
    switch (escaped) {
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
        return -1;
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      default:
        // \x, \u, \c and the like stand for characters this check does not decode.
        return is_word_char(escaped) ? -2 : static_cast<unsigned char>(escaped);
    }
  }

  void character_class() {
    size_t start = position_++;
    if (at(position_) == '^') ++position_;
    while (position_ < pattern_.size() && pattern_[position_] != ']') {
      size_t from_offset = position_;
      int from = class_atom();
      if (at(position_) == '-' && at(position_ + 1) != ']' && position_ + 1 < pattern_.size()) {
        ++position_;
        int to = class_atom();
        if (from >= 0 && to >= 0 && from > to) {
          report(from_offset, "range out of order in character class");
          return;
        }
      }
    }
    if (position_ >= pattern_.size()) {
      report(start, "unterminated character class: \"[\" has no matching \"]\"");
      return;
    }
    ++position_;
    can_repeat_ = true;
  }

  // A quantifier ends at `after`; an optional "?" makes it lazy.
  void quantifier(size_t after) {
    if (!can_repeat_) {
      report(position_, "nothing to repeat before the quantifier");
      return;
    }
    position_ = after;
    if (at(position_) == '?') ++position_;
    can_repeat_ = false;
  }

  // "{n}", "{n,}" and "{n,m}" are quantifiers; any other "{" is a literal character.
  void brace() {
    size_t i = position_ + 1;
    size_t min_start = i;
    while (is_digit(at(i)))
      ++i;
    if (i == min_start) return literal_brace();
    std::string_view min = pattern_.substr(min_start, i - min_start);
    std::string_view max = min;
    if (at(i) == ',') {
      size_t max_start = ++i;
      while (is_digit(at(i)))
        ++i;
      max = pattern_.substr(max_start, i - max_start);
    }
    if (at(i) != '}') return literal_brace();
    if (!max.empty() && numeric_less(max, min)) {
      report(position_, "numbers out of order in {} quantifier");
      return;
    }
    quantifier(i + 1);
  }

  void literal_brace() {
    can_repeat_ = true;
    ++position_;
  }

  static bool numeric_less(std::string_view a, std::string_view b) {
    while (a.size() > 1 && a.front() == '0')
      a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0')
      b.remove_prefix(1);
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }

  std::string_view pattern_;
  size_t position_ = 0;
  bool can_repeat_ = false;
  std::vector<size_t> open_groups_;
  std::vector<bool> group_repeatable_;
  std::optional<RegexProblem> problem_;
};

}  // namespace

std::optional<RegexProblem> check_js_regex(std::string_view pattern) {
  return RegexChecker(pattern).check();
}

}  // namespace wflint::jsonata
