#pragma once

// The evaluator's private parts, shared by evaluator.cpp, expression_compiler.cpp,
// path_evaluation.cpp, lambda.cpp and regex_function.cpp.
//
// The parser's tree is first turned into the tree jsonata-js's post-parse stage (processAST)
// produces: paths become lists of steps, predicates on a step become its "stages", group-by,
// focus (@) and index (#) bindings are attached to the step they follow, and % (parent)
// references are resolved into ancestor labels. Evaluation then follows jsonata-js on that tree.

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jsonata/ast.h"
#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/regex_matcher.h"
#include "jsonata/eval/value.h"

namespace wflint::jsonata {

enum class ExprType : uint8_t {
  kPath,
  kBinary,  // every BinaryOperator, and the range ".." (range == true)
  kNegate,
  kArray,
  kObject,
  kName,
  kLiteral,
  kWildcard,
  kDescendant,
  kParent,
  kCondition,
  kBlock,
  kBind,
  kRegex,
  kCall,
  kPartial,
  kPlaceholder,
  kVariable,
  kLambda,
  kApply,
  kTransform,
  kSort,
};

// What a % asks for: the ancestor `level` steps up, bound under `label` in tuple streams.
struct Slot {
  std::string label;
  int level = 1;
  size_t index = 0;
};
// Shared because jsonata-js shares (and extends) these lists between nodes.
using Slots = std::shared_ptr<std::vector<Slot*>>;

struct Expr;

// A predicate on a path step ([...]) or an index binding (#$i) that follows one.
struct Stage {
  const Expr* filter = nullptr;  // null for an index binding
  std::string index_variable;
};

struct Group {
  std::vector<std::pair<const Expr*, const Expr*>> pairs;
  uint32_t position = 0;
};

struct SortTerm {
  const Expr* expression = nullptr;
  bool descending = false;
};

struct Expr {
  ExprType type = ExprType::kLiteral;
  uint32_t position = 0;

  Value literal;                              // kLiteral
  std::string name;                           // kName, kVariable, kBind's variable
  BinaryOperator op = BinaryOperator::kNone;  // kBinary
  bool range = false;                         // kBinary ".."
  const Expr* lhs = nullptr;                  // kBinary, kApply, kBind (value), kNegate
  const Expr* rhs = nullptr;                  // kBinary, kApply
  std::vector<const Expr*> items;             // kPath steps, kArray items, kBlock, arguments
  std::vector<std::pair<const Expr*, const Expr*>> pairs;  // kObject
  const Expr* condition = nullptr;                         // kCondition
  const Expr* then = nullptr;
  const Expr* otherwise = nullptr;
  const Expr* procedure = nullptr;      // kCall, kPartial
  std::vector<std::string> parameters;  // kLambda, without "$"
  std::string signature;                // kLambda
  const Expr* body = nullptr;           // kLambda
  bool thunk = false;                   // kLambda made for a tail call
  const Expr* pattern = nullptr;        // kTransform
  const Expr* update = nullptr;
  const Expr* deletion = nullptr;
  std::vector<SortTerm> terms;                // kSort
  std::shared_ptr<const RegexProgram> regex;  // kRegex

