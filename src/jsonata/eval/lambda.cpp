// Function calls, lambdas, partial application, chaining (~>) and transforms, following
// jsonata-js 2.0.5's evaluateFunction, apply, evaluateLambda, evaluatePartialApplication,
// evaluateApplyExpression and evaluateTransformExpression.

#include <utility>

#include "jsonata/eval/evaluator_internal.h"

namespace wflint::jsonata {

namespace {

Interpreter& interpreter_of(Evaluator& evaluator, uint32_t position) {
  auto* interpreter = dynamic_cast<Interpreter*>(&evaluator);
  if (interpreter == nullptr) throw_code("T1006", position);
  return *interpreter;
}

const Lambda* lambda_of(const Value& value) {
  if (!value.is_function()) return nullptr;
  return dynamic_cast<const Lambda*>(&value.as_function());
}

// The field name a call's procedure was written as (sum in "sum(x)"), for the "Did you mean
// $sum?" errors: jsonata-js offers it when that name is bound as a variable.
const std::string* forgotten_dollar(const Expr& procedure, const Environment& env) {
  if (procedure.type != ExprType::kPath || procedure.items.empty()) return nullptr;
  const Expr& first = *procedure.items[0];
  if (first.type != ExprType::kName) return nullptr;
  const Value* bound = env.lookup(first.name);
  if (bound == nullptr || !to_boolean(*bound).value_or(false)) {
    // JavaScript truthiness: functions, objects and arrays are truthy even when "empty"
    if (bound == nullptr || !(bound->is_function() || bound->is_object() || bound->is_array())) {
      return nullptr;
    }
  }
  return &first.name;
}

Value deep_copy(const Value& value, int depth) {
  if (depth > 10000) return value;
  if (value.is_array()) {
    Array copy;
    copy.items.reserve(value.as_array().items.size());
    for (const Value& item : value.as_array().items)
      copy.items.push_back(deep_copy(item, depth + 1));
    return Value::array(std::move(copy));
  }
  if (value.is_object()) {
    Object copy;
    for (const auto& [key, member] : value.as_object().members())
      copy.set(key, deep_copy(member, depth + 1));
    return Value::object(std::move(copy));
  }
  return value;
}

}  // namespace

// ---------------------------------------------------------------- Lambda

Lambda::Lambda(std::shared_ptr<const CompiledExpression> expression, const Expr* definition,
               Value input, std::shared_ptr<Environment> environment)
    : expression_(std::move(expression)),
      definition_(definition),
      input_(std::move(input)),
      environment_(std::move(environment)),
      parameters_(definition->parameters) {}

Value Lambda::call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
                   uint32_t position) const {
  static_cast<void>(context);  // a lambda's context is the input it was defined with
  return interpreter_of(evaluator, position).run_lambda(*this, arguments, position);
}

std::shared_ptr<Lambda> Lambda::partially_applied(std::span<const std::optional<Value>> arguments,
                                                  Interpreter& interpreter) const {
  auto partial = std::make_shared<Lambda>(expression_, definition_, input_,
                                          interpreter.new_frame(environment_));
  partial->parameters_.clear();
  partial->validate_signature_ = false;
  for (size_t i = 0; i < parameters_.size(); ++i) {
    if (i < arguments.size() && !arguments[i].has_value()) {
      partial->parameters_.push_back(parameters_[i]);
    } else {
      partial->environment_->bind(parameters_[i], i < arguments.size() ? *arguments[i] : Value());
    }
  }
  return partial;
}

Value Interpreter::run_lambda(const Lambda& lambda, std::span<const Value> arguments,
                              uint32_t position) {
  DepthGuard guard(*this, call_depth_, options().max_depth, position);
  ExpressionScope scope(*this, current_expression_);

  Value keep_alive;  // owns `current` once a tail call has replaced the original lambda
  const Lambda* current = &lambda;
  std::vector<Value> args(arguments.begin(), arguments.end());
  for (;;) {
    current_expression_ = current->expression();
    std::shared_ptr<Environment> frame = new_frame(current->environment());
    const std::vector<std::string>& parameters = current->parameters();
    for (size_t i = 0; i < parameters.size(); ++i)
      frame->bind(parameters[i], i < args.size() ? args[i] : Value());
    Value result = eval(*current->definition().body, current->input(), frame);

    // Tail calls come back as thunks: run them here instead of deeper in the stack.
    const Lambda* thunk = lambda_of(result);
    while (thunk != nullptr && thunk->is_thunk()) {
      Value thunk_value = result;
      current_expression_ = thunk->expression();
      const Expr& call = *thunk->definition().body;
      Value next = eval(*call.procedure, thunk->input(), thunk->environment());
      std::vector<Value> next_args;
      for (const Expr* argument : call.items)
        next_args.push_back(eval(*argument, thunk->input(), thunk->environment()));
      const Lambda* next_lambda = lambda_of(next);
      if (next_lambda != nullptr && !next_lambda->is_thunk()) {
        keep_alive = next;
        current = next_lambda;
        args = std::move(next_args);
        break;
      }
      result = apply(next, next_args, thunk->input(), call.position);
      thunk = lambda_of(result);
      if (thunk == nullptr || !thunk->is_thunk()) return result;
    }
    if (thunk == nullptr || !thunk->is_thunk()) return result;
  }
}

// ---------------------------------------------------------------- other functions

PartialFunction::PartialFunction(Value target, std::vector<std::optional<Value>> arguments)
    : target_(std::move(target)), arguments_(std::move(arguments)) {}

uint32_t PartialFunction::arity() const {
  uint32_t placeholders = 0;
  for (const std::optional<Value>& argument : arguments_) {
    if (!argument) ++placeholders;
  }
  return placeholders;
}

