#include "load/string_offsets.h"

namespace wflint {
namespace {

std::size_t utf8_length(uint32_t code_point) {
  return code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
}

uint32_t hex_value(std::string_view digits) {
  uint32_t value = 0;
  for (char c : digits) {
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : 0;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  return value;
}

// One escape sequence of a double-quoted string starting at raw[at] (a backslash): how many raw
// bytes it takes and how many decoded bytes it yields (JSON's escapes and YAML's \x \U \N ...).
struct Escape {
  std::size_t consumed = 2;
  std::size_t produced = 1;
};

Escape escape_at(std::string_view raw, std::size_t at) {
  Escape escape;
  const char kind = raw[at + 1];
  const std::size_t hex_digits = kind == 'u' ? 4 : kind == 'x' ? 2 : kind == 'U' ? 8 : 0;
  if (hex_digits > 0 && at + 2 + hex_digits <= raw.size()) {
    escape.consumed = 2 + hex_digits;
    uint32_t code_point = hex_value(raw.substr(at + 2, hex_digits));
    const bool high_surrogate = code_point >= 0xD800 && code_point < 0xDC00;
    if (kind == 'u' && high_surrogate && raw.substr(at + 6, 2) == "\\u") {
      escape.consumed += 6;
      code_point = 0x10000;
    }
    escape.produced = utf8_length(code_point);
  } else if (kind == 'N' || kind == '_') {
    escape.produced = 2;  // U+0085, U+00A0
  } else if (kind == 'L' || kind == 'P') {
    escape.produced = 3;  // U+2028, U+2029
  }
  return escape;
}

// The common case, a one-line double-quoted string: every escape is decoded in place.
std::vector<uint32_t> one_line_quoted_offsets(std::string_view raw, std::string_view value) {
  std::vector<uint32_t> offsets;
  offsets.reserve(value.size() + 1);
  std::size_t i = 1;
  const std::size_t end = raw.size() - 1;
  while (i < end) {
    const Escape escape = raw[i] == '\\' && i + 1 < end ? escape_at(raw, i) : Escape{1, 1};
    for (std::size_t k = 0; k < escape.produced; ++k)
      offsets.push_back(static_cast<uint32_t>(i));
    i += escape.consumed;
  }
  offsets.push_back(static_cast<uint32_t>(end));
  if (offsets.size() != value.size() + 1) return {};
  return offsets;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Skips a YAML tag ("!Sub ") and anchor ("&name ") written before a scalar.
std::size_t skip_properties(std::string_view raw) {
  std::size_t at = 0;
  while (at < raw.size() && (raw[at] == '!' || raw[at] == '&')) {
    while (at < raw.size() && !is_blank(raw[at]) && raw[at] != '\n')
      ++at;
    while (at < raw.size() && is_blank(raw[at]))
      ++at;
  }
  return at;
}

// The indentation of a block scalar's content: that of its first line that is not empty.
std::size_t block_indentation(std::string_view raw, std::size_t content) {
  std::size_t line = content;
  while (line < raw.size()) {
    std::size_t at = line;
    while (at < raw.size() && raw[at] == ' ')
      ++at;
    if (at < raw.size() && raw[at] != '\n') return at - line;
    line = at + 1;
  }
  return 0;
}

// Lines up the decoded value with the raw text from `at` on, byte by byte: a line break of a
// folded scalar may decode to a space or vanish, and after each line break the indentation (at
// most `indentation` spaces for a block scalar; all blanks for a flow scalar) is not content.
class Aligner {
 public:
  Aligner(std::string_view raw, std::string_view value, bool block, std::size_t indentation)
      : raw_(raw), value_(value), block_(block), indentation_(indentation) {}

  std::vector<uint32_t> align(std::size_t at, char quote) {
    std::vector<uint32_t> offsets;
    offsets.reserve(value_.size() + 1);
    std::size_t i = 0;
    bool line_start = block_;  // a block scalar's content starts on an indented line
    while (i < value_.size()) {
      if (line_start) {
        at = skip_indentation(at);
        line_start = false;
        continue;
      }
      if (at >= raw_.size()) {
        // A block scalar's final line break (clip or keep chomping) lies past the span.
        if (value_.find_first_not_of('\n', i) != std::string_view::npos) return {};
        for (; i < value_.size(); ++i)
          offsets.push_back(static_cast<uint32_t>(raw_.size()));
        break;
      }
      const char c = value_[i];
      const char r = raw_[at];
      if (quote == '"' && r == '\\' && at + 1 < raw_.size()) {
        if (raw_[at + 1] == '\n') {  // an escaped line break joins the lines
          at += 2;
          line_start = true;
          continue;
        }
        const Escape escape = escape_at(raw_, at);
        for (std::size_t k = 0; k < escape.produced && i < value_.size(); ++k, ++i)
          offsets.push_back(static_cast<uint32_t>(at));
        at += escape.consumed;
      } else if (quote == '\'' && r == '\'' && c == '\'' && at + 1 < raw_.size() &&
                 raw_[at + 1] == '\'') {
        offsets.push_back(static_cast<uint32_t>(at));
        ++i;
        at += 2;
      } else if (r == c || (r == '\n' && c == ' ')) {
        offsets.push_back(static_cast<uint32_t>(at));
        ++i;
        line_start = r == '\n';
        ++at;
      } else if (r == '\n' || (!block_ && is_blank(r))) {
        // A line break folded away, or trailing blanks of a flow line.
        line_start = r == '\n';
        ++at;
      } else {
        return {};
      }
    }
    offsets.push_back(static_cast<uint32_t>(std::min(at, raw_.size())));
    return offsets;
  }

 private:
  std::size_t skip_indentation(std::size_t at) const {
    std::size_t skipped = 0;
    while (at < raw_.size() &&
           (block_ ? raw_[at] == ' ' && skipped < indentation_ : is_blank(raw_[at]))) {
      ++at;
      ++skipped;
    }
    return at;
  }

  std::string_view raw_;
  std::string_view value_;
  bool block_;
  std::size_t indentation_;
};

}  // namespace

std::vector<uint32_t> decoded_offsets(std::string_view raw, std::string_view value) {
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"' &&
      raw.find('\n') == std::string_view::npos) {
    return one_line_quoted_offsets(raw, value);
  }
  const std::size_t start = skip_properties(raw);
  if (start >= raw.size()) return {};
  const char first = raw[start];
  if (first == '|' || first == '>') {
    const std::size_t newline = raw.find('\n', start);
    if (newline == std::string_view::npos) return {};
    const std::size_t content = newline + 1;
    return Aligner(raw, value, true, block_indentation(raw, content)).align(content, 0);
  }
  if (first == '"' || first == '\'') return Aligner(raw, value, false, 0).align(start + 1, first);
  return Aligner(raw, value, false, 0).align(start, 0);
}

void append_string_anchors(const Node& string, uint32_t at, std::vector<OffsetAnchor>& anchors) {
  const Span span = string.span();
  const std::string_view raw = string.source().text().substr(span.begin, span.end - span.begin);
  const std::string_view value = string.text();
  const std::vector<uint32_t> offsets = decoded_offsets(raw, value);
  if (offsets.empty()) {
    anchors.push_back({at, span.begin});
    for (uint32_t i = 1; i <= value.size(); ++i)
      anchors.push_back({at + i, span.begin});
    return;
  }
  for (uint32_t i = 0; i < offsets.size(); ++i) {
    const uint32_t host = span.begin + offsets[i];
    const bool continues_run = i > 0 && offsets[i] == offsets[i - 1] + 1;
    if (!continues_run) anchors.push_back({at + i, host});
  }
}

std::unique_ptr<Source> string_sub_source(const Node& string) {
  std::vector<OffsetAnchor> anchors;
  append_string_anchors(string, 0, anchors);
  return Source::sub_source(string.source(), string.text(), std::move(anchors));
}

}  // namespace wflint
