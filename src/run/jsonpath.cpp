#include "run/jsonpath.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace wflint::run {

namespace {

using lang::PathSegment;
using lang::SegmentKind;

// The text between a bracket segment's '[' and ']'.
std::string_view bracket_body(const PathSegment& segment, std::string_view text) {
  std::string_view written = text.substr(segment.offset, segment.length);
  const auto open = written.find('[');
  if (open == std::string_view::npos || written.size() < open + 2) return {};
  return written.substr(open + 1, written.size() - open - 2);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::optional<int64_t> parse_index(std::string_view text) {
  text = trim(text);
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Splits "a, b" on commas outside quotes.
std::vector<std::string_view> split_list(std::string_view body) {
  std::vector<std::string_view> items;
  char quote = '\0';
  std::size_t begin = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (quote != '\0') {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = '\0';
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ',') {
      items.push_back(trim(body.substr(begin, i - begin)));
      begin = i + 1;
    }
  }
  items.push_back(trim(body.substr(begin)));
  return items;
}

std::string unquote(std::string_view item) {
  std::string name;
  if (item.size() < 2) return std::string(item);
  const char quote = item.front();
  for (std::size_t i = 1; i + 1 < item.size(); ++i) {
    if (item[i] == '\\' && (item[i + 1] == quote || item[i + 1] == '\\') && i + 2 < item.size()) {
      ++i;
    }
    name.push_back(item[i]);
  }
  return name;
}

const Json* element_at(const Json& array, int64_t index) {
  const auto size = static_cast<int64_t>(array.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return &array[static_cast<std::size_t>(index)];
}

void select_slice(const Json& array, std::string_view body, std::vector<const Json*>& out) {
  const auto size = static_cast<int64_t>(array.size());
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == ':') {
      parts.push_back(trim(body.substr(begin, i - begin)));
      begin = i + 1;
    }
  }
  auto bound = [&](std::size_t i, int64_t fallback) {
    if (i >= parts.size() || parts[i].empty()) return fallback;
    int64_t value = parse_index(parts[i]).value_or(fallback);
    if (value < 0) value += size;
    return std::clamp<int64_t>(value, 0, size);
  };
  const int64_t from = bound(0, 0);
  const int64_t to = bound(1, size);
  int64_t step = 1;
  if (parts.size() > 2 && !parts[2].empty())
    step = std::max<int64_t>(1, parse_index(parts[2]).value_or(1));
  for (int64_t i = from; i < to; i += step)
    out.push_back(&array[static_cast<std::size_t>(i)]);
}

// Filters of the form [?(@.field OP literal)] or [?(@.field)]: what Step Functions definitions
// use. Anything richer selects nothing.
struct Filter {
  std::vector<std::string> field_path;
  std::string op;
  std::optional<Json> literal;
};

std::optional<Filter> parse_filter(std::string_view body) {
  body = trim(body);
  if (body.size() < 3 || body.substr(0, 2) != "?(" || body.back() != ')') return std::nullopt;
  std::string_view expression = trim(body.substr(2, body.size() - 3));
  if (expression.empty() || expression.front() != '@') return std::nullopt;
  Filter filter;
  std::size_t pos = 1;
  while (pos < expression.size() && expression[pos] == '.') {
    const std::size_t begin = ++pos;
    while (pos < expression.size() && (std::isalnum(static_cast<unsigned char>(expression[pos])) ||
                                       expression[pos] == '_' || expression[pos] == '-')) {
      ++pos;
    }
    filter.field_path.emplace_back(expression.substr(begin, pos - begin));
  }
  std::string_view rest = trim(expression.substr(pos));
  if (rest.empty()) return filter;
  for (const std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
    if (rest.substr(0, op.size()) == op) {
      filter.op = std::string(op);
      std::string_view literal = trim(rest.substr(op.size()));
      if (!literal.empty() && literal.front() == '\'') {
        filter.literal = unquote(literal);
      } else {
        auto parsed = parse_json(literal);
        if (!parsed.ok()) return std::nullopt;
        filter.literal = std::move(parsed.value());
      }
      return filter;
    }
  }
  return std::nullopt;
}

bool filter_accepts(const Filter& filter, const Json& candidate) {
  const Json* value = &candidate;
  for (const std::string& field : filter.field_path) {
    if (!value->is_object()) return false;
    const auto found = value->find(field);
    if (found == value->end()) return false;
    value = &*found;
  }
  if (filter.op.empty()) return true;
  const Json& literal = *filter.literal;
  if (filter.op == "==") return same_value(*value, literal);
  if (filter.op == "!=") return !same_value(*value, literal);
  if (value->is_number() && literal.is_number()) {
    const double a = value->get<double>(), b = literal.get<double>();
    if (filter.op == "<") return a < b;
    if (filter.op == "<=") return a <= b;
    if (filter.op == ">") return a > b;
    return a >= b;
  }
  if (value->is_string() && literal.is_string()) {
    const auto& a = value->get_ref<const std::string&>();
    const auto& b = literal.get_ref<const std::string&>();
    if (filter.op == "<") return a < b;
    if (filter.op == "<=") return a <= b;
    if (filter.op == ">") return a > b;
    return a >= b;
  }
  return false;
}

void children_of(const Json& node, std::vector<const Json*>& out) {
  if (node.is_object() || node.is_array()) {
    for (const Json& child : node)
      out.push_back(&child);
  }
}

// Applies one segment to one node.
void step(const PathSegment& segment, std::string_view text, const Json& node,
          std::vector<const Json*>& out) {
  switch (segment.kind) {
    case SegmentKind::Field:
      if (node.is_object()) {
        const auto found = node.find(segment.name);
        if (found != node.end()) out.push_back(&*found);
      }
      return;
    case SegmentKind::Wildcard:
      children_of(node, out);
      return;
    case SegmentKind::Index:
      if (node.is_array()) {
        if (const auto index = parse_index(bracket_body(segment, text))) {
          if (const Json* element = element_at(node, *index)) out.push_back(element);
        }
      }
      return;
    case SegmentKind::Slice:
      if (node.is_array()) select_slice(node, bracket_body(segment, text), out);
      return;
    case SegmentKind::Union:
      for (const std::string_view item : split_list(bracket_body(segment, text))) {
        if (!item.empty() && (item.front() == '\'' || item.front() == '"')) {
          if (node.is_object()) {
            const auto found = node.find(unquote(item));
            if (found != node.end()) out.push_back(&*found);
          }
        } else if (node.is_array()) {
          if (const auto index = parse_index(item)) {
            if (const Json* element = element_at(node, *index)) out.push_back(element);
          }
        }
      }
      return;
    case SegmentKind::Filter:
      if (const auto filter = parse_filter(bracket_body(segment, text))) {
        std::vector<const Json*> candidates;
        if (node.is_array())
          children_of(node, candidates);
        else
          candidates.push_back(&node);
        for (const Json* candidate : candidates) {
          if (filter_accepts(*filter, *candidate)) out.push_back(candidate);
        }
      }
      return;
  }
}

// Every node at or below `node`, in document order (for recursive descent), iteratively.
std::vector<const Json*> self_and_descendants(const Json& node) {
  std::vector<const Json*> all;
  std::vector<const Json*> stack{&node};
  while (!stack.empty()) {
    const Json* current = stack.back();
    stack.pop_back();
    all.push_back(current);
    if (current->is_object() || current->is_array()) {
      std::vector<const Json*> children;
      children_of(*current, children);
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.push_back(*it);
    }
  }
  return all;
}

std::string segment_spelling(const PathSegment& segment, std::string_view text) {
  switch (segment.kind) {
    case SegmentKind::Field:
      return fmt::format("['{}']", segment.name);
    case SegmentKind::Wildcard:
      return "[*]";
    default:
      return fmt::format("[{}]", bracket_body(segment, text));
  }
}

}  // namespace

