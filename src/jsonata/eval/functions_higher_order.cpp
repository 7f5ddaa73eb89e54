#include "jsonata/eval/functions.h"
#include "jsonata/parser.h"

namespace wflint::jsonata {

std::vector<Value> callback_arguments(const Value& function, const Value& value, const Value& index,
                                      const Value& collection) {
  std::vector<Value> arguments{value};
  const uint32_t arity = function.is_function() ? function.as_function().arity() : 1;
  if (arity >= 2) arguments.push_back(index);
  if (arity >= 3) arguments.push_back(collection);
  return arguments;
}

namespace {

Value call_back(BuiltinCall& call, const Value& function, const Value& value, const Value& index,
                const Value& collection) {
  const std::vector<Value> arguments = callback_arguments(function, value, index, collection);
  return call.evaluator.apply(function, arguments, call.context, call.position);
}

Value position_of(size_t i) {
  return Value::number(static_cast<double>(i));
}

}  // namespace

Value fn_map(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined()) return Value();
  const Value& function = argument(call, 1);
  std::vector<Value> results;
  const auto& items = array.as_array().items;
  for (size_t i = 0; i < items.size(); ++i) {
    Value result = call_back(call, function, items[i], position_of(i), array);
    if (!result.is_undefined()) results.push_back(std::move(result));
  }
  return make_array(std::move(results), true);
}

Value fn_filter(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined()) return Value();
  const Value& function = argument(call, 1);
  std::vector<Value> results;
  const auto& items = array.as_array().items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (is_truthy(call_back(call, function, items[i], position_of(i), array))) {
      results.push_back(items[i]);
    }
  }
  return make_array(std::move(results), true);
}

Value fn_single(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined()) return Value();
  const Value& function = argument(call, 1);
  std::optional<Value> found;
  const auto& items = array.as_array().items;
  for (size_t i = 0; i < items.size(); ++i) {
    const bool matches = function.is_undefined() ||
                         is_truthy(call_back(call, function, items[i], position_of(i), array));
    if (!matches) continue;
    if (found) {
      throw_error("D3138", call.position,
                  "The $single() function expected exactly 1 matching result.  Instead it matched "
                  "more.");
    }
    found = items[i];
  }
  if (!found) {
    throw_error(
        "D3139", call.position,
        "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
  }
  return *found;
}

Value fn_reduce(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined()) return Value();
  const Value& function = argument(call, 1);
  const uint32_t arity = function.as_function().arity();
  if (arity < 2) {
    throw_error("D3050", call.position,
                "The second argument of reduce function must be a function with at least two "
                "arguments");
  }
  const auto& items = array.as_array().items;
  const Value& initial = argument(call, 2);
  size_t index = 0;
  Value result = initial;
  if (initial.is_undefined() && !items.empty()) {
    result = items.front();
    index = 1;
  }
  for (; index < items.size(); ++index) {
    std::vector<Value> arguments;
    arguments.reserve(4);
    arguments.push_back(result);
    arguments.push_back(items[index]);
    if (arity >= 3) arguments.push_back(position_of(index));
    if (arity >= 4) arguments.push_back(array);
    result = call.evaluator.apply(function, arguments, call.context, call.position);
  }
  return result;
}

Value fn_sift(BuiltinCall& call) {
  const Value& object = argument(call, 0);
  const Value& function = argument(call, 1);
  if (!object.is_object()) return Value();
  Object kept;
  for (const auto& [key, member] : object.as_object().members()) {
    if (is_truthy(call_back(call, function, member, Value::string(key), object))) {
      kept.set(key, member);
    }
  }
  if (kept.empty()) return Value();
  return Value::object(std::move(kept));
}

