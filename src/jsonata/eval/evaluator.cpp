// The core of the JSONata evaluator: expressions other than paths and function calls, errors,
// environments and the evaluate() entry point. Semantics follow jsonata-js 2.0.5.

#include "jsonata/eval/evaluator.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <utility>

#if defined(__linux__)
#include <pthread.h>
#endif

#include "jsonata/eval/evaluator_internal.h"
#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"
#include "support/text.h"

namespace wflint::jsonata {

// ---------------------------------------------------------------- errors

namespace {

struct MessageTemplate {
  std::string_view code;
  std::string_view text;
};

constexpr MessageTemplate kMessages[] = {
    {"S0209", "A predicate cannot follow a grouping expression in a step"},
    {"S0210", "Each step can only have one grouping expression"},
    {"S0215", "A context variable binding must precede any predicates on a step"},
    {"S0216", "A context variable binding must precede the 'order-by' clause on a step"},
    {"S0217", "The object representing the 'parent' cannot be derived from this expression"},
    {"T0410", "Argument {{index}} of function {{token}} does not match function signature"},
    {"D1001", "Number out of range: {{value}}"},
    {"D1002", "Cannot negate a non-numeric value: {{value}}"},
    {"T1003", "Key in object structure must evaluate to a string; got: {{value}}"},
    {"D1004", "Regular expression matches zero length string"},
    {"T1005", "Attempted to invoke a non-function. Did you mean ${{{token}}}?"},
    {"T1006", "Attempted to invoke a non-function"},
    {"T1007", "Attempted to partially apply a non-function. Did you mean ${{{token}}}?"},
    {"T1008", "Attempted to partially apply a non-function"},
    {"D1009", "Multiple key definitions evaluate to same key: {{value}}"},
    {"T2001", "The left side of the {{token}} operator must evaluate to a number"},
    {"T2002", "The right side of the {{token}} operator must evaluate to a number"},
    {"T2003", "The left side of the range operator (..) must evaluate to an integer"},
    {"T2004", "The right side of the range operator (..) must evaluate to an integer"},
    {"T2006", "The right side of the function application operator ~> must be a function"},
    {"T2007", "Type mismatch when comparing values {{value}} and {{value2}} in order-by clause"},
    {"T2008",
     "The expressions within an order-by clause must evaluate to numeric or string values"},
    {"T2009",
     "The values {{value}} and {{value2}} either side of operator {{token}} must be of the same "
     "data type"},
    {"T2010",
     "The expressions either side of operator {{token}} must evaluate to numeric or string "
     "values"},
    {"T2011",
     "The insert/update clause of the transform expression must evaluate to an object: "
     "{{value}}"},
    {"T2012",
     "The delete clause of the transform expression must evaluate to a string or array of "
     "strings: {{value}}"},
    {"T2013",
     "The transform expression clones the input object using the $clone() function.  This has "
     "been overridden in the current scope by a non-function."},
    {"D2014",
     "The size of the sequence allocated by the range operator (..) must not exceed 1e6.  "
     "Attempted to allocate {{value}}."},
    {"D3001", "Attempting to invoke string function on Infinity or NaN"},
    {"U1001",
     "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting "
     "as tail-recursive."},
};

std::string substitute(std::string_view text, std::string_view name, std::string_view replacement) {
  std::string result(text);
  for (size_t at = result.find(name); at != std::string::npos;
       at = result.find(name, at + replacement.size())) {
    result.replace(at, name.size(), replacement);
  }
  return result;
}

}  // namespace

std::string_view message_template(std::string_view code) {
  for (const MessageTemplate& entry : kMessages) {
    if (entry.code == code) return entry.text;
  }
  return {};
}

void throw_code(std::string_view code, uint32_t position, const Value& value, const Value& value2,
                std::string_view token) {
  std::string message(message_template(code));
  message = substitute(message, "{{{token}}}", token);
  message = substitute(message, "{{token}}", token.empty() ? "undefined" : text::json_quote(token));
  message = substitute(message, "{{value}}", json_for_message(value));
  message = substitute(message, "{{value2}}", json_for_message(value2));
  message = substitute(message, "{{index}}", "1");
  throw_error(std::string(code), position, std::move(message));
}

// ---------------------------------------------------------------- values

std::optional<bool> to_boolean(const Value& value) {
  switch (value.type()) {
    case Type::kUndefined:
      return std::nullopt;
    case Type::kNull:
      return false;
    case Type::kBoolean:
      return value.as_boolean();
    case Type::kNumber:
      return is_numeric(value, 0) && value.as_number() != 0;
    case Type::kString:
      return !value.as_string().empty();
    case Type::kObject:
      return !value.as_object().empty();
    case Type::kFunction:
      // jsonata-js's functions are objects with members, except regex matchers
      return regex_program_of(value) == nullptr;
    case Type::kArray: {
      const std::vector<Value>& items = value.as_array().items;
      if (items.size() == 1) return to_boolean(items[0]).value_or(false);
      for (const Value& item : items) {
        if (to_boolean(item).value_or(false)) return true;
      }
      return false;
    }
  }
  return false;
}

Value sequence_of(Value item) {
  Array array;
  array.sequence = true;
  array.items.push_back(std::move(item));
  return Value::array(std::move(array));
}

Value append_values(const Value& first, const Value& second) {
  if (first.is_undefined()) return second;
  if (second.is_undefined()) return first;
  Array joined;  // Array.prototype.concat keeps none of the flags
  if (first.is_array()) {
    joined.items = first.as_array().items;
  } else {
    joined.items.push_back(first);
  }
  if (second.is_array()) {
    const std::vector<Value>& items = second.as_array().items;
    joined.items.insert(joined.items.end(), items.begin(), items.end());
  } else {
    joined.items.push_back(second);
  }
  return Value::array(std::move(joined));
}

Value copy_object(const Value& object) {
  return Value::object(object.is_object() ? object.as_object() : Object());
}

bool is_numeric(const Value& value, uint32_t position) {
  if (!value.is_number()) return false;
  double n = value.as_number();
  if (std::isnan(n)) return false;
  if (std::isinf(n)) throw_code("D1001", position, value);
  return true;
}

// ---------------------------------------------------------------- environments

void Environment::bind(std::string_view name, Value value) {
  bindings_.insert_or_assign(std::string(name), std::move(value));
}

const Value* Environment::lookup(std::string_view name) const {
  for (const Environment* frame = this; frame != nullptr; frame = frame->parent_.get()) {
    auto found = frame->bindings_.find(std::string(name));
    if (found != frame->bindings_.end()) return &found->second;
  }
  return nullptr;
}

std::shared_ptr<Environment> Interpreter::new_frame(std::shared_ptr<const Environment> parent) {
  auto frame = std::make_shared<Environment>(std::move(parent));
  frames_.push_back(frame);
  return frame;
}

void Interpreter::release_frames() {
  for (const std::weak_ptr<Environment>& weak : frames_) {
    if (std::shared_ptr<Environment> frame = weak.lock()) *frame = Environment();
  }
  frames_.clear();
}

namespace {

// Stack kept free below the limit: for the frames between two checks and for unwinding.
constexpr uintptr_t kStackReserve = 256 * 1024;
// Used where the thread's stack bounds are unknown.
constexpr uintptr_t kDefaultStackBudget = 1024 * 1024;

// The frame address rather than a local's: AddressSanitizer may move locals to a heap "fake
// stack", which would make the depth look wrong.
uintptr_t current_stack_address() {
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
}

// The lowest address of this thread's stack; 0 when unknown. Asked once per thread: for the main
// thread glibc finds it by reading /proc/self/maps.
uintptr_t thread_stack_bottom() {
#if defined(__linux__)
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    void* low = nullptr;
    size_t size = 0;
    const int status = pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    if (status == 0) return reinterpret_cast<uintptr_t>(low);
  }
#endif
  return 0;
}

uintptr_t lowest_usable_stack_address() {
  thread_local const uintptr_t bottom = thread_stack_bottom();
  const uintptr_t here = current_stack_address();
  if (bottom != 0 && bottom < here) return bottom + std::min(kStackReserve, (here - bottom) / 4);
  return here > kDefaultStackBudget ? here - kDefaultStackBudget : 0;
}

}  // namespace

