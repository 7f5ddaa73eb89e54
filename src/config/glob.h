#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace wflint::config {

// A path pattern of the configuration, matched against paths relative to the configuration's
// directory, as .gitignore patterns are: `*` and `?` stay within one path segment, `**` crosses
// segments, `[abc]` and `[!abc]` are classes. A pattern with no '/' but a trailing one matches a
// name at any depth; a pattern naming a directory also matches everything below it, and a trailing
// '/' matches directories only. Compiled once to RE2, so matching takes linear time.
class Glob {
 public:
  // nullopt, with `error` set, for a malformed pattern (an unclosed class).
  static std::optional<Glob> compile(std::string_view pattern, std::string& error);

  // `path`: relative to the configuration's directory, '/'-separated, without "./".
  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::shared_ptr<const re2::RE2> regex_;
};

}  // namespace wflint::config
