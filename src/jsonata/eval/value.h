#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace wflint::jsonata {

class Evaluator;
class Value;

// A JSONata array. Besides the items it carries the flags jsonata-js keeps on its arrays:
// a result `sequence` (flattened into the sequence that receives it; a singleton stands for its
// only item) and `keep_singleton` (the path ended in [], so a singleton stays an array).
// `outer_wrapper` and `tuple_stream` are internal to path evaluation.
struct Array {
  std::vector<Value> items;
  bool sequence = false;
  bool keep_singleton = false;
  bool outer_wrapper = false;
  bool tuple_stream = false;
  // Built by an array constructor that is the first or last step of a path (jsonata-js "cons"):
  // kept whole rather than flattened into the step's results.
  bool cons = false;
};

// A JSONata object: members in insertion order, keys unique (setting an existing key replaces
// its value in place).
class Object {
 public:
  const Value* find(std::string_view key) const;
  void set(std::string_view key, Value value);
  bool erase(std::string_view key);
  const std::vector<std::pair<std::string, Value>>& members() const { return members_; }
  // Defined after Value: a vector's size() needs its element type complete (Clang insists).
  size_t size() const;
  bool empty() const;

 private:
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  // The member's position, or size() when there is none.
  size_t position_of(std::string_view key) const;
  void index_member(size_t position);
  void rebuild_index();

  std::vector<std::pair<std::string, Value>> members_;
  // Member positions by key, kept once the object grows beyond a few members so that lookups
  // in large objects stay fast; empty for small objects, which are scanned.
  std::unordered_map<std::string, size_t, KeyHash, std::equal_to<>> index_;
};

// Something callable: a built-in function, a lambda, a partial application, a regex.
class Function {
 public:
  virtual ~Function() = default;
  // Calls the function. `context` is the input of the call site (what a "-" in a built-in's
  // signature takes when the argument is missing); `position` is the call's offset in the
  // expression, for errors.
  virtual Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
                     uint32_t position) const = 0;
  // How many arguments it declares. $map, $filter, $each, $reduce and $sift pass only that many
  // of (value, index, array).
  virtual uint32_t arity() const = 0;
};

enum class Type : uint8_t {
  kUndefined,
  kNull,
  kBoolean,
  kNumber,
  kString,
  kArray,
  kObject,
  kFunction
};

// A JSONata value. Default-constructed it is undefined (no value, which JSONata keeps apart
// from null). Arrays and objects are shared: copying a Value copies a pointer, so only a value
// just built may be changed through mutable_array()/mutable_object().
class Value {
 public:
  Value() = default;
  static Value null() { return Value(std::in_place_index<1>, nullptr); }
  static Value boolean(bool b) { return Value(std::in_place_index<2>, b); }
  static Value number(double n) { return Value(std::in_place_index<3>, n); }
  static Value string(std::string s) { return Value(std::in_place_index<4>, std::move(s)); }
  static Value array(Array a) {
    return Value(std::in_place_index<5>, std::make_shared<Array>(std::move(a)));
  }
  static Value object(Object o) {
    return Value(std::in_place_index<6>, std::make_shared<Object>(std::move(o)));
  }
  static Value function(std::shared_ptr<const Function> f) {
    return Value(std::in_place_index<7>, std::move(f));
  }

  Type type() const { return static_cast<Type>(storage_.index()); }
  bool is_undefined() const { return type() == Type::kUndefined; }
  bool is_null() const { return type() == Type::kNull; }
  bool is_boolean() const { return type() == Type::kBoolean; }
  bool is_number() const { return type() == Type::kNumber; }
  bool is_string() const { return type() == Type::kString; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_object() const { return type() == Type::kObject; }
  bool is_function() const { return type() == Type::kFunction; }
  // An array with the `sequence` flag.
  bool is_sequence() const { return is_array() && std::get<5>(storage_)->sequence; }

  bool as_boolean() const { return std::get<2>(storage_); }
  double as_number() const { return std::get<3>(storage_); }
  const std::string& as_string() const { return std::get<4>(storage_); }
  const Array& as_array() const { return *std::get<5>(storage_); }
  const Object& as_object() const { return *std::get<6>(storage_); }
  const Function& as_function() const { return *std::get<7>(storage_); }
  const std::shared_ptr<const Function>& function_pointer() const { return std::get<7>(storage_); }
  Array& mutable_array() { return *std::get<5>(storage_); }
  Object& mutable_object() { return *std::get<6>(storage_); }

  // Same array or object (identity, not equality).
  bool same_instance(const Value& other) const;

 private:
  using Storage = std::variant<std::monostate, std::nullptr_t, bool, double, std::string,
                               std::shared_ptr<Array>, std::shared_ptr<Object>,
                               std::shared_ptr<const Function>>;
  // Builds the alternative in place: moving a whole variant in makes GCC 12 warn about the
  // alternatives it does not hold.
  template <std::size_t kIndex, typename... Arguments>
  explicit Value(std::in_place_index_t<kIndex> index, Arguments&&... arguments)
      : storage_(index, std::forward<Arguments>(arguments)...) {}
  Storage storage_;
};

inline size_t Object::size() const {
  return members_.size();
}
inline bool Object::empty() const {
  return members_.empty();
}

// A new empty result sequence.
Value make_sequence();
// Deep equality as JSONata's "=" on arrays and objects ($distinct, deepEquals): numbers by value,
// objects regardless of member order. Functions are equal only to themselves.
bool deep_equal(const Value& a, const Value& b);

}  // namespace wflint::jsonata