  // Decorations added by the post-parse stage.
  std::vector<const Expr*> predicate;  // filters on an expression outside a path
  std::vector<Stage> stages;           // filters and index bindings on a path step
  std::optional<Group> group;
  std::string focus;           // @$focus
  std::string index_variable;  // #$index
  bool tuple = false;
  bool keep_array = false;
  bool keep_singleton_array = false;  // kPath
  bool consarray = false;
  Slot* ancestor = nullptr;  // a step that must record its parent under ancestor->label
  Slot* slot = nullptr;      // kParent
  Slots seeking_parent;
};

// A parsed expression compiled for evaluation; lambdas keep it alive.
struct CompiledExpression {
  std::shared_ptr<const Ast> ast;
  std::deque<Expr> nodes;
  std::deque<Slot> slots;
  const Expr* root = nullptr;
};

// Turns the subtree at `node` into the post-parse tree.
std::shared_ptr<const CompiledExpression> compile_expression(const std::shared_ptr<const Ast>& ast,
                                                             uint32_t node);

// jsonata-js's message templates, by code; empty when unknown.
std::string_view message_template(std::string_view code);
[[noreturn]] void throw_code(std::string_view code, uint32_t position, const Value& value = {},
                             const Value& value2 = {}, std::string_view token = {});

class Interpreter;

// function($a, $b){ body } with the frame and input it was defined in.
class Lambda : public Function {
 public:
  Lambda(std::shared_ptr<const CompiledExpression> expression, const Expr* definition, Value input,
         std::shared_ptr<Environment> environment);
  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override;
  uint32_t arity() const override { return static_cast<uint32_t>(parameters_.size()); }

  const Expr& definition() const { return *definition_; }
  bool is_thunk() const { return definition_->thunk && parameters_.empty(); }
  const Value& input() const { return input_; }
  const std::shared_ptr<Environment>& environment() const { return environment_; }
  const std::vector<std::string>& parameters() const { return parameters_; }
  const std::shared_ptr<const CompiledExpression>& expression() const { return expression_; }
  // The same lambda with the given parameters bound and the rest left as parameters.
  std::shared_ptr<Lambda> partially_applied(std::span<const std::optional<Value>> arguments,
                                            Interpreter& interpreter) const;

 private:
  std::shared_ptr<const CompiledExpression> expression_;
  const Expr* definition_;
  Value input_;
  std::shared_ptr<Environment> environment_;
  std::vector<std::string> parameters_;
  bool validate_signature_ = true;
};

// A built-in (or any other non-lambda) function with some arguments fixed: $f(?, 2).
class PartialFunction : public Function {
 public:
  PartialFunction(Value target, std::vector<std::optional<Value>> arguments);
  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override;
  uint32_t arity() const override;

 private:
  Value target_;
  std::vector<std::optional<Value>> arguments_;  // nullopt for each "?"
};

// f ~> g where both are functions: x => g(f(x)).
class ComposedFunction : public Function {
 public:
  ComposedFunction(Value first, Value second)
      : first_(std::move(first)), second_(std::move(second)) {}
  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override;
  uint32_t arity() const override { return 1; }

 private:
  Value first_;
  Value second_;
};

// | pattern | update, delete |: a function of the object to transform.
class TransformFunction : public Function {
 public:
  TransformFunction(std::shared_ptr<const CompiledExpression> expression, const Expr* definition,
                    std::shared_ptr<Environment> environment)
      : expression_(std::move(expression)),
        definition_(definition),
        environment_(std::move(environment)) {}
  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override;
  uint32_t arity() const override { return 1; }

 private:
  std::shared_ptr<const CompiledExpression> expression_;
  const Expr* definition_;
  std::shared_ptr<Environment> environment_;
};

class Interpreter : public Evaluator {
 public:
  explicit Interpreter(EvaluationOptions options);

  Value evaluate(const std::shared_ptr<const Ast>& ast, uint32_t node, const Value& input,
                 const std::shared_ptr<Environment>& environment) override;
  Value apply(const Value& function, std::span<const Value> arguments, const Value& context,
              uint32_t position) override;

