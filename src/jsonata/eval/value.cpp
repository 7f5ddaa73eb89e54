#include "jsonata/eval/value.h"

#include <algorithm>

namespace wflint::jsonata {

namespace {

// Objects with more members than this keep a hash index of their keys.
constexpr size_t kIndexThreshold = 8;

}  // namespace

size_t Object::position_of(std::string_view key) const {
  if (!index_.empty()) {
    auto found = index_.find(key);
    return found == index_.end() ? members_.size() : found->second;
  }
  for (size_t position = 0; position < members_.size(); ++position) {
    if (members_[position].first == key) return position;
  }
  return members_.size();
}

const Value* Object::find(std::string_view key) const {
  size_t position = position_of(key);
  return position < members_.size() ? &members_[position].second : nullptr;
}

void Object::set(std::string_view key, Value value) {
  size_t position = position_of(key);
  if (position < members_.size()) {
    members_[position].second = std::move(value);
    return;
  }
  members_.emplace_back(std::string(key), std::move(value));
  if (!index_.empty()) {
    index_member(members_.size() - 1);
  } else if (members_.size() > kIndexThreshold) {
    rebuild_index();
  }
}

bool Object::erase(std::string_view key) {
  auto found = std::find_if(members_.begin(), members_.end(),
                            [key](const auto& member) { return member.first == key; });
  if (found == members_.end()) return false;
  members_.erase(found);
  rebuild_index();
  return true;
}

void Object::index_member(size_t position) {
  index_.emplace(members_[position].first, position);
}

void Object::rebuild_index() {
  index_.clear();
  if (members_.size() <= kIndexThreshold) return;
  index_.reserve(members_.size());
  for (size_t position = 0; position < members_.size(); ++position)
    index_member(position);
}

bool Value::same_instance(const Value& other) const {
  if (type() != other.type()) return false;
  switch (type()) {
    case Type::kArray:
      return std::get<5>(storage_) == std::get<5>(other.storage_);
    case Type::kObject:
      return std::get<6>(storage_) == std::get<6>(other.storage_);
    case Type::kFunction:
      return std::get<7>(storage_) == std::get<7>(other.storage_);
    default:
      return false;
  }
}

Value make_sequence() {
  Array array;
  array.sequence = true;
  return Value::array(std::move(array));
}

namespace {

bool arrays_equal(const Array& a, const Array& b) {
  if (a.items.size() != b.items.size()) return false;
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!deep_equal(a.items[i], b.items[i])) return false;
  }
  return true;
}

// JavaScript's Object.getOwnPropertyNames sees members whose value is undefined too, so they
// take part in the comparison like any other member.
bool objects_equal(const Object& a, const Object& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a.members()) {
    const Value* other = b.find(key);
    if (other == nullptr || !deep_equal(value, *other)) return false;
  }
  return true;
}

}  // namespace

bool deep_equal(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Type::kUndefined:
    case Type::kNull:
      return true;
    case Type::kBoolean:
      return a.as_boolean() == b.as_boolean();
    case Type::kNumber:
      return a.as_number() == b.as_number();
    case Type::kString:
      return a.as_string() == b.as_string();
    case Type::kArray:
      return a.same_instance(b) || arrays_equal(a.as_array(), b.as_array());
    case Type::kObject:
      return a.same_instance(b) || objects_equal(a.as_object(), b.as_object());
    case Type::kFunction:
      return a.same_instance(b);
  }
  return false;
}

}  // namespace wflint::jsonata
