#include "load/placeholders.h"

namespace wflint {
namespace {

// Calls `visit(begin, end)` for each ${...} outside JSON strings; `end` is past the "}".
template <class Visit>
void for_each_bare_placeholder(std::string_view json, Visit visit) {
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '$' && i + 1 < json.size() && json[i + 1] == '{') {
      const std::size_t close = json.find('}', i + 2);
      if (close == std::string_view::npos) return;
      if (!visit(i, close + 1)) return;
      i = close;
    }
  }
}

}  // namespace

bool has_bare_placeholder(std::string_view json) {
  if (json.find("${") == std::string_view::npos) return false;
  bool found = false;
  for_each_bare_placeholder(json, [&](std::size_t, std::size_t) {
    found = true;
    return false;
  });
  return found;
}

std::string quote_bare_placeholders(std::string_view json) {
  std::string out(json);
  if (json.find("${") == std::string_view::npos) return out;
  for_each_bare_placeholder(json, [&](std::size_t begin, std::size_t end) {
    out[begin] = '"';
    out[begin + 1] = '$';
    for (std::size_t i = begin + 2; i + 1 < end; ++i)
      out[i] = json[i - 1] == '"' ? '\'' : json[i - 1];
    out[end - 1] = '"';
    return true;
  });
  return out;
}

}  // namespace wflint