  // Evaluates a compiled node (jsonata-js evaluate()).
  Value eval(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  // Runs a lambda's body with its parameters bound, following tail calls.
  Value run_lambda(const Lambda& lambda, std::span<const Value> arguments, uint32_t position);
  // A new frame whose parent is `parent`; remembered so that cycles through closures can be
  // broken when the evaluation ends.
  std::shared_ptr<Environment> new_frame(std::shared_ptr<const Environment> parent);
  // Clears every frame made during the evaluation (when no function escapes in the result).
  void release_frames();

  // Evaluates a whole compiled expression.
  Value evaluate_compiled(const std::shared_ptr<const CompiledExpression>& compiled,
                          const Value& input, const std::shared_ptr<Environment>& environment);

  // Makes `expression` the one lambdas and transforms are created in; returns the previous one.
  std::shared_ptr<const CompiledExpression> swap_expression(
      std::shared_ptr<const CompiledExpression> expression) {
    std::swap(current_expression_, expression);
    return expression;
  }

 private:
  friend class DepthGuard;
  Value eval_node(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);

  // path_evaluation.cpp
  Value eval_path(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_step(const Expr& step, const Value& input, const std::shared_ptr<Environment>& env,
                  bool last_step);
  Value eval_tuple_step(const Expr& step, const Value& input, const Value& tuples,
                        const std::shared_ptr<Environment>& env);
  Value eval_stages(const std::vector<Stage>& stages, Value input,
                    const std::shared_ptr<Environment>& env);
  Value eval_filter(const Expr& predicate, const Value& input,
                    const std::shared_ptr<Environment>& env);
  Value eval_group(const Group& group, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_sort(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  std::shared_ptr<Environment> frame_from_tuple(const std::shared_ptr<Environment>& env,
                                                const Value& tuple);
  int compare_for_sort(const Expr& sort, const Value& a, const Value& b, bool tuples,
                       const std::shared_ptr<Environment>& env);

  // evaluator.cpp
  Value eval_binary(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_array(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_block(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_condition(const Expr& expr, const Value& input,
                       const std::shared_ptr<Environment>& env);
  Value eval_variable(const Expr& expr, const Value& input,
                      const std::shared_ptr<Environment>& env);

  // lambda.cpp
  Value eval_call(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env,
                  const Value* chained);
  Value eval_partial(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value eval_apply(const Expr& expr, const Value& input, const std::shared_ptr<Environment>& env);
  Value apply_inner(const Value& function, std::span<const Value> arguments, const Value& context,
                    uint32_t position);

  std::map<std::pair<const Ast*, uint32_t>, std::shared_ptr<const CompiledExpression>> compiled_;
  std::shared_ptr<const CompiledExpression> current_expression_;
  std::vector<std::weak_ptr<Environment>> frames_;
  uint32_t depth_ = 0;
  uint32_t call_depth_ = 0;
  // Evaluation stops with U1001 when the stack reaches this address (it grows downwards), so
  // that deep recursion fails cleanly whatever the thread's stack size and the build's frame
  // sizes.
  uintptr_t stack_limit_ = 0;
};

// Evaluates with `expression` current for as long as it lives.
class ExpressionScope {
 public:
  ExpressionScope(Interpreter& interpreter, std::shared_ptr<const CompiledExpression> expression)
      : interpreter_(interpreter), saved_(interpreter.swap_expression(std::move(expression))) {}
  ~ExpressionScope() { interpreter_.swap_expression(std::move(saved_)); }
  ExpressionScope(const ExpressionScope&) = delete;
  ExpressionScope& operator=(const ExpressionScope&) = delete;

 private:
  Interpreter& interpreter_;
  std::shared_ptr<const CompiledExpression> saved_;
};

// Counts nested evaluations; fails with U1001 beyond the configured depth.
class DepthGuard {
 public:
  DepthGuard(Interpreter& interpreter, uint32_t& counter, uint32_t limit, uint32_t position);
  ~DepthGuard() { --counter_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  uint32_t& counter_;
};

// jsonata-js's fn.boolean: undefined stays undefined.
std::optional<bool> to_boolean(const Value& value);
// jsonata-js's fn.append.
Value append_values(const Value& first, const Value& second);
// A sequence holding one item.
Value sequence_of(Value item);
// An object value holding a copy of `tuple`'s members.
Value copy_object(const Value& object);
// True when the value is a number that is not NaN; D1001 when it is infinite (isNumeric).
bool is_numeric(const Value& value, uint32_t position);

}  // namespace wflint::jsonata
