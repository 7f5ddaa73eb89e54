#pragma once

// Regular expression literals (/ab+c/i). A regex literal evaluates to a matcher function, as in
// jsonata-js. Called with a string, the matcher returns undefined when there is no match, or
// an object describing the first match:
//
//   { "match": "abbc",       the matched text
//     "start": 3,            offset of the match, in UTF-16 code units as in JavaScript
//     "end": 7,              offset just after it
//     "groups": ["bb", ...], the capture groups' text (undefined for a group that took no part)
//     "next": <function> }   called with no arguments: the next match, or undefined; fails with
//                            D1004 when the next match is empty (it would never progress)
//
// $match, $replace, $split and $contains accept any function following this protocol (a user
// may write one). For regex literals they may instead use the RegexProgram directly, which
// works in UTF-8 byte offsets: `regex_program_of(value)` returns it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jsonata/eval/value.h"

namespace re2 {
class RE2;
}

namespace wflint::jsonata {

class RegexProgram {
 public:
  struct Match {
    size_t start = 0;  // byte offsets in the searched text
    size_t end = 0;
    std::vector<std::optional<std::string>> groups;  // nullopt for a group that did not take part
  };

  // Translates a JavaScript pattern with flags "i" and/or "m" to RE2. Never throws: when the
  // pattern uses what RE2 cannot run (backreferences, lookaround), error() says so.
  static std::shared_ptr<const RegexProgram> compile(std::string_view pattern,
                                                     std::string_view flags);
  ~RegexProgram();
  RegexProgram(const RegexProgram&) = delete;
  RegexProgram& operator=(const RegexProgram&) = delete;

  const std::string& source() const { return source_; }
  // Why the pattern cannot be used; nullptr when it can.
  const std::string* error() const { return error_ ? &*error_ : nullptr; }
  // The first match starting at byte offset `from` or later (JavaScript's exec with lastIndex).
  std::optional<Match> find(std::string_view text, size_t from) const;

 private:
  RegexProgram() = default;
  std::string source_;
  std::optional<std::string> error_;
  std::unique_ptr<re2::RE2> re2_;
  int groups_ = 0;
};

// The matcher function of a regex literal; `position` is the literal's offset, for errors.
// Fails with code "D1011" at evaluation if the pattern cannot be translated.
Value regex_function(std::shared_ptr<const RegexProgram> program, uint32_t position);
// The program behind a regex literal's matcher function; nullptr for other values.
const RegexProgram* regex_program_of(const Value& function);

// UTF-16 code units in UTF-8 text (JavaScript's length), for converting byte offsets.
size_t utf16_length(std::string_view utf8);

}  // namespace wflint::jsonata
