// Location paths: steps, predicates, tuple streams (@ and # bindings, %), group-by and
// order-by, following jsonata-js 2.0.5's evaluatePath and its helpers.

#include <algorithm>
#include <cmath>
#include <map>

#include "jsonata/eval/evaluator_internal.h"

namespace wflint::jsonata {

namespace {

const std::vector<Value>& items_of(const Value& value) {
  static const std::vector<Value> kNone;
  return value.is_array() ? value.as_array().items : kNone;
}

// [value]: a plain array, as JavaScript's array literal.
Value plain_array_of(const Value& value) {
  Array array;
  array.items.push_back(value);
  return Value::array(std::move(array));
}

Value tuple_stream() {
  Value result = make_sequence();
  result.mutable_array().tuple_stream = true;
  return result;
}

Value focus_of(const Value& tuple) {
  if (!tuple.is_object()) return Value();
  const Value* focus = tuple.as_object().find("@");
  return focus ? *focus : Value();
}

bool is_empty_result(const Value& value) {
  if (value.is_undefined()) return true;
  if (value.is_array()) return value.as_array().items.empty();
  if (value.is_string()) return value.as_string().empty();
  return false;
}

bool is_array_of_numbers(const Value& value, uint32_t position) {
  if (!value.is_array()) return false;
  for (const Value& item : value.as_array().items) {
    if (!is_numeric(item, position)) return false;
  }
  return true;
}

// A JavaScript array index for a (possibly negative) number; nullopt when out of range.
std::optional<size_t> array_index(double number, size_t size) {
  double index = std::floor(number);
  if (index < 0) index += static_cast<double>(size);
  if (index < 0 || index >= static_cast<double>(size)) return std::nullopt;
  return static_cast<size_t>(index);
}

// Object.keys order: array-index keys first, ascending, then the others as inserted.
std::optional<uint32_t> array_index_key(const std::string& key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  uint64_t value = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (value >= 4294967295ULL) return std::nullopt;
  return static_cast<uint32_t>(value);
}

std::vector<std::string> javascript_key_order(const std::vector<std::string>& keys) {
  std::vector<std::pair<uint32_t, std::string>> indexes;
  std::vector<std::string> others;
  for (const std::string& key : keys) {
    if (auto index = array_index_key(key)) {
      indexes.emplace_back(*index, key);
    } else {
      others.push_back(key);
    }
  }
  std::sort(indexes.begin(), indexes.end());
  std::vector<std::string> ordered;
  for (auto& [index, key] : indexes)
    ordered.push_back(std::move(key));
  for (std::string& key : others)
    ordered.push_back(std::move(key));
  return ordered;
}

Value reduce_tuple_stream(const Value& stream) {
  if (!stream.is_array()) return stream;
  const std::vector<Value>& tuples = stream.as_array().items;
  if (tuples.empty()) return Value::object(Object());
  Value result = copy_object(tuples[0]);
  for (size_t i = 1; i < tuples.size(); ++i) {
    if (!tuples[i].is_object()) continue;
    for (const auto& [key, value] : tuples[i].as_object().members()) {
      const Value* existing = result.as_object().find(key);
      result.mutable_object().set(key, append_values(existing ? *existing : Value(), value));
    }
  }
  return result;
}

}  // namespace

std::shared_ptr<Environment> Interpreter::frame_from_tuple(const std::shared_ptr<Environment>& env,
                                                           const Value& tuple) {
  std::shared_ptr<Environment> frame = new_frame(env);
  if (tuple.is_object()) {
    for (const auto& [key, value] : tuple.as_object().members())
      frame->bind(key, value);
  }
  return frame;
}

Value Interpreter::eval_path(const Expr& expr, const Value& input,
                             const std::shared_ptr<Environment>& env) {
  Value input_sequence;
  if (input.is_array() && expr.items[0]->type != ExprType::kVariable) {
    input_sequence = input;
  } else {
    input_sequence = sequence_of(input);
  }
  Value result;
  bool is_tuple_stream = false;
  Value tuples;
  for (size_t i = 0; i < expr.items.size(); ++i) {
    const Expr& step = *expr.items[i];
    if (step.tuple) is_tuple_stream = true;
    if (i == 0 && step.consarray) {
      result = eval(step, input_sequence, env);
    } else if (is_tuple_stream) {
      tuples = eval_tuple_step(step, input_sequence, tuples, env);
    } else {
      result = eval_step(step, input_sequence, env, i == expr.items.size() - 1);
    }
    if (!is_tuple_stream && is_empty_result(result)) break;
    if (step.focus.empty()) input_sequence = result;
  }
  if (is_tuple_stream) {
    if (expr.tuple) {
      result = tuples;
    } else {
      result = make_sequence();
      for (const Value& tuple : items_of(tuples))
        result.mutable_array().items.push_back(focus_of(tuple));
    }
  }
  if (expr.keep_singleton_array && result.is_array()) {
    if (result.as_array().cons && !result.as_array().sequence) result = sequence_of(result);
    result.mutable_array().keep_singleton = true;
  }
  if (expr.group) result = eval_group(*expr.group, is_tuple_stream ? tuples : result, env);
  return result;
}

Value Interpreter::eval_step(const Expr& step, const Value& input,
                             const std::shared_ptr<Environment>& env, bool last_step) {
  if (step.type == ExprType::kSort) {
    Value sorted = eval_sort(step, input, env);
    return step.stages.empty() ? sorted : eval_stages(step.stages, sorted, env);
  }
  std::vector<Value> results;
  for (const Value& item : items_of(input)) {
    Value res = eval(step, item, env);
    for (const Stage& stage : step.stages) {
      if (stage.filter) res = eval_filter(*stage.filter, res, env);
    }
    if (!res.is_undefined()) results.push_back(std::move(res));
  }
  if (last_step && results.size() == 1 && results[0].is_array() && !results[0].is_sequence()) {
    return results[0];
  }
  Value sequence = make_sequence();
  std::vector<Value>& out = sequence.mutable_array().items;
  for (Value& res : results) {
    if (!res.is_array() || res.as_array().cons) {
      out.push_back(std::move(res));
    } else {
      const std::vector<Value>& items = res.as_array().items;
      out.insert(out.end(), items.begin(), items.end());
    }
  }
  return sequence;
}

Value Interpreter::eval_stages(const std::vector<Stage>& stages, Value input,
                               const std::shared_ptr<Environment>& env) {
  Value result = std::move(input);
  for (const Stage& stage : stages) {
    if (stage.filter) {
      result = eval_filter(*stage.filter, result, env);
    } else if (result.is_array()) {
      std::vector<Value>& tuples = result.mutable_array().items;
      for (size_t i = 0; i < tuples.size(); ++i) {
        if (tuples[i].is_object()) {
          tuples[i].mutable_object().set(stage.index_variable,
                                         Value::number(static_cast<double>(i)));
        }
      }
    }
  }
  return result;
}

Value Interpreter::eval_tuple_step(const Expr& step, const Value& input, const Value& tuples,
                                   const std::shared_ptr<Environment>& env) {
  if (step.type == ExprType::kSort) {
    Value result;
    if (!tuples.is_undefined()) {
      result = eval_sort(step, tuples, env);
    } else {
      Value sorted = eval_sort(step, input, env);
      result = tuple_stream();
      const std::vector<Value>& items = items_of(sorted);
      for (size_t i = 0; i < items.size(); ++i) {
        Object tuple;
        tuple.set("@", items[i]);
        if (!step.index_variable.empty()) {
          tuple.set(step.index_variable, Value::number(static_cast<double>(i)));
        }
        result.mutable_array().items.push_back(Value::object(std::move(tuple)));
      }
    }
    return step.stages.empty() ? result : eval_stages(step.stages, result, env);
  }

  Value result = tuple_stream();
  Value bindings = tuples;
  if (bindings.is_undefined()) {
    bindings = make_sequence();
    for (const Value& item : items_of(input)) {
      Object tuple;
      tuple.set("@", item);
      bindings.mutable_array().items.push_back(Value::object(std::move(tuple)));
    }
  }
  for (const Value& tuple : items_of(bindings)) {
    std::shared_ptr<Environment> step_env = frame_from_tuple(env, tuple);
    Value res = eval(step, focus_of(tuple), step_env);
    if (res.is_undefined()) continue;
    if (!res.is_array()) res = plain_array_of(res);
    bool nested_stream = res.as_array().tuple_stream;
    const std::vector<Value>& values = res.as_array().items;
    for (size_t b = 0; b < values.size(); ++b) {
      Value next = copy_object(tuple);
      Object& fields = next.mutable_object();
      if (nested_stream) {
        if (values[b].is_object()) {
          for (const auto& [key, value] : values[b].as_object().members())
            fields.set(key, value);
        }
      } else {
        if (!step.focus.empty()) {
          fields.set(step.focus, values[b]);
          fields.set("@", focus_of(tuple));
        } else {
          fields.set("@", values[b]);
        }
        if (!step.index_variable.empty()) {
          fields.set(step.index_variable, Value::number(static_cast<double>(b)));
        }
        if (step.ancestor != nullptr) fields.set(step.ancestor->label, focus_of(tuple));
      }
      result.mutable_array().items.push_back(std::move(next));
    }
  }
  return step.stages.empty() ? result : eval_stages(step.stages, result, env);
}

Value Interpreter::eval_filter(const Expr& predicate, const Value& input,
                               const std::shared_ptr<Environment>& env) {
  Value results = make_sequence();
  bool tuples = input.is_array() && input.as_array().tuple_stream;
  if (tuples) results.mutable_array().tuple_stream = true;
  Value subject = input.is_array() ? input : sequence_of(input);
  const std::vector<Value>& items = subject.as_array().items;
  if (predicate.type == ExprType::kLiteral && predicate.literal.is_number()) {
    std::optional<size_t> index = array_index(predicate.literal.as_number(), items.size());
    if (index && !items[*index].is_undefined()) {
      if (items[*index].is_array()) return items[*index];
      results.mutable_array().items.push_back(items[*index]);
    }
    return results;
  }
  for (size_t index = 0; index < items.size(); ++index) {
    const Value& item = items[index];
    Value res = tuples ? eval(predicate, focus_of(item), frame_from_tuple(env, item))
                       : eval(predicate, item, env);
    if (is_numeric(res, predicate.position)) res = plain_array_of(res);
    if (is_array_of_numbers(res, predicate.position)) {
      for (const Value& number : res.as_array().items) {
        std::optional<size_t> wanted = array_index(number.as_number(), items.size());
        if (wanted && *wanted == index) results.mutable_array().items.push_back(item);
      }
    } else if (to_boolean(res).value_or(false)) {
      results.mutable_array().items.push_back(item);
    }
  }
  return results;
}

Value Interpreter::eval_group(const Group& group, const Value& input,
                              const std::shared_ptr<Environment>& env) {
  struct Entry {
    Value data;
    size_t pair_index = 0;
  };
  bool reduce = input.is_array() && input.as_array().tuple_stream;
  std::vector<Value> items = input.is_array() ? input.as_array().items : std::vector<Value>{input};
  if (items.empty()) items.emplace_back();

  std::map<std::string, Entry, std::less<>> groups;
  std::vector<std::string> keys;
  for (const Value& item : items) {
    std::shared_ptr<Environment> item_env = reduce ? frame_from_tuple(env, item) : env;
    for (size_t pair_index = 0; pair_index < group.pairs.size(); ++pair_index) {
      Value key = eval(*group.pairs[pair_index].first, reduce ? focus_of(item) : item, item_env);
      if (key.is_undefined()) continue;
      if (!key.is_string()) throw_code("T1003", group.position, key);
      auto found = groups.find(key.as_string());
      if (found == groups.end()) {
        groups.emplace(key.as_string(), Entry{item, pair_index});
        keys.push_back(key.as_string());
        continue;
      }
      if (found->second.pair_index != pair_index) throw_code("D1009", group.position, key);
      found->second.data = append_values(found->second.data, item);
    }
  }

  Object result;
  for (const std::string& key : javascript_key_order(keys)) {
    const Entry& entry = groups.at(key);
    Value context = entry.data;
    std::shared_ptr<Environment> value_env = env;
    if (reduce) {
      Value tuple = reduce_tuple_stream(entry.data);
      context = focus_of(tuple);
      if (tuple.is_object()) tuple.mutable_object().erase("@");
      value_env = frame_from_tuple(env, tuple);
    }
    Value value = eval(*group.pairs[entry.pair_index].second, context, value_env);
    if (!value.is_undefined()) result.set(key, std::move(value));
  }
  return Value::object(std::move(result));
}

int Interpreter::compare_for_sort(const Expr& sort, const Value& a, const Value& b, bool tuples,
                                  const std::shared_ptr<Environment>& env) {
  int comparison = 0;
  for (size_t t = 0; comparison == 0 && t < sort.terms.size(); ++t) {
    const SortTerm& term = sort.terms[t];
    Value aa = tuples ? eval(*term.expression, focus_of(a), frame_from_tuple(env, a))
                      : eval(*term.expression, a, env);
    Value bb = tuples ? eval(*term.expression, focus_of(b), frame_from_tuple(env, b))
                      : eval(*term.expression, b, env);
    if (aa.is_undefined()) {
      comparison = bb.is_undefined() ? 0 : 1;
      continue;
    }
    if (bb.is_undefined()) {
      comparison = -1;
      continue;
    }
    bool a_ok = aa.is_string() || aa.is_number();
    bool b_ok = bb.is_string() || bb.is_number();
    if (!a_ok || !b_ok) throw_code("T2008", sort.position, a_ok ? bb : aa);
    if (aa.type() != bb.type()) throw_code("T2007", sort.position, aa, bb);
    if (aa.is_number() ? aa.as_number() == bb.as_number() : aa.as_string() == bb.as_string()) {
      continue;
    }
    bool less = aa.is_number() ? aa.as_number() < bb.as_number() : aa.as_string() < bb.as_string();
    comparison = less ? -1 : 1;
    if (term.descending) comparison = -comparison;
  }
  return comparison;
}

Value Interpreter::eval_sort(const Expr& expr, const Value& input,
                             const std::shared_ptr<Environment>& env) {
  if (input.is_undefined()) return Value();
  if (!input.is_array() || input.as_array().items.size() <= 1) return input;
  bool tuples = input.as_array().tuple_stream;
  // jsonata-js's merge sort: stable, and asks the comparator the same questions in the same
  // order, so that the same type error is reported first.
  std::vector<Value> items = input.as_array().items;
  std::vector<Value> buffer(items.size());
  auto merge_sort = [&](auto& self, size_t begin, size_t end) -> void {
    if (end - begin <= 1) return;
    size_t middle = begin + (end - begin) / 2;
    self(self, begin, middle);
    self(self, middle, end);
    size_t left = begin;
    size_t right = middle;
    size_t out = begin;
    while (left < middle && right < end) {
      if (compare_for_sort(expr, items[left], items[right], tuples, env) == 1) {
        buffer[out++] = items[right++];
      } else {
        buffer[out++] = items[left++];
      }
    }
    while (left < middle)
      buffer[out++] = items[left++];
    while (right < end)
      buffer[out++] = items[right++];
    std::copy(buffer.begin() + static_cast<ptrdiff_t>(begin),
              buffer.begin() + static_cast<ptrdiff_t>(end),
              items.begin() + static_cast<ptrdiff_t>(begin));
  };
  merge_sort(merge_sort, 0, items.size());
  Array sorted;
  sorted.items = std::move(items);
  return Value::array(std::move(sorted));
}

}  // namespace wflint::jsonata
