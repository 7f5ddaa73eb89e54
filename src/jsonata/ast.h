#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wflint::jsonata {

// What a node of a JSONata syntax tree stands for. The comment lists the children, in order.
enum class NodeKind : uint8_t {
  kNumber,              // number holds the value; "-1" is folded into one negative number
  kString,              // text holds the decoded string
  kTrue,                // true
  kFalse,               // false
  kNull,                // null
  kRegex,               // text holds the pattern, regex_flags the flags ("i", "m")
  kName,                // a field name; text holds it (backquotes removed)
  kVariable,            // text holds the name without "$": "" for $, "$" for $$
  kWildcard,            // *
  kDescendant,          // **
  kParent,              // %
  kPath,                // a.b.c: the steps, at least two
  kFilter,              // subject[predicate]: subject, predicate
  kGroupBy,             // subject{k: v, ...}: subject, then key and value of each pair
  kSort,                // subject^(<a, >b): subject, then one kSortTerm per term
  kSortTerm,            // expression; descending tells the direction
  kFocusBind,           // subject@$v: subject, variable
  kIndexBind,           // subject#$i: subject, variable
  kArray,               // [a, b, 1..3]: the items
  kRange,               // a..b inside an array constructor: from, to
  kObject,              // {k: v, ...}: key and value of each pair
  kNegate,              // -a: operand
  kBinary,              // a op b (op tells which): left, right
  kCondition,           // c ? a : b: condition, then, else (else is optional)
  kFunctionCall,        // f(a, b): procedure, then the arguments
  kPartialApplication,  // f(a, ?): procedure, then the arguments (kPlaceholder for each ?)
  kPlaceholder,         // the ? of a partial application
  kLambda,              // function($a, $b)<sig>{body}: parameters (kVariable), then body
  kBlock,               // (a; b): the expressions, possibly none
  kBind,                // $v := value: variable, value
  kChain,               // a ~> f: left, right
  kTransform,           // | pattern | update, delete |: pattern, update, delete (optional)
};

enum class BinaryOperator : uint8_t {
  kNone,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kConcatenate,  // &
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kAnd,
  kOr,
  kIn,
};

struct AstNode {
  NodeKind kind = NodeKind::kNull;
  BinaryOperator op = BinaryOperator::kNone;  // for kBinary only
  bool keep_array = false;  // the step was followed by [], which keeps singleton arrays
  bool descending = false;  // for kSortTerm only: the term was written >expr
  uint32_t offset = 0;      // byte range of the whole construct in the expression text
  uint32_t length = 0;
  double number = 0;
  std::string text;         // see NodeKind; for kLambda the signature as written ("<n-n:n>") or ""
  std::string regex_flags;  // for kRegex only
  std::vector<uint32_t> children;
};

// The syntax tree: every node lives in one vector and refers to its children by index. Every
// node is reachable from the root, so rules may scan all nodes without walking the tree.
class Ast {
 public:
  uint32_t root() const { return root_; }
  const AstNode& node(uint32_t index) const { return nodes_[index]; }
  std::span<const uint32_t> children(uint32_t index) const { return nodes_[index].children; }
  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  std::span<const AstNode> nodes() const { return nodes_; }

  uint32_t add(AstNode node);
  AstNode& mutable_node(uint32_t index) { return nodes_[index]; }
  void set_root(uint32_t index) { root_ = index; }

 private:
  std::vector<AstNode> nodes_;
  uint32_t root_ = 0;
};

std::string_view kind_name(NodeKind kind);
std::string_view operator_text(BinaryOperator op);

// For a kFunctionCall or kPartialApplication whose procedure is a variable ($sum(...)), the
// variable name without "$"; otherwise empty.
std::string_view called_function_name(const Ast& ast, uint32_t call);

// For a kFunctionCall, kPartialApplication or kLambda: the number of arguments or parameters.
uint32_t argument_count(const Ast& ast, uint32_t node);

// A compact one-line rendering of the tree, e.g. (path (var "states") (name "input")); meant
// for tests and debugging.
std::string to_sexpr(const Ast& ast);
std::string to_sexpr(const Ast& ast, uint32_t index);

}  // namespace wflint::jsonata
