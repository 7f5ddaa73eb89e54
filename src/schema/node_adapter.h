#pragma once

// A valijson adapter over wflint's document tree, so JSON Schemas validate the very nodes the
// rules read (JSON or YAML alike) and every schema error maps back to a node and its span.
// Include it from one translation unit only: valijson is header-only and heavy.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <valijson/exceptions.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

#include "load/node.h"

namespace wflint::schema {

class NodeAdapter;
class NodeElementIterator;
class NodeMemberIterator;

using NodeMember = std::pair<std::string, NodeAdapter>;

// Numbers keep their source text; a JSON Schema integer is one written without a fraction or
// exponent that fits in 64 bits. Larger ones are treated as doubles.
inline bool integer_value(const Node& node, int64_t& result) {
  if (!node.is_number() || !node.is_integer()) return false;
  const std::string_view text = node.text();
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
  return error == std::errc() && end == text.data() + text.size();
}

class NodeArray {
 public:
  using const_iterator = NodeElementIterator;
  using iterator = NodeElementIterator;

  NodeArray() = default;
  explicit NodeArray(const Node& node) : node_(&node) {}

  NodeElementIterator begin() const;
  NodeElementIterator end() const;
  size_t size() const { return node_ ? node_->size() : 0; }

 private:
  const Node* node_ = nullptr;
};

class NodeObject {
 public:
  using const_iterator = NodeMemberIterator;
  using iterator = NodeMemberIterator;

  NodeObject() = default;
  explicit NodeObject(const Node& node) : node_(&node) {}

  NodeMemberIterator begin() const;
  NodeMemberIterator end() const;
  NodeMemberIterator find(const std::string& key) const;
  size_t size() const { return node_ ? node_->size() : 0; }

 private:
  const Node* node_ = nullptr;
};

// Schema values (enum members, const) stay in the schema's own tree, which outlives the
// compiled schema, so freezing one is just keeping its address.
class NodeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit NodeFrozenValue(const Node* node) : node_(node) {}
  FrozenValue* clone() const override { return new NodeFrozenValue(node_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override;

 private:
  const Node* node_;
};

// A default-constructed value (valijson makes some) is an empty object.
class NodeValue {
 public:
  NodeValue() = default;
  explicit NodeValue(const Node& node) : node_(&node) {}

  valijson::adapters::FrozenValue* freeze() const { return new NodeFrozenValue(node_); }

  std::optional<NodeArray> getArrayOptional() const {
    if (!isArray()) return {};
    return std::make_optional(NodeArray(*node_));
  }
  bool getArraySize(size_t& result) const {
    if (!isArray()) return false;
    result = node_->size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool()) return false;
    result = node_->bool_value();
    return true;
  }
  bool getDouble(double& result) const {
    if (!isDouble()) return false;
    result = node_->number().value_or(0.0);
    return true;
  }
  bool getInteger(int64_t& result) const { return node_ && integer_value(*node_, result); }
  std::optional<NodeObject> getObjectOptional() const {
    if (!node_) return std::make_optional(NodeObject());
    if (!node_->is_object()) return {};
    return std::make_optional(NodeObject(*node_));
  }
  bool getObjectSize(size_t& result) const {
    if (!isObject()) return false;
    result = node_ ? node_->size() : 0;
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) return false;
    result = std::string(node_->text());
    return true;
  }

  static bool hasStrictTypes() { return true; }

  bool isArray() const { return node_ && node_->is_array(); }
  bool isBool() const { return node_ && node_->is_bool(); }
  bool isDouble() const { return node_ && node_->is_number() && !isInteger(); }
  bool isInteger() const {
    int64_t ignored = 0;
    return getInteger(ignored);
  }
  bool isNull() const { return node_ && node_->is_null(); }
  bool isNumber() const { return node_ && node_->is_number(); }
  bool isObject() const { return !node_ || node_->is_object(); }
  bool isString() const { return node_ && node_->is_string(); }

 private:
  const Node* node_ = nullptr;
};

class NodeAdapter : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeMember,
                                                            NodeObject, NodeValue> {
 public:
  // An explicit value: BasicAdapter holds it const, which Clang will not default-initialize.
  NodeAdapter() : BasicAdapter(NodeValue()) {}
  explicit NodeAdapter(const Node& node) : BasicAdapter(NodeValue(node)) {}
};

class NodeElementIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;

  explicit NodeElementIterator(const Node* at) : at_(at) {}

  NodeAdapter operator*() const { return NodeAdapter(*at_); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeElementIterator& other) const { return at_ == other.at_; }
  bool operator!=(const NodeElementIterator& other) const { return at_ != other.at_; }
  const NodeElementIterator& operator++() {
    ++at_;
    return *this;
  }
  NodeElementIterator operator++(int) {
    NodeElementIterator before = *this;
    ++at_;
    return before;
  }
  const NodeElementIterator& operator--() {
    --at_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { at_ += n; }

 private:
  const Node* at_;
};

class NodeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeMember;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeMember*;
  using reference = NodeMember&;

  explicit NodeMemberIterator(const Node* at) : at_(at) {}

  NodeMember operator*() const { return NodeMember(std::string(at_->key()), NodeAdapter(*at_)); }
  valijson::adapters::DerefProxy<NodeMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeMember>(**this);
  }
  bool operator==(const NodeMemberIterator& other) const { return at_ == other.at_; }
  bool operator!=(const NodeMemberIterator& other) const { return at_ != other.at_; }
  const NodeMemberIterator& operator++() {
    ++at_;
    return *this;
  }
  NodeMemberIterator operator++(int) {
    NodeMemberIterator before = *this;
    ++at_;
    return before;
  }
  const NodeMemberIterator& operator--() {
    --at_;
    return *this;
  }

 private:
  const Node* at_;
};

inline NodeElementIterator NodeArray::begin() const {
  return NodeElementIterator(node_ ? node_->children().data() : nullptr);
}
inline NodeElementIterator NodeArray::end() const {
  return NodeElementIterator(node_ ? node_->children().data() + node_->size() : nullptr);
}
inline NodeMemberIterator NodeObject::begin() const {
  return NodeMemberIterator(node_ ? node_->children().data() : nullptr);
}
inline NodeMemberIterator NodeObject::end() const {
  return NodeMemberIterator(node_ ? node_->children().data() + node_->size() : nullptr);
}
inline NodeMemberIterator NodeObject::find(const std::string& key) const {
  const Node* member = node_ ? node_->find(key) : nullptr;
  return member ? NodeMemberIterator(member) : end();
}

inline bool NodeFrozenValue::equalTo(const valijson::adapters::Adapter& other, bool strict) const {
  return node_ ? NodeAdapter(*node_).equalTo(other, strict) : NodeAdapter().equalTo(other, strict);
}

}  // namespace wflint::schema

template <>
struct valijson::adapters::AdapterTraits<wflint::schema::NodeAdapter> {
  using DocumentType = wflint::Node;
  static std::string adapterName() { return "wflint::schema::NodeAdapter"; }
};
