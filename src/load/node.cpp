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

// For a one-line double-quoted string with escapes (JSON's, and YAML's \x \U \N ... ones),
// the raw offset of every decoded offset: raw_offsets[i] is where decoded byte i starts, and
// raw_offsets[decoded size] is the closing quote. Empty when the escapes are not understood, or
// do not decode to `value`'s length: then a finding falls back to the whole value.
std::vector<uint32_t> escaped_offsets(std::string_view raw, std::string_view value) {
  std::vector<uint32_t> offsets;
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"' ||
      raw.find('\n') != std::string_view::npos) {
    return {};
  }
  offsets.reserve(value.size() + 1);
  std::size_t i = 1;
  const std::size_t end = raw.size() - 1;
  while (i < end) {
    std::size_t consumed = 1;
    std::size_t produced = 1;
    if (raw[i] == '\\' && i + 1 < end) {
      const char kind = raw[i + 1];
      const std::size_t hex_digits = kind == 'u' ? 4 : kind == 'x' ? 2 : kind == 'U' ? 8 : 0;
      consumed = 2 + hex_digits;
      if (hex_digits > 0 && i + consumed <= end) {
        uint32_t code_point = hex_value(raw.substr(i + 2, hex_digits));
        const bool high_surrogate = code_point >= 0xD800 && code_point < 0xDC00;
        if (kind == 'u' && high_surrogate && raw.substr(i + 6, 2) == "\\u") {
          consumed += 6;
          code_point = 0x10000;
        }
        produced = utf8_length(code_point);
      } else if (kind == 'N' || kind == '_') {
        produced = 2;  // U+0085, U+00A0
      } else if (kind == 'L' || kind == 'P') {
        produced = 3;  // U+2028, U+2029
      }
    }
    for (std::size_t k = 0; k < produced; ++k)
      offsets.push_back(static_cast<uint32_t>(i));
    i += consumed;
  }
  offsets.push_back(static_cast<uint32_t>(end));
  if (offsets.size() != value.size() + 1) return {};
  return offsets;
}

}  // namespace

Span Node::text_span(uint32_t offset, uint32_t length) const {
  const std::string_view raw = source_->text().substr(begin_, end_ - begin_);
  const std::string_view value = text();
  if (offset > value.size()) return span();
  length = std::min<uint32_t>(length, static_cast<uint32_t>(value.size()) - offset);
  if (raw.size() != value.size() + 2 || raw.substr(1, value.size()) != value) {
    const std::vector<uint32_t> offsets = escaped_offsets(raw, value);
    if (!offsets.empty()) {
      // A range that ends inside a multi-byte character takes the whole character's escape.
      std::size_t next = offset + length;
      while (length > 0 && next + 1 < offsets.size() && offsets[next] == offsets[next - 1])
        ++next;
      return {source_, begin_ + offsets[offset], begin_ + offsets[next]};
    }
  }
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
