#pragma once

#include <cstdint>
#include <memory_resource>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "support/source.h"

namespace wflint {

enum class NodeKind : uint8_t { Object, Array, String, Number, Bool, Null };

std::string_view to_string(NodeKind kind);

// One value of a loaded document, JSON or YAML alike. Nodes live in their Document's arena and
// are read-only once built; an object's members and an array's elements are stored contiguously
// in source order.
class Node {
 public:
  NodeKind kind() const { return kind_; }
  bool is_object() const { return kind_ == NodeKind::Object; }
  bool is_array() const { return kind_ == NodeKind::Array; }
  bool is_string() const { return kind_ == NodeKind::String; }
  bool is_number() const { return kind_ == NodeKind::Number; }
  bool is_bool() const { return kind_ == NodeKind::Bool; }
  bool is_null() const { return kind_ == NodeKind::Null; }

  // A string's decoded value, or a number's source text (so "1.0" and big integers survive).
  std::string_view text() const { return {text_, text_len_}; }
  bool bool_value() const { return bool_value_; }
  // A number's value; nullopt for other kinds and for text that is not a decimal number.
  std::optional<double> number() const;
  // A number written without fraction or exponent ("3", not "3.0").
  bool is_integer() const;
  // A YAML tag such as "!Sub"; empty when there is none.
  std::string_view tag() const { return {tag_, tag_len_}; }

  // Members of an object or elements of an array, in source order.
  std::span<const Node> children() const { return {children_, child_count_}; }
  std::size_t size() const { return child_count_; }
  // The member with this key; with duplicate keys, the last one (as most JSON readers keep).
  const Node* find(std::string_view key) const;
  // The string value of member `key`, or empty when it is absent or not a string.
  std::string_view find_string(std::string_view key) const;
  // The child one JSON pointer reference token names: an object's member ("~1" decoded to "/",
  // "~0" to "~") or an array's element by decimal index; nullptr when there is none.
  const Node* child_at(std::string_view pointer_token) const;

  // Set when this node is an object member.
  bool has_key() const { return has_key_; }
  std::string_view key() const { return {key_, key_len_}; }
  const Node* parent() const { return parent_; }
  std::size_t index_in_parent() const { return index_; }

  Span span() const { return {source_, begin_, end_}; }
  // The span of the member's key, quotes included; the value's span for non-members.
  Span key_span() const { return has_key_ ? Span{source_, key_begin_, key_end_} : span(); }
  const Source& source() const { return *source_; }
  // The span of characters [offset, offset + length) of a string's decoded value, when they can
  // be told apart in the source; otherwise the whole value's span. For findings inside a string
  // (a bad path segment, an unknown function name).
  Span text_span(uint32_t offset, uint32_t length) const;

  // `key`'s first bytes as stored in key_prefix_.
  static uint32_t prefix_of(std::string_view key);

  // RFC 6901 pointer from the document root, e.g. "/States/Charge/Next".
  std::string json_pointer() const;
  // The pointer member `key` of this object has, or would have: findings about a missing field
  // point there.
  std::string json_pointer_of_member(std::string_view key) const;

 private:
  friend class TreeBuilder;

  const Source* source_ = nullptr;
  const Node* parent_ = nullptr;
  const Node* children_ = nullptr;
  const char* text_ = nullptr;
  const char* key_ = nullptr;
  const char* tag_ = nullptr;
  uint32_t text_len_ = 0;
  uint32_t key_len_ = 0;
  uint32_t begin_ = 0;
  uint32_t end_ = 0;
  uint32_t key_begin_ = 0;
  uint32_t key_end_ = 0;
  uint32_t child_count_ = 0;
  uint32_t index_ = 0;
  // The key's first bytes, zero-padded: most key comparisons end here, without reading the key
  // text from the source buffer.
  uint32_t key_prefix_ = 0;
  uint8_t tag_len_ = 0;
  NodeKind kind_ = NodeKind::Null;
  bool bool_value_ = false;
  bool has_key_ = false;
};

// One document of a file (a YAML stream may hold several): its root and the arena that owns
// its nodes and decoded strings.
class Document {
 public:
  explicit Document(const Source& source, std::size_t arena_hint = 0);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const Source& source() const { return source_; }
  const Node* root() const { return root_; }
  void set_root(const Node* root) { root_ = root; }
  std::pmr::memory_resource* arena() { return &arena_; }
  // Copies `text` into the arena unless it already points into the source buffer.
  std::string_view keep(std::string_view text);

 private:
  const Source& source_;
  std::pmr::monotonic_buffer_resource arena_;
  const Node* root_ = nullptr;
};

}  // namespace wflint