Value fn_each(BuiltinCall& call) {
  const Value& object = argument(call, 0);
  const Value& function = argument(call, 1);
  std::vector<Value> results;
  if (object.is_object()) {
    for (const auto& [key, member] : object.as_object().members()) {
      Value result = call_back(call, function, member, Value::string(key), object);
      if (!result.is_undefined()) results.push_back(std::move(result));
    }
  }
  return make_array(std::move(results), true);
}

namespace {

struct Sorter {
  BuiltinCall& call;
  const Value& comparator;

  // True when `a` should come after `b` (the comparator's "swap").
  bool after(const Value& a, const Value& b) {
    if (comparator.is_undefined()) {
      if (a.is_number()) return a.as_number() > b.as_number();
      return a.as_string() > b.as_string();
    }
    const Value arguments[] = {a, b};
    return is_truthy(call.evaluator.apply(comparator, arguments, call.context, call.position));
  }

  // jsonata-js's merge sort: stable, and calls the comparator in the same order.
  std::vector<Value> sort(std::vector<Value> items) {
    if (items.size() <= 1) return items;
    const auto middle = static_cast<std::ptrdiff_t>(items.size() / 2);
    std::vector<Value> left = sort(std::vector<Value>(items.begin(), items.begin() + middle));
    std::vector<Value> right = sort(std::vector<Value>(items.begin() + middle, items.end()));
    std::vector<Value> merged;
    size_t l = 0;
    size_t r = 0;
    while (l < left.size() && r < right.size()) {
      if (after(left[l], right[r])) {
        merged.push_back(right[r++]);
      } else {
        merged.push_back(left[l++]);
      }
    }
    merged.insert(merged.end(), left.begin() + static_cast<std::ptrdiff_t>(l), left.end());
    merged.insert(merged.end(), right.begin() + static_cast<std::ptrdiff_t>(r), right.end());
    return merged;
  }
};

bool all_of_type(const std::vector<Value>& items, Type type) {
  for (const Value& item : items) {
    if (item.type() != type) return false;
  }
  return true;
}

}  // namespace

Value fn_sort(BuiltinCall& call) {
  const Value& array = argument(call, 0);
  if (array.is_undefined() || array.as_array().items.size() <= 1) return array;
  const Value& comparator = argument(call, 1);
  const auto& items = array.as_array().items;
  if (comparator.is_undefined() && !all_of_type(items, Type::kNumber) &&
      !all_of_type(items, Type::kString)) {
    throw_error("D3070", call.position,
                "The single argument form of the sort function can only be applied to an array "
                "of strings or an array of numbers.  Use the second argument to specify a "
                "comparison function");
  }
  Sorter sorter{call, comparator};
  return make_array(sorter.sort(items));
}

// Evaluates in a fresh frame over the standard library: a built-in does not see the caller's
// variables.
Value fn_eval(BuiltinCall& call) {
  const Value& expression = argument(call, 0);
  if (expression.is_undefined()) return Value();
  Value input = call.context;
  const Value& focus = argument(call, 1);
  if (!focus.is_undefined()) {
    input = focus;
    if (input.is_array() && !input.is_sequence()) {
      Array wrapper;
      wrapper.items.push_back(focus);
      wrapper.sequence = true;
      wrapper.outer_wrapper = true;
      input = Value::array(std::move(wrapper));
    }
  }
  ParseResult parsed = parse(expression.as_string());
  if (!parsed.ast) {
    throw_error("D3120", call.position,
                "Syntax error in expression passed to function eval: " +
                    json_for_message(Value::string(parsed.error ? parsed.error->message : "")));
  }
  const auto ast = std::make_shared<const Ast>(std::move(*parsed.ast));
  auto environment = std::make_shared<Environment>(standard_library());
  try {
    return call.evaluator.evaluate(ast, ast->root(), input, environment);
  } catch (const EvaluationFailure& failure) {
    throw_error("D3121", call.position,
                "Dynamic error evaluating the expression passed to function eval: " +
                    json_for_message(Value::string(failure.error().message)));
  }
}

}  // namespace wflint::jsonata
