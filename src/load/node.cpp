#include "load/node.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "load/string_offsets.h"
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
  // A constant-size copy is one load; an empty key may have no data at all, and memcpy's source
  // must not be null even for 0 bytes.
  if (key.size() >= sizeof prefix) {
    std::memcpy(&prefix, key.data(), sizeof prefix);
  } else if (!key.empty()) {
    std::memcpy(&prefix, key.data(), key.size());
  }
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

std::string decode_pointer_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

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

const Node* Node::child_at(std::string_view pointer_token) const {
  if (is_object()) return find(decode_pointer_token(pointer_token));
  if (!is_array() || pointer_token.empty()) return nullptr;
  std::size_t index = 0;
  for (const char c : pointer_token) {
    if (c < '0' || c > '9' || index > size()) return nullptr;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index < size() ? &children()[index] : nullptr;
}

Span Node::text_span(uint32_t offset, uint32_t length) const {
  const std::string_view raw = source_->text().substr(begin_, end_ - begin_);
  const std::string_view value = text();
  if (offset > value.size()) return span();
  length = std::min<uint32_t>(length, static_cast<uint32_t>(value.size()) - offset);
  // Most values are written as they read: quoted without escapes, or plain.
  if (raw.size() == value.size() + 2 && (raw.front() == '"' || raw.front() == '\'') &&
      raw.substr(1, value.size()) == value) {
    return {source_, begin_ + 1 + offset, begin_ + 1 + offset + length};
  }
  if (raw == value) return {source_, begin_ + offset, begin_ + offset + length};
  const std::vector<uint32_t> offsets = decoded_offsets(raw, value);
  if (offsets.empty()) return span();
  // A range that ends inside a multi-byte character takes the whole character's escape.
  std::size_t next = offset + length;
  while (length > 0 && next + 1 < offsets.size() && offsets[next] == offsets[next - 1])
    ++next;
  return {source_, begin_ + offsets[offset], begin_ + offsets[next]};
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