Interpreter::Interpreter(EvaluationOptions options)
    : Evaluator(std::move(options)), stack_limit_(lowest_usable_stack_address()) {}

DepthGuard::DepthGuard(Interpreter& interpreter, uint32_t& counter, uint32_t limit,
                       uint32_t position)
    : counter_(counter) {
  if (counter_ >= limit || current_stack_address() < interpreter.stack_limit_) {
    throw_code("U1001", position);
  }
  ++counter_;
}

// ---------------------------------------------------------------- evaluation

namespace {

// Nested evaluations allowed per allowed lambda call: a call evaluates a few nodes on its way
// to the next call. Bounded so that the C++ stack is never exhausted.
constexpr uint32_t kEvaluationsPerCall = 4;
constexpr uint32_t kMinimumEvaluationDepth = 2 * 1024;
constexpr uint32_t kMaximumEvaluationDepth = 20000;

uint32_t evaluation_depth_limit(uint32_t max_depth) {
  uint64_t limit = static_cast<uint64_t>(max_depth) * kEvaluationsPerCall;
  if (limit < kMinimumEvaluationDepth) limit = kMinimumEvaluationDepth;
  if (limit > kMaximumEvaluationDepth) limit = kMaximumEvaluationDepth;
  return static_cast<uint32_t>(limit);
}

Value lookup_field(const Value& input, const std::string& key) {
  if (input.is_array()) {
    Value result = make_sequence();
    Array& out = result.mutable_array();
    for (const Value& item : input.as_array().items) {
      Value found = lookup_field(item, key);
      if (found.is_array()) {
        const std::vector<Value>& items = found.as_array().items;
        out.items.insert(out.items.end(), items.begin(), items.end());
      } else if (!found.is_undefined()) {
        out.items.push_back(std::move(found));
      }
    }
    return result;
  }
  if (input.is_object()) {
    const Value* member = input.as_object().find(key);
    return member ? *member : Value();
  }
  return Value();
}

void flatten_into(const Value& value, std::vector<Value>& out, int depth) {
  if (value.is_array() && depth < 10000) {
    for (const Value& item : value.as_array().items)
      flatten_into(item, out, depth + 1);
  } else {
    out.push_back(value);
  }
}

Value wildcard(const Value& input) {
  Value results = make_sequence();
  const Value* subject = &input;
  if (input.is_array() && input.as_array().outer_wrapper && !input.as_array().items.empty()) {
    subject = &input.as_array().items[0];
  }
  if (!subject->is_object()) return results;
  for (const auto& [key, value] : subject->as_object().members()) {
    if (value.is_array()) {
      Array flat;
      flatten_into(value, flat.items, 0);
      results = append_values(results, Value::array(std::move(flat)));
    } else {
      results.mutable_array().items.push_back(value);
    }
  }
  return results;
}

void collect_descendants(const Value& input, std::vector<Value>& out, int depth) {
  if (depth > 10000) return;
  if (!input.is_array()) out.push_back(input);
  if (input.is_array()) {
    for (const Value& item : input.as_array().items)
      collect_descendants(item, out, depth + 1);
  } else if (input.is_object()) {
    for (const auto& [key, value] : input.as_object().members())
      collect_descendants(value, out, depth + 1);
  }
}

Value descendants(const Value& input) {
  if (input.is_undefined()) return Value();
  Value result = make_sequence();
  collect_descendants(input, result.mutable_array().items, 0);
  if (result.as_array().items.size() == 1) return result.as_array().items[0];
  return result;
}

std::string_view operator_token(BinaryOperator op) {
  return operator_text(op);
}

Value arithmetic(const Expr& expr, const Value& lhs, const Value& rhs) {
  std::string_view token = operator_token(expr.op);
  if (!lhs.is_undefined() && !is_numeric(lhs, expr.position)) {
    throw_code("T2001", expr.position, lhs, Value(), token);
  }
  if (!rhs.is_undefined() && !is_numeric(rhs, expr.position)) {
    throw_code("T2002", expr.position, rhs, Value(), token);
  }
  if (lhs.is_undefined() || rhs.is_undefined()) return Value();
  double a = lhs.as_number();
  double b = rhs.as_number();
  switch (expr.op) {
    case BinaryOperator::kAdd:
      return Value::number(a + b);
    case BinaryOperator::kSubtract:
      return Value::number(a - b);
    case BinaryOperator::kMultiply:
      return Value::number(a * b);
    case BinaryOperator::kDivide:
      return Value::number(a / b);
    default:
      return Value::number(std::fmod(a, b));
  }
}

bool is_comparable(const Value& value) {
  return value.is_undefined() || value.is_string() || value.is_number();
}

Value comparison(const Expr& expr, const Value& lhs, const Value& rhs) {
  std::string_view token = operator_token(expr.op);
  if (!is_comparable(lhs) || !is_comparable(rhs)) {
    bool left_bad = !(lhs.is_string() || lhs.is_number());
    throw_code("T2010", expr.position, left_bad ? lhs : rhs, Value(), token);
  }
  if (lhs.is_undefined() || rhs.is_undefined()) return Value();
  if (lhs.type() != rhs.type()) throw_code("T2009", expr.position, lhs, rhs, token);
  int order = 0;
  bool unordered = false;
  if (lhs.is_number()) {
    double a = lhs.as_number();
    double b = rhs.as_number();
    unordered = std::isnan(a) || std::isnan(b);
    order = a < b ? -1 : (a > b ? 1 : 0);
  } else {
    int c = lhs.as_string().compare(rhs.as_string());
    order = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (unordered) return Value::boolean(false);
  switch (expr.op) {
    case BinaryOperator::kLess:
      return Value::boolean(order < 0);
    case BinaryOperator::kLessOrEqual:
      return Value::boolean(order <= 0);
    case BinaryOperator::kGreater:
      return Value::boolean(order > 0);
    default:
      return Value::boolean(order >= 0);
  }
}

// JavaScript's ===: primitives by value, arrays, objects and functions by identity.
bool strictly_equal(const Value& a, const Value& b) {
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
    default:
      return a.same_instance(b);
  }
}

Value includes(const Value& lhs, const Value& rhs) {
  if (lhs.is_undefined() || rhs.is_undefined()) return Value::boolean(false);
  if (!rhs.is_array()) return Value::boolean(strictly_equal(lhs, rhs));
  for (const Value& item : rhs.as_array().items) {
    if (strictly_equal(item, lhs)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

// jsonata-js's fn.string for the & operator.
std::string string_of(const Value& value, uint32_t position) {
  if (value.is_string()) return value.as_string();
  if (value.is_function()) return "";
  if (value.is_number() && !std::isfinite(value.as_number())) throw_code("D3001", position, value);
  if (value.is_array() && value.as_array().outer_wrapper && !value.as_array().items.empty()) {
    return stringify(value.as_array().items[0]);
  }
  return stringify(value);
}

Value concatenate(const Expr& expr, const Value& lhs, const Value& rhs) {
  std::string text;
  if (!lhs.is_undefined()) text = string_of(lhs, expr.position);
  if (!rhs.is_undefined()) text += string_of(rhs, expr.position);
  return Value::string(std::move(text));
}

bool is_integer(const Value& value) {
  return value.is_number() && std::isfinite(value.as_number()) &&
         std::trunc(value.as_number()) == value.as_number();
}

Value range(const Expr& expr, const Value& lhs, const Value& rhs) {
  if (!lhs.is_undefined() && !is_integer(lhs)) throw_code("T2003", expr.position, lhs);
  if (!rhs.is_undefined() && !is_integer(rhs)) throw_code("T2004", expr.position, rhs);
  if (lhs.is_undefined() || rhs.is_undefined()) return Value();
  double from = lhs.as_number();
  double to = rhs.as_number();
  if (from > to) return Value();
  double size = to - from + 1;
  if (size > 1e7) throw_code("D2014", expr.position, Value::number(size));
  Value result = make_sequence();
  std::vector<Value>& items = result.mutable_array().items;
  items.reserve(static_cast<size_t>(size));
  for (double n = from; n <= to; ++n)
    items.push_back(Value::number(n));
  return result;
}

// The result as the caller sees it: plain arrays without the evaluator's flags.
Value plain(const Value& value, int depth) {
  if (depth > 10000) return value;
  if (value.is_array()) {
    Array copy;
    copy.items.reserve(value.as_array().items.size());
    for (const Value& item : value.as_array().items)
      copy.items.push_back(plain(item, depth + 1));
    return Value::array(std::move(copy));
  }
  if (value.is_object()) {
    Object copy;
    for (const auto& [key, member] : value.as_object().members())
      copy.set(key, plain(member, depth + 1));
    return Value::object(std::move(copy));
  }
  return value;
}

}  // namespace

Value Interpreter::eval(const Expr& expr, const Value& input,
                        const std::shared_ptr<Environment>& env) {
  DepthGuard guard(*this, depth_, evaluation_depth_limit(options().max_depth), expr.position);
  Value result = eval_node(expr, input, env);
  for (const Expr* predicate : expr.predicate)
    result = eval_filter(*predicate, result, env);
  if (expr.type != ExprType::kPath && expr.group) result = eval_group(*expr.group, result, env);
  if (result.is_sequence() && !result.as_array().tuple_stream) {
    if (expr.keep_array) result.mutable_array().keep_singleton = true;
    const Array& array = result.as_array();
    if (array.items.empty()) return Value();
    if (array.items.size() == 1 && !array.keep_singleton) return array.items[0];
  }
  return result;
}

Value Interpreter::eval_node(const Expr& expr, const Value& input,
                             const std::shared_ptr<Environment>& env) {
  switch (expr.type) {
    case ExprType::kPath:
      return eval_path(expr, input, env);
    case ExprType::kBinary:
      return eval_binary(expr, input, env);
    case ExprType::kNegate: {
      Value operand = eval(*expr.lhs, input, env);
      if (operand.is_undefined()) return Value();
      if (is_numeric(operand, expr.position)) return Value::number(-operand.as_number());
      throw_code("D1002", expr.position, operand, Value(), "-");
    }
    case ExprType::kArray:
      return eval_array(expr, input, env);
    case ExprType::kObject: {
      Group group;
      group.pairs = expr.pairs;
      group.position = expr.position;
      return eval_group(group, input, env);
    }
    case ExprType::kName:
      return lookup_field(input, expr.name);
    case ExprType::kLiteral:
      return expr.literal;
    case ExprType::kWildcard:
      return wildcard(input);
    case ExprType::kDescendant:
      return descendants(input);
    case ExprType::kParent: {
      const Value* value = env->lookup(expr.slot->label);
      return value ? *value : Value();
    }
    case ExprType::kCondition:
      return eval_condition(expr, input, env);
    case ExprType::kBlock:
      return eval_block(expr, input, env);
    case ExprType::kBind: {
      Value value = eval(*expr.lhs, input, env);
      env->bind(expr.name, value);
      return value;
    }
    case ExprType::kRegex:
      return regex_function(expr.regex, expr.position);
    case ExprType::kCall:
      return eval_call(expr, input, env, nullptr);
    case ExprType::kPartial:
      return eval_partial(expr, input, env);
    case ExprType::kVariable:
      return eval_variable(expr, input, env);
    case ExprType::kLambda:
      return Value::function(std::make_shared<Lambda>(current_expression_, &expr, input, env));
    case ExprType::kApply:
      return eval_apply(expr, input, env);
    case ExprType::kTransform:
      return Value::function(std::make_shared<TransformFunction>(current_expression_, &expr, env));
    case ExprType::kSort:
      return eval_sort(expr, input.is_array() ? input : sequence_of(input), env);
    case ExprType::kPlaceholder:
      return Value();
  }
  return Value();
}

Value Interpreter::eval_binary(const Expr& expr, const Value& input,
                               const std::shared_ptr<Environment>& env) {
  Value lhs = eval(*expr.lhs, input, env);
  if (expr.op == BinaryOperator::kAnd || expr.op == BinaryOperator::kOr) {
    bool left = to_boolean(lhs).value_or(false);
    if (expr.op == BinaryOperator::kAnd && !left) return Value::boolean(false);
    if (expr.op == BinaryOperator::kOr && left) return Value::boolean(true);
    return Value::boolean(to_boolean(eval(*expr.rhs, input, env)).value_or(false));
  }
  Value rhs = eval(*expr.rhs, input, env);
  if (expr.range) return range(expr, lhs, rhs);
  switch (expr.op) {
    case BinaryOperator::kAdd:
    case BinaryOperator::kSubtract:
    case BinaryOperator::kMultiply:
    case BinaryOperator::kDivide:
    case BinaryOperator::kModulo:
      return arithmetic(expr, lhs, rhs);
    case BinaryOperator::kEqual:
    case BinaryOperator::kNotEqual: {
      if (lhs.is_undefined() || rhs.is_undefined()) return Value::boolean(false);
      bool equal = deep_equal(lhs, rhs);
      return Value::boolean(expr.op == BinaryOperator::kEqual ? equal : !equal);
    }
    case BinaryOperator::kLess:
    case BinaryOperator::kLessOrEqual:
    case BinaryOperator::kGreater:
    case BinaryOperator::kGreaterOrEqual:
      return comparison(expr, lhs, rhs);
    case BinaryOperator::kConcatenate:
      return concatenate(expr, lhs, rhs);
    case BinaryOperator::kIn:
      return includes(lhs, rhs);
    default:
      return Value();
  }
}

Value Interpreter::eval_array(const Expr& expr, const Value& input,
                              const std::shared_ptr<Environment>& env) {
  Value result = Value::array(Array());
  for (const Expr* item : expr.items) {
    Value value = eval(*item, input, env);
    if (value.is_undefined()) continue;
    if (item->type == ExprType::kArray) {
      result.mutable_array().items.push_back(std::move(value));
    } else {
      result = append_values(result, value);
    }
  }
  if (expr.consarray) result.mutable_array().cons = true;
  return result;
}

Value Interpreter::eval_block(const Expr& expr, const Value& input,
                              const std::shared_ptr<Environment>& env) {
  std::shared_ptr<Environment> frame = new_frame(env);
  Value result;
  for (const Expr* part : expr.items)
    result = eval(*part, input, frame);
  return result;
}

Value Interpreter::eval_condition(const Expr& expr, const Value& input,
                                  const std::shared_ptr<Environment>& env) {
  Value condition = eval(*expr.condition, input, env);
  if (to_boolean(condition).value_or(false)) return eval(*expr.then, input, env);
  if (expr.otherwise) return eval(*expr.otherwise, input, env);
  return Value();
}

Value Interpreter::eval_variable(const Expr& expr, const Value& input,
                                 const std::shared_ptr<Environment>& env) {
  if (expr.name.empty()) {
    if (input.is_array() && input.as_array().outer_wrapper && !input.as_array().items.empty()) {
      return input.as_array().items[0];
    }
    return input;
  }
  const Value* value = env->lookup(expr.name);
  return value ? *value : Value();
}

Value Interpreter::evaluate(const std::shared_ptr<const Ast>& ast, uint32_t node,
                            const Value& input, const std::shared_ptr<Environment>& environment) {
  std::shared_ptr<const CompiledExpression>& compiled = compiled_[{ast.get(), node}];
  if (!compiled) compiled = compile_expression(ast, node);
  return evaluate_compiled(compiled, input, environment);
}

Value Interpreter::evaluate_compiled(const std::shared_ptr<const CompiledExpression>& compiled,
                                     const Value& input,
                                     const std::shared_ptr<Environment>& environment) {
  ExpressionScope scope(*this, compiled);
  std::shared_ptr<Environment> env = environment ? environment : new_frame(nullptr);
  return eval(*compiled->root, input, env);
}

std::shared_ptr<const CompiledExpression> compile(const std::shared_ptr<const Ast>& ast) {
  return compile_expression(ast, ast->root());
}

EvaluationResult evaluate(const std::shared_ptr<const Ast>& ast, const Value& input,
                          const std::shared_ptr<Environment>& bindings,
                          const EvaluationOptions& options) {
  return evaluate(compile(ast), input, bindings, options);
}

EvaluationResult evaluate(const std::shared_ptr<const CompiledExpression>& expression,
                          const Value& input, const std::shared_ptr<Environment>& bindings,
                          const EvaluationOptions& options) {
  EvaluationResult result;
  Interpreter interpreter(options);
  try {
    std::shared_ptr<Environment> env = interpreter.new_frame(bindings);
    env->bind("$", input);
    Value context = input;
    if (input.is_array() && !input.is_sequence()) {
      context = sequence_of(input);
      context.mutable_array().outer_wrapper = true;
    }
    Value value = interpreter.evaluate_compiled(expression, context, env);
    if (value.is_array() && value.as_array().outer_wrapper && !value.as_array().items.empty()) {
      value = value.as_array().items[0];
    }
    result.value = plain(value, 0);
  } catch (const EvaluationFailure& failure) {
    result.error = failure.error();
  } catch (const std::bad_alloc&) {
    result.error = EvaluationError{"D1012", "Out of memory while evaluating the expression", 0};
  }
  // Closures and the frames they capture refer to each other: clearing the frames breaks those
  // cycles, so nothing outlives the evaluation.
  interpreter.release_frames();
  return result;
}

}  // namespace wflint::jsonata
