#include "config/glob.h"

#include <re2/re2.h>

namespace wflint::config {
namespace {

// The regular expression of a class "[...]" starting at `at`; advances `at` past it. Empty when
// the class is not closed.
std::string character_class(std::string_view pattern, std::size_t& at) {
  std::size_t i = at + 1;
  std::string out = "[";
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    out += '^';
    ++i;
  }
  const std::size_t first = i;
  for (; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == ']' && i > first) {
      at = i + 1;
      // A negated class must not match the separator either.
      return out + (out[1] == '^' ? "/]" : "]");
    }
    if (c == '\\' || c == '[' || c == ']' || c == '^') out += '\\';
    out += c;
  }
  return {};
}

// The body of the regular expression for `pattern` (without anchors), or nullopt when malformed.
std::optional<std::string> translate(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (pattern.substr(i).starts_with("**")) {
      const bool at_segment_start = i == 0 || pattern[i - 1] == '/';
      const bool before_separator = i + 2 < pattern.size() && pattern[i + 2] == '/';
      if (at_segment_start && before_separator) {
        out += "(?:.*/)?";  // "**/": any number of directories, none included
        i += 3;
      } else {
        out += ".*";
        i += 2;
      }
    } else if (c == '*') {
      out += "[^/]*";
      ++i;
    } else if (c == '?') {
      out += "[^/]";
      ++i;
    } else if (c == '[') {
      std::string klass = character_class(pattern, i);
      if (klass.empty()) return std::nullopt;
      out += klass;
    } else if (c == '\\' && i + 1 < pattern.size()) {
      out += RE2::QuoteMeta(pattern.substr(i + 1, 1));
      i += 2;
    } else {
      out += RE2::QuoteMeta(pattern.substr(i, 1));
      ++i;
    }
  }
  return out;
}

}  // namespace

std::optional<Glob> Glob::compile(std::string_view pattern, std::string& error) {
  std::string_view body = pattern;
  const bool directory_only = body.size() > 1 && body.ends_with('/');
  if (directory_only) body.remove_suffix(1);
  const bool anchored = body.find('/') != std::string_view::npos;
  if (body.starts_with('/')) body.remove_prefix(1);
  const std::optional<std::string> translated = translate(body);
  if (!translated || body.empty()) {
    error = body.empty() ? "the pattern is empty" : "the pattern has a '[' that is never closed";
    return std::nullopt;
  }
  const std::string expression =
      std::string(anchored ? "" : "(?:.*/)?") + *translated + (directory_only ? "/.*" : "(?:/.*)?");
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  auto regex = std::make_shared<const RE2>(expression, options);
  if (!regex->ok()) {
    error = "the pattern cannot be read: " + regex->error();
    return std::nullopt;
  }
  Glob glob;
  glob.pattern_ = std::string(pattern);
  glob.regex_ = std::move(regex);
  return glob;
}

bool Glob::matches(std::string_view path) const {
  return RE2::FullMatch(path, *regex_);
}

}  // namespace wflint::config
