#include "load/placeholders.h"

namespace wflint {
namespace {

std::size_t dollar_brace_end(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "${") return std::string_view::npos;
  const std::size_t close = text.find('}', at + 2);
  return close == std::string_view::npos ? close : close + 1;
}

// Calls visit(begin, end, quoted) for each placeholder of `json`, quoted when it is inside a
// string literal, until visit returns false.
template <class Visit>
void scan_placeholders(std::string_view json, PlaceholderEnd placeholder_end, Visit visit) {
  bool in_string = false;
  bool escaped = false;
  std::size_t i = 0;
  while (i < json.size()) {
    if (const std::size_t end = placeholder_end(json, i); end != std::string_view::npos) {
      if (!visit(i, end, in_string)) return;
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
}

// Whether some "${" comes where a value or key may start (after '{', '[', ':' or ','): most files
// hold placeholders only inside strings, and this spares them the scan of every byte.
bool may_have_bare_placeholder(std::string_view json) {
  for (std::size_t at = json.find("${"); at != std::string_view::npos;
       at = json.find("${", at + 2)) {
    const std::size_t before = json.find_last_not_of(" \t\r\n", at == 0 ? 0 : at - 1);
    if (at == 0 || before == std::string_view::npos) return true;
    const char c = json[before];
    if (c == '{' || c == '[' || c == ':' || c == ',') return true;
  }
  return false;
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
  if (!may_have_bare_placeholder(json)) return false;
  bool found = false;
  scan_placeholders(json, &dollar_brace_end, [&](std::size_t, std::size_t, bool quoted) {
    found = !quoted;
    return !found;
  });
  return found;
}

std::string quote_bare_placeholders(std::string_view json) {
  std::string out(json);
  if (!may_have_bare_placeholder(json)) return out;
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
  scan_placeholders(json, placeholder_end, [&](std::size_t begin, std::size_t end, bool quoted) {
    out.placeholders.push_back({begin, end});
    if (quoted) {
      out.text.replace(begin, end - begin, end - begin, 'x');
    } else {
      out.text.replace(begin, end - begin, end - begin, ' ');
      out.text[begin] = '0';
      out.unquoted.push_back({begin, end});
    }
    return true;
  });
  return out;
}

}  // namespace wflint
