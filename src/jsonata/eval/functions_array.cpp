#include <algorithm>
#include <cmath>
#include <random>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {

bool is_truthy(const Value& value) {
  switch (value.type()) {
    case Type::kUndefined:
    case Type::kNull:
    case Type::kFunction:
      return false;
    case Type::kBoolean:
      return value.as_boolean();
    case Type::kNumber:
      return value.as_number() != 0 && !std::isnan(value.as_number());
    case Type::kString:
      return !value.as_string().empty();
    case Type::kObject:
      return !value.as_object().empty();
    case Type::kArray: {
      const auto& items = value.as_array().items;
      if (items.size() == 1) return is_truthy(items.front());
      return std::any_of(items.begin(), items.end(),
                         [](const Value& item) { return is_truthy(item); });
    }
  }
  return false;
}

Value effective_boolean(const Value& value) {
  return value.is_undefined() ? Value() : Value::boolean(is_truthy(value));
}

Value fn_boolean(BuiltinCall& call) {
  return effective_boolean(argument(call, 0));
}

Value fn_not(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  return arg.is_undefined() ? Value() : Value::boolean(!is_truthy(arg));
}

Value fn_exists(BuiltinCall& call) {
  return Value::boolean(!argument(call, 0).is_undefined());
}

Value fn_type(BuiltinCall& call) {
  switch (argument(call, 0).type()) {
    case Type::kUndefined:
      return Value();
    case Type::kNull:
      return Value::string("null");
    case Type::kBoolean:
      return Value::string("boolean");
    case Type::kNumber:
      return Value::string("number");
    case Type::kString:
      return Value::string("string");
    case Type::kArray:
      return Value::string("array");
    case Type::kObject:
      return Value::string("object");
    case Type::kFunction:
      return Value::string("function");
  }
  return Value();
}

Value fn_error(BuiltinCall& call) {
  const Value& message = argument(call, 0);
  throw_error("D3137", call.position,
              message.is_string() && !message.as_string().empty() ? message.as_string()
                                                                  : "$error() function evaluated");
}

Value fn_assert(BuiltinCall& call) {
  if (!argument(call, 0).as_boolean()) {
    const Value& message = argument(call, 1);
    throw_error("D3141", call.position,
                message.is_string() && !message.as_string().empty() ? message.as_string()
                                                                    : "$assert() statement failed");
  }
  return Value();
}

Value fn_zip(BuiltinCall& call) {
  size_t length = call.arguments.empty() ? 0 : SIZE_MAX;
  for (const Value& arg : call.arguments) {
    length = std::min(length, arg.is_array() ? arg.as_array().items.size() : 0);
  }
  std::vector<Value> tuples;
  for (size_t i = 0; i < length; ++i) {
    std::vector<Value> tuple;
    for (const Value& arg : call.arguments)
      tuple.push_back(arg.as_array().items[i]);
    tuples.push_back(make_array(std::move(tuple)));
  }
  return make_array(std::move(tuples));
}

Value fn_append(BuiltinCall& call) {
  const Value& first = argument(call, 0);
  const Value& second = argument(call, 1);
  if (first.is_undefined()) return second;
  if (second.is_undefined()) return first;
  std::vector<Value> items;
  if (first.is_array()) {
    items = first.as_array().items;
  } else {
    items.push_back(first);
  }
  if (second.is_array()) {
    items.insert(items.end(), second.as_array().items.begin(), second.as_array().items.end());
  } else {
    items.push_back(second);
  }
  return make_array(std::move(items));
}

Value fn_reverse(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined() || arg.as_array().items.size() <= 1) return arg;
  std::vector<Value> items(arg.as_array().items.rbegin(), arg.as_array().items.rend());
  return make_array(std::move(items));
}

