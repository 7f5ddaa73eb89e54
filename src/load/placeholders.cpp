#include "load/placeholders.h"

namespace wflint {
namespace {

std::size_t dollar_brace_end(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "${") return std::string_view::npos;
  const std::size_t close = text.find('}', at + 2);
  return close == std::string_view::npos ? close : close + 1;
}

bool any_contains(const std::vector<TextRange>& ranges, std::size_t offset) {
  for (const TextRange& range : ranges) {
    if (range.contains(offset)) return true;
  }
  return false;
}

}  // namespace

bool FilledJson::in_unquoted(std::size_t offset) const {
  return any_contains(unquoted, offset);
}

bool FilledJson::in_placeholder(std::size_t offset) const {
  return any_contains(placeholders, offset);
}

bool has_bare_placeholder(std::string_view json) {
  return json.find("${") != std::string_view::npos &&
         !fill_placeholders(json, &dollar_brace_end).unquoted.empty();
}

std::string quote_bare_placeholders(std::string_view json) {
  std::string out(json);
  if (json.find("${") == std::string_view::npos) return out;
  for (const TextRange& range : fill_placeholders(json, &dollar_brace_end).unquoted) {
    out[range.begin] = '"';
    out[range.begin + 1] = '$';
    for (std::size_t i = range.begin + 2; i + 1 < range.end; ++i)
      out[i] = json[i - 1] == '"' ? '\'' : json[i - 1];
    out[range.end - 1] = '"';
  }
  return out;
}

FilledJson fill_placeholders(std::string_view json, PlaceholderEnd placeholder_end) {
  FilledJson out{std::string(json), {}, {}};
  bool in_string = false;
  bool escaped = false;
  std::size_t i = 0;
  while (i < json.size()) {
    if (const std::size_t end = placeholder_end(json, i); end != std::string_view::npos) {
      out.placeholders.push_back({i, end});
      if (in_string) {
        out.text.replace(i, end - i, end - i, 'x');
      } else {
        out.text.replace(i, end - i, end - i, ' ');
        out.text[i] = '0';
        out.unquoted.push_back({i, end});
      }
      escaped = false;
      i = end;
      continue;
    }
    const char c = json[i++];
    if (!in_string) {
      in_string = c == '"';
    } else if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '"') {
      in_string = false;
    }
  }
  return out;
}

}  // namespace wflint
