#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jsonata/ast.h"
#include "jsonata/eval/value.h"

namespace wflint::jsonata {

// A failed evaluation as jsonata-js reports it: its code ("T1006") and message ("Attempted to
// invoke a non-function"), and where in the expression it happened.
struct EvaluationError {
  std::string code;
  std::string message;
  uint32_t position = 0;
};

// Thrown while evaluating; evaluate() turns it into a result.
class EvaluationFailure : public std::exception {
 public:
  explicit EvaluationFailure(EvaluationError error) : error_(std::move(error)) {}
  const EvaluationError& error() const { return error_; }
  const char* what() const noexcept override { return error_.message.c_str(); }

 private:
  EvaluationError error_;
};

[[noreturn]] inline void throw_error(std::string code, uint32_t position, std::string message) {
  throw EvaluationFailure(EvaluationError{std::move(code), std::move(message), position});
}

// Variable bindings: one frame, with the frame it was created in as its parent. Lambdas keep
// the frame they were defined in.
class Environment {
 public:
  explicit Environment(std::shared_ptr<const Environment> parent = nullptr)
      : parent_(std::move(parent)) {}
  void bind(std::string_view name, Value value);
  // The value bound to `name` here or in a parent frame; nullptr when unbound.
  const Value* lookup(std::string_view name) const;

 private:
  std::shared_ptr<const Environment> parent_;
  std::unordered_map<std::string, Value> bindings_;
};

// What the evaluation depends on besides the expression and its input.
struct EvaluationOptions {
  // The instant $now() and $millis() return, in milliseconds since the epoch: one per evaluation.
  double now_millis = 0;
  // Uniform in [0, 1), for $random() and $shuffle().
  std::function<double()> random;
  // A new version-4 UUID, for Step Functions' $uuid().
  std::function<std::string()> uuid;
  // Nested evaluation depth (lambda calls, nesting) beyond which evaluation fails with U1001
  // instead of exhausting the stack.
  uint32_t max_depth = 1000;
};

// Evaluates trees. Built-in functions use it to call the functions they are given ($map, $sort,
// $reduce, ...).
class Evaluator {
 public:
  explicit Evaluator(EvaluationOptions options) : options_(std::move(options)) {}
  virtual ~Evaluator() = default;

  // Evaluates `node` of `ast` with `input` as the context value.
  virtual Value evaluate(const std::shared_ptr<const Ast>& ast, uint32_t node, const Value& input,
                         const std::shared_ptr<Environment>& environment) = 0;
  // Calls a function value with these arguments (T1006 when it is not a function).
  virtual Value apply(const Value& function, std::span<const Value> arguments, const Value& context,
                      uint32_t position) = 0;

  const EvaluationOptions& options() const { return options_; }

 private:
  EvaluationOptions options_;
};

// A frame holding every standard JSONata 2.0 function ($sum, $string, $map, ...), to be the
// parent of the frame with the caller's bindings.
std::shared_ptr<const Environment> standard_library();
// What Step Functions offers instead: the standard functions without $eval, plus $partition,
// $range, $hash, $random (with an optional seed), $uuid and $parse.
std::shared_ptr<const Environment> step_functions_library();

// A built-in function: its name (without "$"), its jsonata-js signature ("<s-nn?:s>", checked
// and used to fill a missing "-" argument with the context before the implementation runs),
// and the implementation, which receives the validated arguments.
struct BuiltinCall {
  Evaluator& evaluator;
  std::span<const Value> arguments;
  const Value& context;
  uint32_t position;
};
using BuiltinImplementation = Value (*)(BuiltinCall& call);
struct Builtin {
  std::string_view name;
  std::string_view signature;
  BuiltinImplementation implementation;
};
// Wraps a built-in as a function value.
Value builtin_function(const Builtin& builtin);

// Every standard built-in, in a fixed order.
std::span<const Builtin> standard_builtins();

struct EvaluationResult {
  Value value;                           // undefined when the expression yields nothing
  std::optional<EvaluationError> error;  // set when evaluation failed
};

// A parsed expression compiled for evaluation (the form jsonata-js evaluates: paths as steps,
// predicates on their steps). Compile once to evaluate the same expression many times.
struct CompiledExpression;
std::shared_ptr<const CompiledExpression> compile(const std::shared_ptr<const Ast>& ast);

// Evaluates a whole expression against `input`. `bindings` (may be null) holds the caller's
// variables and functions; its frame's parent should be standard_library(). A function in the
// result tells that the expression yields a function, but cannot be called: the frames it
// closed over are released when the evaluation ends.
EvaluationResult evaluate(const std::shared_ptr<const CompiledExpression>& expression,
                          const Value& input, const std::shared_ptr<Environment>& bindings,
                          const EvaluationOptions& options);
// The same, compiling the parsed expression first.
EvaluationResult evaluate(const std::shared_ptr<const Ast>& ast, const Value& input,
                          const std::shared_ptr<Environment>& bindings,
                          const EvaluationOptions& options);

}  // namespace wflint::jsonata