Value fn_shuffle(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined() || arg.as_array().items.size() <= 1) return arg;
  const auto& random = call.evaluator.options().random;
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  const auto next_random = [&] {
    return random ? random() : std::uniform_real_distribution<double>(0, 1)(engine);
  };
  // The 'inside-out' Fisher-Yates shuffle, as jsonata-js does it.
  const auto& items = arg.as_array().items;
  std::vector<Value> result(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const auto j = static_cast<size_t>(std::floor(next_random() * static_cast<double>(i + 1)));
    if (i != j) result[i] = result[j];
    result[j] = items[i];
  }
  return make_array(std::move(result));
}

Value fn_distinct(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (!arg.is_array() || arg.as_array().items.size() <= 1) return arg;
  std::vector<Value> unique;
  for (const Value& item : arg.as_array().items) {
    const bool seen = std::any_of(unique.begin(), unique.end(),
                                  [&](const Value& kept) { return deep_equal(item, kept); });
    if (!seen) unique.push_back(item);
  }
  return make_array(std::move(unique), arg.is_sequence());
}

namespace {

void collect_keys(const Value& value, std::vector<std::string>& keys) {
  if (value.is_array()) {
    for (const Value& item : value.as_array().items)
      collect_keys(item, keys);
  } else if (value.is_object()) {
    for (const auto& member : value.as_object().members()) {
      if (std::find(keys.begin(), keys.end(), member.first) == keys.end()) {
        keys.push_back(member.first);
      }
    }
  }
}

void lookup_into(const Value& input, std::string_view key, std::vector<Value>& results) {
  if (input.is_array()) {
    for (const Value& item : input.as_array().items) {
      if (item.is_array()) {
        std::vector<Value> nested;
        lookup_into(item, key, nested);
        results.insert(results.end(), nested.begin(), nested.end());
        continue;
      }
      if (!item.is_object()) continue;
      const Value* found = item.as_object().find(key);
      if (found == nullptr || found->is_undefined()) continue;
      if (found->is_array()) {
        results.insert(results.end(), found->as_array().items.begin(),
                       found->as_array().items.end());
      } else {
        results.push_back(*found);
      }
    }
  }
}

}  // namespace

Value fn_keys(BuiltinCall& call) {
  std::vector<std::string> keys;
  collect_keys(argument(call, 0), keys);
  std::vector<Value> values;
  for (std::string& key : keys)
    values.push_back(Value::string(std::move(key)));
  return make_array(std::move(values), true);
}

Value fn_lookup(BuiltinCall& call) {
  const Value& input = argument(call, 0);
  const std::string& key = argument(call, 1).as_string();
  if (input.is_object()) {
    const Value* found = input.as_object().find(key);
    return found != nullptr ? *found : Value();
  }
  if (!input.is_array()) return Value();
  std::vector<Value> results;
  lookup_into(input, key, results);
  return make_array(std::move(results), true);
}

namespace {

Value spread(const Value& value) {
  if (value.is_array()) {
    std::vector<Value> items;
    for (const Value& item : value.as_array().items) {
      const Value spread_item = spread(item);
      if (spread_item.is_array()) {
        items.insert(items.end(), spread_item.as_array().items.begin(),
                     spread_item.as_array().items.end());
      } else if (!spread_item.is_undefined()) {
        items.push_back(spread_item);
      }
    }
    // Like jsonata-js, appending to the initial sequence yields a plain array.
    return make_array(std::move(items), value.as_array().items.empty());
  }
  if (value.is_object()) {
    std::vector<Value> items;
    for (const auto& [key, member] : value.as_object().members()) {
      Object single;
      single.set(key, member);
      items.push_back(Value::object(std::move(single)));
    }
    return make_array(std::move(items), true);
  }
  return value;
}

}  // namespace

Value fn_spread(BuiltinCall& call) {
  return spread(argument(call, 0));
}

Value fn_merge(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  Object merged;
  for (const Value& object : arg.as_array().items) {
    if (!object.is_object()) continue;
    for (const auto& [key, member] : object.as_object().members())
      merged.set(key, member);
  }
  return Value::object(std::move(merged));
}

Value fn_clone(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  std::optional<Value> copy = parse_json(stringify(arg));
  return copy ? *copy : Value();
}

}  // namespace wflint::jsonata