bool is_indefinite(const lang::Path& path) {
  return std::any_of(path.segments.begin(), path.segments.end(), [](const PathSegment& segment) {
    return segment.recursive ||
           (segment.kind != SegmentKind::Field && segment.kind != SegmentKind::Index);
  });
}

std::vector<const Json*> select_nodes(const lang::Path& path, std::string_view text,
                                      const Json& root) {
  std::vector<const Json*> current{&root};
  for (const PathSegment& segment : path.segments) {
    std::vector<const Json*> next;
    for (const Json* node : current) {
      if (segment.recursive) {
        for (const Json* descendant : self_and_descendants(*node))
          step(segment, text, *descendant, next);
      } else {
        step(segment, text, *node, next);
      }
    }
    current = std::move(next);
    if (current.empty()) break;
  }
  return current;
}

std::string normalized_path(const lang::Path& path, std::string_view text, std::size_t count) {
  std::string spelled = "$";
  for (std::size_t i = 0; i < count && i < path.segments.size(); ++i) {
    spelled += segment_spelling(path.segments[i], text);
  }
  return spelled;
}

Outcome<Json> read_path(const lang::Path& path, std::string_view text, const Json& root) {
  if (is_indefinite(path)) {
    Json matches = Json::array();
    for (const Json* node : select_nodes(path, text, root))
      matches.push_back(*node);
    return matches;
  }
  const Json* node = &root;
  for (std::size_t i = 0; i < path.segments.size(); ++i) {
    std::vector<const Json*> next;
    step(path.segments[i], text, *node, next);
    if (next.empty()) {
      const bool last = i + 1 == path.segments.size();
      if (last) {
        return RunError{"States.Runtime",
                        fmt::format("No results for path: {}", normalized_path(path, text, i + 1))};
      }
      return RunError{"States.Runtime", fmt::format("Missing property in path {}",
                                                    normalized_path(path, text, i + 1))};
    }
    node = next.front();
  }
  return *node;
}

Outcome<bool> write_reference_path(Json& target, const lang::Path& path, std::string_view text,
                                   Json value) {
  Json* node = &target;
  for (const PathSegment& segment : path.segments) {
    if (segment.kind == SegmentKind::Field) {
      if (node->is_null()) *node = Json::object();
      if (!node->is_object()) {
        return RunError{"States.ResultPathMatchFailure", ""};
      }
      node = &(*node)[segment.name];
    } else if (segment.kind == SegmentKind::Index) {
      const auto index = parse_index(bracket_body(segment, text));
      if (!node->is_array() || !index) return RunError{"States.ResultPathMatchFailure", ""};
      const auto size = static_cast<int64_t>(node->size());
      const int64_t position = *index < 0 ? *index + size : *index;
      if (position < 0 || position >= size) return RunError{"States.ResultPathMatchFailure", ""};
      node = &(*node)[static_cast<std::size_t>(position)];
    } else {
      return RunError{"States.ResultPathMatchFailure", ""};
    }
  }
  *node = std::move(value);
  return true;
}

}  // namespace wflint::run
