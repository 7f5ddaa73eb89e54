#include "load/yaml_tag_lines.h"

namespace wflint {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// A line that holds only a tag and a block scalar header: "!Sub |", "!Sub >-", "!Sub |2".
bool is_tag_with_block_header(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && line[at] == ' ')
    ++at;
  if (at >= line.size() || line[at] != '!') return false;
  while (at < line.size() && !is_blank(line[at]))
    ++at;
  while (at < line.size() && is_blank(line[at]))
    ++at;
  if (at >= line.size() || (line[at] != '|' && line[at] != '>')) return false;
  for (++at; at < line.size(); ++at) {
    const char c = line[at];
    if (c != '-' && c != '+' && !(c >= '1' && c <= '9') && !is_blank(c)) return false;
  }
  return true;
}

// A line that ends with a mapping key and no value ("  DefinitionString:").
bool ends_with_bare_key(std::string_view line) {
  while (!line.empty() && is_blank(line.back()))
    line.remove_suffix(1);
  return line.size() > 1 && line.back() == ':' && line.find('#') == std::string_view::npos;
}

}  // namespace

std::optional<JoinedTagLines> join_tag_lines(std::string_view text) {
  if (text.find("\n") == std::string_view::npos || text.find('!') == std::string_view::npos)
    return std::nullopt;
  JoinedTagLines out;
  out.anchors.push_back({0, 0});
  std::size_t copied = 0;  // text before this offset is in out.text
  std::size_t previous_line = 0;
  std::size_t line = text.find('\n');
  bool joined = false;
  while (line != std::string_view::npos && line + 1 < text.size()) {
    const std::size_t begin = line + 1;
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::string_view current = text.substr(begin, end - begin);
    if (is_tag_with_block_header(current) &&
        ends_with_bare_key(text.substr(previous_line, line - previous_line))) {
      std::size_t tag = begin;
      while (text[tag] == ' ')
        ++tag;
      out.text.append(text.substr(copied, line - copied));
      out.text.push_back(' ');
      out.anchors.push_back({static_cast<uint32_t>(out.text.size()), static_cast<uint32_t>(tag)});
      copied = tag;
      joined = true;
    }
    previous_line = begin;
    line = end < text.size() ? end : std::string_view::npos;
  }
  if (!joined) return std::nullopt;
  out.text.append(text.substr(copied));
  return out;
}

}  // namespace wflint
