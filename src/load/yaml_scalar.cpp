#include "load/yaml_scalar.h"

#include <re2/re2.h>

namespace wflint {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_break(char c) {
  return c == '\n' || c == '\r';
}

std::size_t line_end(std::string_view text, std::size_t from) {
  std::size_t end = text.find('\n', from);
  return end == std::string_view::npos ? text.size() : end;
}

std::size_t line_start(std::string_view text, std::size_t at) {
  std::size_t newline = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t indent_of_line(std::string_view text, std::size_t start) {
  std::size_t i = start;
  while (i < text.size() && text[i] == ' ')
    ++i;
  return i - start;
}

std::size_t trim_back(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && (is_blank(text[end - 1]) || text[end - 1] == '\r'))
    --end;
  return end;
}

// Skips "!tag " and "&anchor " written before the scalar itself.
std::size_t skip_properties(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == '!' || text[at] == '&')) {
    while (at < text.size() && !is_blank(text[at]) && !is_break(text[at]))
      ++at;
    while (at < text.size() && is_blank(text[at]))
      ++at;
  }
  return at;
}

ScalarExtent double_quoted(std::string_view text, std::size_t open) {
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return {static_cast<uint32_t>(i + 1), false, false};
    }
  }
  return {static_cast<uint32_t>(text.size()), false, true};
}

ScalarExtent single_quoted(std::string_view text, std::size_t open) {
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (i + 1 < text.size() && text[i + 1] == '\'') {
      ++i;
      continue;
    }
    return {static_cast<uint32_t>(i + 1), false, false};
  }
  return {static_cast<uint32_t>(text.size()), false, true};
}

// A literal (|) or folded (>) block: the header, then every line indented deeper than the line
// that holds the header, blank lines included.
ScalarExtent block(std::string_view text, std::size_t header) {
  const std::size_t parent_indent = indent_of_line(text, line_start(text, header));
  std::size_t end = trim_back(text, header, line_end(text, header));
  std::size_t content_indent = 0;
  for (std::size_t line = line_end(text, header) + 1; line < text.size();) {
    const std::size_t next = line_end(text, line);
    const std::size_t indent = indent_of_line(text, line);
    const bool blank = trim_back(text, line, next) == line + indent;
    if (!blank) {
      if (indent <= parent_indent || (content_indent && indent < content_indent)) break;
      if (!content_indent) content_indent = indent;
      end = trim_back(text, line, next);
    }
    line = next + 1;
  }
  return {static_cast<uint32_t>(end), false, false};
}

// End of plain text on one line: before " #", ": ", and in flow context the flow indicators.
std::size_t plain_line_end(std::string_view text, std::size_t from, bool in_flow) {
  const std::size_t eol = line_end(text, from);
  std::size_t i = from;
  for (; i < eol; ++i) {
    char c = text[i];
    if (c == '#' && i > from && is_blank(text[i - 1])) break;
    if (c == ':' && (i + 1 >= eol || is_blank(text[i + 1]) || (in_flow && text[i + 1] == ','))) {
      break;
    }
    if (in_flow && (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')) break;
  }
  return trim_back(text, from, i);
}

ScalarExtent plain(std::string_view text, std::size_t from, std::string_view value, bool in_flow) {
  std::size_t end = plain_line_end(text, from, in_flow);
  std::size_t consumed = end - from;
  // A plain scalar folded over several lines: follow continuation lines until the decoded value
  // is accounted for.
  std::size_t line = line_end(text, from) + 1;
  while (consumed < value.size() && line < text.size()) {
    std::size_t content = line + indent_of_line(text, line);
    while (content < text.size() && is_blank(text[content]))
      ++content;
    const std::size_t eol = line_end(text, line);
    if (content < eol && text[content] == '#') break;
    const std::size_t content_end = plain_line_end(text, content, in_flow);
    consumed += (content_end - content) + 1;
    if (content_end > content) end = content_end;
    line = eol + 1;
  }
  return {static_cast<uint32_t>(end), true, false};
}

}  // namespace

ScalarExtent yaml_scalar_extent(std::string_view text, uint32_t begin, std::string_view value,
                                bool in_flow) {
  const std::size_t at = skip_properties(text, begin);
  if (at >= text.size()) return {static_cast<uint32_t>(text.size()), true, false};
  switch (text[at]) {
    case '"':
      return double_quoted(text, at);
    case '\'':
      return single_quoted(text, at);
    case '|':
    case '>':
      return block(text, at);
    default:
      return plain(text, at, value, in_flow);
  }
}

ScalarValue resolve_yaml_scalar(std::string_view value, bool plain_untagged, bool null_event) {
  if (null_event) return {NodeKind::Null, false};
  if (!plain_untagged) return {NodeKind::String, false};
  if (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL") {
    return {NodeKind::Null, false};
  }
  if (value == "true" || value == "True" || value == "TRUE") return {NodeKind::Bool, true};
  if (value == "false" || value == "False" || value == "FALSE") return {NodeKind::Bool, false};
  // The YAML 1.2 core schema's int and float forms.
  static const RE2 kNumber(
      R"([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  if (RE2::FullMatch(value, kNumber)) return {NodeKind::Number, false};
  return {NodeKind::String, false};
}

std::string_view null_literal_at(std::string_view text, uint32_t offset) {
  for (std::string_view literal : {"~", "null", "Null", "NULL"}) {
    if (text.substr(offset, literal.size()) != literal) continue;
    std::size_t after = offset + literal.size();
    if (after < text.size()) {
      char c = text[after];
      if (!(is_blank(c) || is_break(c) || c == ',' || c == ']' || c == '}' || c == '#')) continue;
    }
    return text.substr(offset, literal.size());
  }
  return {};
}

uint32_t flow_container_end(std::string_view text, uint32_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    char c = text[i];
    if (c == ']' || c == '}') return static_cast<uint32_t>(i + 1);
    if (c == '#') {
      i = line_end(text, i);
    } else if (!(is_blank(c) || is_break(c) || c == ',')) {
      break;
    }
  }
  return from;
}

}  // namespace wflint
