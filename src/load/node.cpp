#include "load/node.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "support/large_allocation.h"

namespace wflint {

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::Object:
      return "object";
    case NodeKind::Array:
      return "array";
    case NodeKind::String:
      return "string";
    case NodeKind::Number:
      return "number";
    case NodeKind::Bool:
      return "boolean";
    case NodeKind::Null:
      return "null";
  }
  return "null";
}

std::optional<double> Node::number() const {
  if (kind_ != NodeKind::Number) return std::nullopt;
  double value = 0;
  const char* end = text_ + text_len_;
  auto [stop, error] = std::from_chars(text_, end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

bool Node::is_integer() const {
  if (kind_ != NodeKind::Number) return false;
  const std::string_view digits = text();
  return !digits.empty() && digits.find_first_of(".eE") == std::string_view::npos &&
         number().has_value();
}

uint32_t Node::prefix_of(std::string_view key) {
  uint32_t prefix = 0;
  std::memcpy(&prefix, key.data(), std::min<std::size_t>(key.size(), sizeof prefix));
  return prefix;
}

const Node* Node::find(std::string_view key) const {
  if (kind_ != NodeKind::Object) return nullptr;
  const uint32_t prefix = prefix_of(key);
  for (std::size_t i = child_count_; i-- > 0;) {
    const Node& child = children_[i];
    if (child.key_prefix_ == prefix && child.key_len_ == key.size() && child.key() == key) {
      return &child;
    }
  }
  return nullptr;
}

std::string_view Node::find_string(std::string_view key) const {
  const Node* member = find(key);
  return member && member->is_string() ? member->text() : std::string_view{};
}

namespace {

void append_escaped_token(std::string& out, std::string_view token) {
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

Span Node::text_span(uint32_t offset, uint32_t length) const {
  const std::string_view raw = source_->text().substr(begin_, end_ - begin_);
  const std::string_view value = text();
  if (offset > value.size()) return span();
  length = std::min<uint32_t>(length, static_cast<uint32_t>(value.size()) - offset);
  // The value as written: quoted without escapes, or plain (possibly after a YAML tag).
  std::size_t start = std::string_view::npos;
  if (raw.size() == value.size() + 2 && (raw.front() == '"' || raw.front() == '\'') &&
      raw.substr(1, value.size()) == value) {
    start = 1;
  } else if (raw.size() >= value.size() && raw.substr(raw.size() - value.size()) == value) {
    start = raw.size() - value.size();
  }
  if (start == std::string_view::npos) return span();
  const auto begin = static_cast<uint32_t>(begin_ + start + offset);
  return {source_, begin, begin + length};
}

std::string Node::json_pointer_of_member(std::string_view key) const {
  std::string out = json_pointer();
  out.push_back('/');
  append_escaped_token(out, key);
  return out;
}

std::string Node::json_pointer() const {
  std::vector<const Node*> chain;
  for (const Node* n = this; n->parent_; n = n->parent_)
    chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out.push_back('/');
    if ((*it)->has_key_) {
      append_escaped_token(out, (*it)->key());
    } else {
      out += std::to_string((*it)->index_);
    }
  }
  return out;
}

Document::Document(const Source& source, std::size_t arena_hint)
    : source_(source), arena_(std::max<std::size_t>(arena_hint, 1024), large_block_resource()) {}

std::string_view Document::keep(std::string_view text) {
  const char* begin = source_.data();
  if (text.data() >= begin && text.data() + text.size() <= begin + source_.size()) return text;
  if (text.empty()) return {};
  char* copy = static_cast<char*>(arena_.allocate(text.size(), 1));
  std::memcpy(copy, text.data(), text.size());
  return {copy, text.size()};
}

}  // namespace wflint
