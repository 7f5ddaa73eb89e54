#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wflint {

// Whether JSON text holds a ${...} where a value goes (`"TimeoutSeconds": ${Timeout}`): a
// definition written to be filled in (SAM DefinitionSubstitutions, Terraform templatefile()).
bool has_bare_placeholder(std::string_view json);

// The same text with each such placeholder turned into a JSON string of the same length
// ("${Timeout}" becomes "\"${Timeou\""), so it parses, the rules take the value as filled in
// later, and every offset still maps to the file.
std::string quote_bare_placeholders(std::string_view json);

// A range [begin, end) of a text.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
};

// Where the placeholder of some template language that starts at `at` ends (one past its last
// character); npos when none starts there.
using PlaceholderEnd = std::size_t (*)(std::string_view text, std::size_t at);

// JSON text with each placeholder replaced by JSON of the same length, so an offset in one is the
// same offset in the other: letters inside a string literal, a number where a value goes.
struct FilledJson {
  std::string text;
  std::vector<TextRange> placeholders;  // every one
  std::vector<TextRange> unquoted;      // those written where a value goes

  // An unquoted placeholder may stand for any JSON text, a whole object or several members: a
  // syntax error there depends on what it holds.
  bool in_unquoted(std::size_t offset) const;
  bool in_placeholder(std::size_t offset) const;
};
FilledJson fill_placeholders(std::string_view json, PlaceholderEnd placeholder_end);

}  // namespace wflint