Value PartialFunction::call(Evaluator& evaluator, const Value& context,
                            std::span<const Value> arguments, uint32_t position) const {
  std::vector<Value> full;
  size_t supplied = 0;
  for (const std::optional<Value>& argument : arguments_) {
    if (argument) {
      full.push_back(*argument);
    } else {
      full.push_back(supplied < arguments.size() ? arguments[supplied] : Value());
      ++supplied;
    }
  }
  while (!full.empty() && full.back().is_undefined())
    full.pop_back();
  return evaluator.apply(target_, full, context, position);
}

Value ComposedFunction::call(Evaluator& evaluator, const Value& context,
                             std::span<const Value> arguments, uint32_t position) const {
  std::vector<Value> first_arguments{arguments.empty() ? Value() : arguments[0]};
  std::vector<Value> second_arguments{evaluator.apply(first_, first_arguments, context, position)};
  return evaluator.apply(second_, second_arguments, context, position);
}

Value TransformFunction::call(Evaluator& evaluator, const Value& /*context*/,
                              std::span<const Value> arguments, uint32_t position) const {
  Interpreter& interpreter = interpreter_of(evaluator, position);
  Value subject = arguments.empty() ? Value() : arguments[0];
  if (subject.is_undefined()) return Value();
  if (!subject.is_object() && !subject.is_array()) {
    throw_error("T0410", position,
                "Argument 1 of function undefined does not match function signature");
  }
  const Expr& definition = *definition_;
  const Value* clone = environment_->lookup("clone");
  if (clone == nullptr || !clone->is_function()) throw_code("T2013", definition.position);
  std::vector<Value> clone_arguments{subject};
  // Copied again so that the updates below can never reach the caller's data, whatever the
  // bound $clone returns.
  Value result = deep_copy(interpreter.apply(*clone, clone_arguments, Value(), position), 0);

  ExpressionScope scope(interpreter, expression_);

  Value matches = interpreter.eval(*definition.pattern, result, environment_);
  if (matches.is_undefined()) return result;
  std::vector<Value> targets =
      matches.is_array() ? matches.as_array().items : std::vector<Value>{matches};
  for (Value& match : targets) {
    Value update = interpreter.eval(*definition.update, match, environment_);
    if (!update.is_undefined()) {
      if (!update.is_object()) throw_code("T2011", definition.update->position, update);
      if (match.is_object()) {
        for (const auto& [key, value] : update.as_object().members())
          match.mutable_object().set(key, value);
      }
    }
    if (definition.deletion == nullptr) continue;
    Value deletions = interpreter.eval(*definition.deletion, match, environment_);
    if (deletions.is_undefined()) continue;
    std::vector<Value> names =
        deletions.is_array() ? deletions.as_array().items : std::vector<Value>{deletions};
    for (const Value& name : names) {
      if (!name.is_string()) throw_code("T2012", definition.deletion->position, deletions);
    }
    if (!match.is_object()) continue;
    for (const Value& name : names)
      match.mutable_object().erase(name.as_string());
  }
  return result;
}

// ---------------------------------------------------------------- interpreter

Value Interpreter::apply(const Value& function, std::span<const Value> arguments,
                         const Value& context, uint32_t position) {
  return apply_inner(function, arguments, context, position);
}

Value Interpreter::apply_inner(const Value& function, std::span<const Value> arguments,
                               const Value& context, uint32_t position) {
  if (!function.is_function()) throw_code("T1006", position);
  return function.as_function().call(*this, context, arguments, position);
}

Value Interpreter::eval_call(const Expr& expr, const Value& input,
                             const std::shared_ptr<Environment>& env, const Value* chained) {
  Value procedure = eval(*expr.procedure, input, env);
  if (procedure.is_undefined()) {
    if (const std::string* name = forgotten_dollar(*expr.procedure, *env)) {
      throw_code("T1005", expr.position, Value(), Value(), *name);
    }
  }
  std::vector<Value> arguments;
  if (chained != nullptr) arguments.push_back(*chained);
  for (const Expr* argument : expr.items)
    arguments.push_back(eval(*argument, input, env));
  return apply(procedure, arguments, input, expr.position);
}

Value Interpreter::eval_partial(const Expr& expr, const Value& input,
                                const std::shared_ptr<Environment>& env) {
  std::vector<std::optional<Value>> arguments;
  for (const Expr* argument : expr.items) {
    if (argument->type == ExprType::kPlaceholder) {
      arguments.emplace_back(std::nullopt);
    } else {
      arguments.emplace_back(eval(*argument, input, env));
    }
  }
  Value procedure = eval(*expr.procedure, input, env);
  if (procedure.is_undefined()) {
    if (const std::string* name = forgotten_dollar(*expr.procedure, *env)) {
      throw_code("T1007", expr.position, Value(), Value(), *name);
    }
  }
  if (const Lambda* lambda = lambda_of(procedure)) {
    return Value::function(lambda->partially_applied(arguments, *this));
  }
  if (procedure.is_function()) {
    return Value::function(std::make_shared<PartialFunction>(procedure, std::move(arguments)));
  }
  throw_code("T1008", expr.position);
}

Value Interpreter::eval_apply(const Expr& expr, const Value& input,
                              const std::shared_ptr<Environment>& env) {
  Value lhs = eval(*expr.lhs, input, env);
  if (expr.rhs->type == ExprType::kCall) return eval_call(*expr.rhs, input, env, &lhs);
  Value function = eval(*expr.rhs, input, env);
  if (!function.is_function()) throw_code("T2006", expr.position, function);
  if (lhs.is_function()) {
    return Value::function(std::make_shared<ComposedFunction>(lhs, function));
  }
  std::vector<Value> arguments{lhs};
  return apply(function, arguments, Value::null(), expr.position);
}

}  // namespace wflint::jsonata
