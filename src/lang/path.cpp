#include "lang/path.h"

#include <fmt/format.h>

#include <algorithm>

#include "lang/scan.h"

namespace wflint::lang {

namespace {

constexpr std::string_view kFieldHelp = R"(fields are written "$.name" or "$['name']")";
constexpr std::string_view kBracketHelp =
    R"(brackets hold an index ([0]), a quoted field name (['name']), '*' or a filter ([?(...)]))";

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

class PathParser {
 public:
  explicit PathParser(std::string_view text) : text_(trim_end(text)) {}

  PathResult run() {
    if (parse_root()) {
      while (pos_ < text_.size() && parse_segment()) {
      }
    }
    return std::move(result_);
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void skip_spaces() {
    while (!at_end() && is_space(text_[pos_]))
      ++pos_;
  }

  bool fail(std::size_t offset, std::size_t length, std::string message, std::string help = {}) {
    result_.error = error_within(text_, offset, length, std::move(message), std::move(help));
    return false;
  }

  bool parse_root();
  bool parse_segment();
  bool parse_dot(std::size_t start);
  bool parse_dot_wildcard(std::size_t start, bool recursive);
  bool parse_dot_name(std::size_t start, bool recursive);
  bool fail_spaced_name(std::size_t name_offset);
  bool fail_script_expression(std::size_t bracket);
  bool parse_bracket(std::size_t start, bool recursive);
  bool parse_filter(std::size_t start, std::size_t bracket, bool recursive);
  bool parse_quoted_fields(std::size_t start, std::size_t bracket, bool recursive);
  bool parse_quoted_name(std::string& name, std::size_t& name_offset);
  bool parse_indexes(std::size_t start, std::size_t bracket, bool recursive);
  bool parse_index_item(bool& is_slice);
  bool parse_integer(bool& found);
  bool expect_close(std::size_t bracket);

  void add(SegmentKind kind, std::size_t start, bool recursive) {
    PathSegment& segment = result_.path.segments.emplace_back();
    segment.kind = kind;
    segment.recursive = recursive;
    segment.offset = u32(start);
    segment.length = u32(pos_ - start);
  }
  void add_field(std::size_t start, bool recursive, std::string name, std::size_t name_offset,
                 std::size_t name_length) {
    add(SegmentKind::Field, start, recursive);
    PathSegment& segment = result_.path.segments.back();
    segment.name = std::move(name);
    segment.name_offset = u32(name_offset);
    segment.name_length = u32(name_length);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  PathResult result_;
};

bool PathParser::parse_root() {
  if (text_.empty()) {
    return fail(0, 0, "path is empty", R"(a path starts with '$', for example "$.order.id")");
  }
  if (text_[0] != '$') {
    return fail(0, 1, "path does not start with '$'",
                R"(a path starts with '$', for example "$.order.id")");
  }
  Path& path = result_.path;
  pos_ = 1;
  if (peek() == '$') {
    path.root = PathRoot::Context;
    pos_ = 2;
  } else if (is_identifier_start(peek())) {
    path.root = PathRoot::Variable;
    while (!at_end() && is_identifier_char(text_[pos_]))
      ++pos_;
    path.variable = std::string(text_.substr(1, pos_ - 1));
  }
  path.root_length = u32(pos_);
  if (at_end() || peek() == '.' || peek() == '[') return true;
  return fail(pos_, 1,
              fmt::format("unexpected {} after \"{}\"", describe(peek()), text_.substr(0, pos_)),
              std::string(kFieldHelp));
}

bool PathParser::parse_segment() {
  const std::size_t start = pos_;
  if (peek() == '[') return parse_bracket(start, false);
  if (peek() == '.') return parse_dot(start);
  return fail(pos_, 1, fmt::format("unexpected {}; expected '.' or '['", describe(peek())),
              std::string(kFieldHelp));
}

bool PathParser::parse_dot(std::size_t start) {
  const bool recursive = peek(1) == '.';
  pos_ += recursive ? 2 : 1;
  if (at_end()) {
    return fail(start, pos_ - start, recursive ? "path ends with '..'" : "path ends with '.'",
                "name a field after the dot, or remove the dot");
  }
  switch (peek()) {
    case '.':
      return fail(pos_, 1, "too many dots in a row", std::string(kFieldHelp));
    case '[':
      return parse_bracket(start, recursive);
    case '*':
      return parse_dot_wildcard(start, recursive);
    default:
      return parse_dot_name(start, recursive);
  }
}

bool PathParser::parse_dot_wildcard(std::size_t start, bool recursive) {
  ++pos_;
  if (!at_end() && peek() != '.' && peek() != '[') {
    return fail(pos_, 1, fmt::format("unexpected {} after '*'", describe(peek())),
                std::string(kFieldHelp));
  }
  add(SegmentKind::Wildcard, start, recursive);
  return true;
}

bool PathParser::parse_dot_name(std::size_t start, bool recursive) {
  const std::size_t name_offset = pos_;
  std::string name;
  while (!at_end() && peek() != '.' && peek() != '[') {
    const char c = peek();
    if (c == '\\' && pos_ + 1 < text_.size()) {  // "$.store\.book": an escaped dot
      name.push_back(text_[pos_ + 1]);
      pos_ += 2;
      continue;
    }
    if (is_space(c)) return fail_spaced_name(name_offset);
    if (c == '(') {
      const std::size_t close = text_.find(')', pos_);
      const std::size_t end = close == std::string_view::npos ? text_.size() : close + 1;
      return fail(name_offset, end - name_offset,
                  fmt::format("JSONPath functions such as {}() are not supported", name),
                  "Step Functions cannot call functions in a path; in a payload template, use an "
                  "intrinsic function such as States.ArrayLength($.items)");
    }
    name.push_back(c);
    ++pos_;
  }
  add_field(start, recursive, std::move(name), name_offset, pos_ - name_offset);
  return true;
}

bool PathParser::fail_spaced_name(std::size_t name_offset) {
  const std::size_t end = std::min(text_.find_first_of(".[", name_offset), text_.size());
  const std::string_view name = text_.substr(name_offset, end - name_offset);
  return fail(name_offset, end - name_offset,
              fmt::format("field name \"{}\" after '.' contains whitespace", name),
              fmt::format("write a field name with spaces in brackets: \"$['{}']\"", name));
}

// Goessner's [(@.length-1)]: Jayway JsonPath, which Step Functions uses, has none.
bool PathParser::fail_script_expression(std::size_t bracket) {
  const std::size_t close = text_.find(']', pos_);
  const std::size_t end = close == std::string_view::npos ? text_.size() : close + 1;
  return fail(bracket, end - bracket,
              "JSONPath script expressions such as [(@.length-1)] are not supported",
              "use [-1] for the last element, or a filter such as [?(@.price < 10)]");
}

bool PathParser::parse_bracket(std::size_t start, bool recursive) {
  const std::size_t bracket = pos_;
  ++pos_;
  skip_spaces();
  if (at_end()) return fail(bracket, 1, "unclosed '['", "add the closing ']'");
  const char c = peek();
  if (c == '?') return parse_filter(start, bracket, recursive);
  if (c == '\'' || c == '"') return parse_quoted_fields(start, bracket, recursive);
  if (is_digit(c) || c == '-' || c == ':') return parse_indexes(start, bracket, recursive);
  if (c == '*') {
    ++pos_;
    if (!expect_close(bracket)) return false;
    add(SegmentKind::Wildcard, start, recursive);
    return true;
  }
  if (c == ']')
    return fail(bracket, pos_ + 1 - bracket, "empty brackets", std::string(kBracketHelp));
  if (c == '(') return fail_script_expression(bracket);
  return fail(pos_, 1, fmt::format("unexpected {} inside brackets", describe(c)),
              std::string(kBracketHelp));
}

// Skips the filter expression by matching parentheses (outside quoted strings).
bool PathParser::parse_filter(std::size_t start, std::size_t bracket, bool recursive) {
  const std::size_t question = pos_;
  ++pos_;
  skip_spaces();
  if (peek() != '(') {
    return fail(question, 1, "filter is not written '?(...)'",
                "a filter is written [?(@.price < 10)]");
  }
  int depth = 0;
  char quote = '\0';
  bool closed = false;
  for (; !at_end() && !closed; ++pos_) {
    const char c = text_[pos_];
    if (quote != '\0') {
      if (c == '\\') {
        ++pos_;
      } else if (c == quote) {
        quote = '\0';
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      closed = --depth == 0;
    }
  }
  if (!closed) {
    return fail(question, text_.size() - question, "unclosed filter '?('",
                "close the filter with ')]'");
  }
  if (!expect_close(bracket)) return false;
  add(SegmentKind::Filter, start, recursive);
  return true;
}

bool PathParser::parse_quoted_name(std::string& name, std::size_t& name_offset) {
  const char quote = peek();
  const std::size_t open = pos_;
  ++pos_;
  name_offset = pos_;
  while (!at_end() && peek() != quote) {
    // Only an escaped quote or backslash loses its backslash: AWS finds the field named
    // Test\"x for ['Test\"x'].
    if (peek() == '\\' && (peek(1) == quote || peek(1) == '\\')) ++pos_;
    name.push_back(text_[pos_]);
    ++pos_;
  }
  if (at_end()) {
    return fail(open, text_.size() - open, "unclosed quoted field name",
                fmt::format("close the name with {}", quote));
  }
  ++pos_;
  return true;
}

bool PathParser::parse_quoted_fields(std::size_t start, std::size_t bracket, bool recursive) {
  std::string first_name;
  std::size_t first_offset = 0, first_length = 0;
  int count = 0;
  for (;;) {
    if (peek() != '\'' && peek() != '"') {
      if (at_end()) return fail(bracket, 1, "unclosed '['", "add the closing ']'");
      return fail(pos_, 1,
                  fmt::format("unexpected {}; expected a quoted field name", describe(peek())),
                  std::string(kBracketHelp));
    }
    std::string name;
    std::size_t name_offset = 0;
    if (!parse_quoted_name(name, name_offset)) return false;
    if (++count == 1) {
      first_name = std::move(name);
      first_offset = name_offset;
      first_length = pos_ - 1 - name_offset;
    }
    skip_spaces();
    if (peek() != ',') break;
    ++pos_;
    skip_spaces();
  }
  if (!expect_close(bracket)) return false;
  if (count == 1) {
    add_field(start, recursive, std::move(first_name), first_offset, first_length);
    result_.path.segments.back().quoted = true;
  } else {
    add(SegmentKind::Union, start, recursive);
  }
  return true;
}

// An optional integer; `found` tells whether there was one. Fails on a '-' without digits.
bool PathParser::parse_integer(bool& found) {
  const std::size_t begin = pos_;
  if (peek() == '-') ++pos_;
  while (!at_end() && is_digit(peek()))
    ++pos_;
  found = pos_ > begin;
  if (found && !is_digit(text_[pos_ - 1])) {
    return fail(begin, pos_ - begin, "'-' is not followed by digits",
                "write a negative index as -1");
  }
  return true;
}

// One index (2) or slice (1:3, :2, -3:, 0:10:2) of an index list.
bool PathParser::parse_index_item(bool& is_slice) {
  bool found = false;
  if (!parse_integer(found)) return false;
  skip_spaces();
  is_slice = peek() == ':';
  if (!is_slice) {
    if (found) return true;
    return fail(pos_, 1, fmt::format("unexpected {}; expected an index", describe(peek())),
                std::string(kBracketHelp));
  }
  for (int parts = 0; parts < 2 && peek() == ':'; ++parts) {
    ++pos_;
    skip_spaces();
    if (!parse_integer(found)) return false;
    skip_spaces();
  }
  return true;
}

bool PathParser::parse_indexes(std::size_t start, std::size_t bracket, bool recursive) {
  int count = 0;
  bool any_slice = false;
  for (;;) {
    bool is_slice = false;
    if (!parse_index_item(is_slice)) return false;
    ++count;
    any_slice = any_slice || is_slice;
    if (peek() != ',') break;
    ++pos_;
    skip_spaces();
  }
  if (any_slice && count > 1) {
    return fail(bracket, pos_ - bracket, "a slice cannot be combined with other indexes",
                "use either one slice such as [1:3] or a list of indexes such as [1,2]");
  }
  if (!expect_close(bracket)) return false;
  add(any_slice   ? SegmentKind::Slice
      : count > 1 ? SegmentKind::Union
                  : SegmentKind::Index,
      start, recursive);
  return true;
}

bool PathParser::expect_close(std::size_t bracket) {
  skip_spaces();
  if (at_end()) return fail(bracket, 1, "unclosed '['", "add the closing ']'");
  if (peek() != ']') {
    return fail(pos_, 1, fmt::format("unexpected {}; expected ']'", describe(peek())),
                std::string(kBracketHelp));
  }
  ++pos_;
  return true;
}

std::string_view multi_node_feature(const PathSegment& segment) {
  if (segment.recursive) return "recursive descent '..'";
  switch (segment.kind) {
    case SegmentKind::Wildcard:
      return "a wildcard";
    case SegmentKind::Slice:
      return "a slice";
    case SegmentKind::Union:
      return "a union";
    case SegmentKind::Filter:
      return "a filter";
    case SegmentKind::Field:
    case SegmentKind::Index:
      break;
  }
  return {};
}

// The specification reserves @ , : and ? in reference paths; in a quoted name they are text.
std::optional<LangError> operator_error(std::string_view text, const Path& path) {
  for (const PathSegment& segment : path.segments) {
    if (segment.kind != SegmentKind::Field || segment.quoted) continue;
    const std::string_view name = text.substr(segment.name_offset, segment.name_length);
    const std::size_t at = name.find_first_of("@,:?");
    if (at == std::string_view::npos) continue;
    return LangError{segment.name_offset + u32(at), 1,
                     fmt::format("a reference path cannot use the operator '{}'", name[at]),
                     "Step Functions reserves @ , : and ? in reference paths, which must "
                     "identify a single node"};
  }
  return std::nullopt;
}

}  // namespace

PathResult parse_path(std::string_view text) {
  return PathParser(text).run();
}

PathResult parse_reference_path(std::string_view text) {
  PathResult result = parse_path(text);
  if (result.ok()) result.error = single_node_error(result.path);
  if (result.ok()) result.error = operator_error(text, result.path);
  return result;
}

std::optional<LangError> single_node_error(const Path& path) {
  for (const PathSegment& segment : path.segments) {
    const std::string_view feature = multi_node_feature(segment);
    if (feature.empty()) continue;
    return LangError{segment.offset, segment.length,
                     fmt::format("a reference path cannot use {}", feature),
                     "a reference path must identify a single node: use field names and single "
                     "indexes only, such as \"$.items[0].id\""};
  }
  return std::nullopt;
}

void shift_offsets(Path& path, uint32_t delta) {
  for (PathSegment& segment : path.segments) {
    segment.offset += delta;
    segment.name_offset += delta;
  }
}

}  // namespace wflint::lang
