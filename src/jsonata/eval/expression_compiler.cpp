// The post-parse stage of jsonata-js (processAST, seekParent, resolveAncestry,
// tailCallOptimize) applied to the parser's tree.

#include <fmt/format.h>

#include "jsonata/eval/evaluator_internal.h"

namespace wflint::jsonata {

namespace {

class Compiler {
 public:
  explicit Compiler(CompiledExpression& out) : out_(out), ast_(*out.ast) {}

  const Expr* run(uint32_t node) {
    Expr* result = process(node);
    if (result->type == ExprType::kParent || has_slots(result->seeking_parent)) {
      throw_code("S0217", result->position, Value(), Value(), kind_name(ast_.node(node).kind));
    }
    return result;
  }

 private:
  static bool has_slots(const Slots& slots) { return slots != nullptr; }

  Expr* make(ExprType type, uint32_t position) {
    Expr& expr = out_.nodes.emplace_back();
    expr.type = type;
    expr.position = position;
    return &expr;
  }

  Expr* wrap_in_path(Expr* step) {
    Expr* path = make(ExprType::kPath, step->position);
    path->items.push_back(step);
    return path;
  }

  static Expr* last_step(Expr* path) { return const_cast<Expr*>(path->items.back()); }

  Expr* process(uint32_t index) {
    const AstNode& node = ast_.node(index);
    Expr* result = process_kind(index, node);
    if (node.keep_array) result->keep_array = true;
    return result;
  }

  Expr* process_kind(uint32_t index, const AstNode& node) {
    std::span<const uint32_t> children = ast_.children(index);
    switch (node.kind) {
      case NodeKind::kNumber:
        return literal(node, Value::number(node.number));
      case NodeKind::kString:
        return literal(node, Value::string(node.text));
      case NodeKind::kTrue:
        return literal(node, Value::boolean(true));
      case NodeKind::kFalse:
        return literal(node, Value::boolean(false));
      case NodeKind::kNull:
        return literal(node, Value::null());
      case NodeKind::kRegex: {
        Expr* expr = make(ExprType::kRegex, node.offset);
        expr->regex = RegexProgram::compile(node.text, node.regex_flags);
        return expr;
      }
      case NodeKind::kName:
        return name(node);
      case NodeKind::kVariable: {
        Expr* expr = make(ExprType::kVariable, node.offset);
        expr->name = node.text;
        return expr;
      }
      case NodeKind::kWildcard:
        return make(ExprType::kWildcard, node.offset);
      case NodeKind::kDescendant:
        return make(ExprType::kDescendant, node.offset);
      case NodeKind::kParent:
        return parent(node);
      case NodeKind::kPath:
        return path(children);
      case NodeKind::kFilter:
        return filter(node, children);
      case NodeKind::kGroupBy:
        return group_by(node, children);
      case NodeKind::kSort:
        return sort(node, children);
      case NodeKind::kSortTerm:
        return process(children[0]);
      case NodeKind::kFocusBind:
        return focus(node, children);
      case NodeKind::kIndexBind:
        return index_bind(children);
      case NodeKind::kArray:
        return array(node, children);
      case NodeKind::kRange: {
        Expr* expr = binary_like(node, children);
        expr->range = true;
        return expr;
      }
      case NodeKind::kObject:
        return object(node, children);
      case NodeKind::kNegate: {
        Expr* expr = make(ExprType::kNegate, node.offset);
        Expr* operand = process(children[0]);
        expr->lhs = operand;
        push_ancestry(expr, operand);
        return expr;
      }
      case NodeKind::kBinary: {
        Expr* expr = binary_like(node, children);
        expr->op = node.op;
        return expr;
      }
      case NodeKind::kCondition:
        return condition(node, children);
      case NodeKind::kFunctionCall:
      case NodeKind::kPartialApplication:
        return call(node, children);
      case NodeKind::kPlaceholder:
        return make(ExprType::kPlaceholder, node.offset);
      case NodeKind::kLambda:
        return lambda(node, children);
      case NodeKind::kBlock:
        return block(node, children);
      case NodeKind::kBind: {
        Expr* expr = make(ExprType::kBind, node.offset);
        expr->name = ast_.node(children[0]).text;
        Expr* value = process(children[1]);
        expr->lhs = value;
        push_ancestry(expr, value);
        return expr;
      }
      case NodeKind::kChain: {
        Expr* expr = make(ExprType::kApply, node.offset);
        expr->lhs = process(children[0]);
        expr->rhs = process(children[1]);
        return expr;
      }
      case NodeKind::kTransform: {
        Expr* expr = make(ExprType::kTransform, node.offset);
        expr->pattern = process(children[0]);
        expr->update = process(children[1]);
        if (children.size() > 2) expr->deletion = process(children[2]);
        return expr;
      }
    }
    return make(ExprType::kLiteral, node.offset);
  }

  Expr* literal(const AstNode& node, Value value) {
    Expr* expr = make(ExprType::kLiteral, node.offset);
    expr->literal = std::move(value);
    return expr;
  }

  Expr* name(const AstNode& node) {
    Expr* step = make(ExprType::kName, node.offset);
    step->name = node.text;
    step->keep_array = node.keep_array;
    Expr* result = wrap_in_path(step);
    if (node.keep_array) result->keep_singleton_array = true;
    return result;
  }

  Expr* parent(const AstNode& node) {
    Expr* expr = make(ExprType::kParent, node.offset);
    Slot& slot = out_.slots.emplace_back();
    slot.label = fmt::format("!{}", ancestor_label_++);
    slot.level = 1;
    slot.index = ancestry_.size();
    expr->slot = &slot;
    ancestry_.push_back(expr);
    return expr;
  }

  // a.b.c: jsonata-js folds the "." operators from the left, re-examining the path each time.
  Expr* path(std::span<const uint32_t> children) {
    Expr* first = process(children[0]);
    Expr* result = first->type == ExprType::kPath ? first : wrap_in_path(first);
    if (first->type == ExprType::kParent) {
      result->seeking_parent = std::make_shared<std::vector<Slot*>>(1, first->slot);
    }
    for (size_t i = 1; i < children.size(); ++i) {
      Expr* rest = process(children[i]);
      if (rest->type == ExprType::kPath) {
        result->items.insert(result->items.end(), rest->items.begin(), rest->items.end());
      } else {
        for (const Expr* predicate : rest->predicate)
          rest->stages.push_back(Stage{predicate, ""});
        rest->predicate.clear();
        result->items.push_back(rest);
      }
      for (const Expr* step : result->items) {
        if (step->keep_array) result->keep_singleton_array = true;
      }
      auto* first_step = const_cast<Expr*>(result->items.front());
      if (first_step->type == ExprType::kArray) first_step->consarray = true;
      Expr* last = last_step(result);
      if (last->type == ExprType::kArray) last->consarray = true;
      resolve_ancestry(result);
    }
    return result;
  }

  Expr* filter(const AstNode& node, std::span<const uint32_t> children) {
    Expr* result = process(children[0]);
    Expr* step = result;
    bool as_stage = false;
    if (result->type == ExprType::kPath) {
      step = last_step(result);
      as_stage = true;
    }
    if (step->group) throw_code("S0209", node.offset);
    Expr* predicate = process(children[1]);
    if (has_slots(predicate->seeking_parent)) {
      for (Slot* slot : *predicate->seeking_parent) {
        if (slot->level == 1) {
          seek_parent(step, slot);
        } else {
          --slot->level;
        }
      }
      push_ancestry(step, predicate);
    }
    if (as_stage) {
      step->stages.push_back(Stage{predicate, ""});
    } else {
      step->predicate.push_back(predicate);
    }
    return result;
  }

  Expr* group_by(const AstNode& node, std::span<const uint32_t> children) {
    Expr* result = process(children[0]);
    if (result->group) throw_code("S0210", node.offset);
    Group group;
    group.position = node.offset;
    for (size_t i = 1; i + 1 < children.size(); i += 2) {
      group.pairs.emplace_back(process(children[i]), process(children[i + 1]));
    }
    result->group = std::move(group);
    return result;
  }

  Expr* sort(const AstNode& node, std::span<const uint32_t> children) {
    Expr* result = process(children[0]);
    if (result->type != ExprType::kPath) result = wrap_in_path(result);
    Expr* sort_step = make(ExprType::kSort, node.offset);
    for (size_t i = 1; i < children.size(); ++i) {
      Expr* expression = process(ast_.children(children[i])[0]);
      push_ancestry(sort_step, expression);
      sort_step->terms.push_back(SortTerm{expression, ast_.node(children[i]).descending});
    }
    result->items.push_back(sort_step);
    resolve_ancestry(result);
    return result;
  }

  Expr* focus(const AstNode& node, std::span<const uint32_t> children) {
    Expr* result = process(children[0]);
    Expr* step = result->type == ExprType::kPath ? last_step(result) : result;
    if (!step->stages.empty() || !step->predicate.empty()) throw_code("S0215", node.offset);
    if (step->type == ExprType::kSort) throw_code("S0216", node.offset);
    if (node.keep_array) step->keep_array = true;
    step->focus = ast_.node(children[1]).text;
    step->tuple = true;
    return result;
  }

  Expr* index_bind(std::span<const uint32_t> children) {
    Expr* result = process(children[0]);
    Expr* step = result;
    if (result->type == ExprType::kPath) {
      step = last_step(result);
    } else {
      result = wrap_in_path(result);
      for (const Expr* predicate : step->predicate)
        step->stages.push_back(Stage{predicate, ""});
      step->predicate.clear();
    }
    const std::string& variable = ast_.node(children[1]).text;
    if (step->stages.empty()) {
      step->index_variable = variable;
    } else {
      step->stages.push_back(Stage{nullptr, variable});
    }
    step->tuple = true;
    return result;
  }

  Expr* array(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kArray, node.offset);
    for (uint32_t child : children) {
      Expr* item = process(child);
      push_ancestry(expr, item);
      expr->items.push_back(item);
    }
    return expr;
  }

  Expr* object(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kObject, node.offset);
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      Expr* key = process(children[i]);
      push_ancestry(expr, key);
      Expr* value = process(children[i + 1]);
      push_ancestry(expr, value);
      expr->pairs.emplace_back(key, value);
    }
    return expr;
  }

  Expr* binary_like(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kBinary, node.offset);
    Expr* lhs = process(children[0]);
    Expr* rhs = process(children[1]);
    expr->lhs = lhs;
    expr->rhs = rhs;
    push_ancestry(expr, lhs);
    push_ancestry(expr, rhs);
    return expr;
  }

  Expr* condition(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kCondition, node.offset);
    Expr* test = process(children[0]);
    push_ancestry(expr, test);
    Expr* then = process(children[1]);
    push_ancestry(expr, then);
    expr->condition = test;
    expr->then = then;
    if (children.size() > 2) {
      Expr* otherwise = process(children[2]);
      push_ancestry(expr, otherwise);
      expr->otherwise = otherwise;
    }
    return expr;
  }

  Expr* call(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr =
        make(node.kind == NodeKind::kPartialApplication ? ExprType::kPartial : ExprType::kCall,
             node.offset);
    for (size_t i = 1; i < children.size(); ++i) {
      Expr* argument = process(children[i]);
      push_ancestry(expr, argument);
      expr->items.push_back(argument);
    }
    expr->procedure = process(children[0]);
    return expr;
  }

  Expr* lambda(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kLambda, node.offset);
    for (size_t i = 0; i + 1 < children.size(); ++i) {
      expr->parameters.push_back(ast_.node(children[i]).text);
    }
    expr->signature = node.text;
    expr->body = tail_call_optimize(process(children.back()));
    return expr;
  }

  Expr* block(const AstNode& node, std::span<const uint32_t> children) {
    Expr* expr = make(ExprType::kBlock, node.offset);
    for (uint32_t child : children) {
      Expr* part = process(child);
      push_ancestry(expr, part);
      if (part->consarray ||
          (part->type == ExprType::kPath && !part->items.empty() && part->items[0]->consarray)) {
        expr->consarray = true;
      }
      expr->items.push_back(part);
    }
    return expr;
  }

  // A call in tail position becomes a thunk that the caller's trampoline runs, so that
  // tail recursion does not deepen the stack.
  Expr* tail_call_optimize(Expr* expr) {
    if (expr->type == ExprType::kCall && expr->predicate.empty()) {
      Expr* thunk = make(ExprType::kLambda, expr->position);
      thunk->thunk = true;
      thunk->body = expr;
      return thunk;
    }
    if (expr->type == ExprType::kCondition) {
      expr->then = tail_call_optimize(const_cast<Expr*>(expr->then));
      if (expr->otherwise) expr->otherwise = tail_call_optimize(const_cast<Expr*>(expr->otherwise));
    } else if (expr->type == ExprType::kBlock && !expr->items.empty()) {
      expr->items.back() = tail_call_optimize(const_cast<Expr*>(expr->items.back()));
    }
    return expr;
  }

  // ---- parent (%) resolution ----

  Slot* seek_parent(Expr* node, Slot* slot) {
    switch (node->type) {
      case ExprType::kName:
      case ExprType::kWildcard:
        --slot->level;
        if (slot->level == 0) {
          if (node->ancestor != nullptr) {
            ancestry_[slot->index]->slot->label = node->ancestor->label;
          }
          node->ancestor = slot;
          node->tuple = true;
        }
        break;
      case ExprType::kParent:
        ++slot->level;
        break;
      case ExprType::kBlock:
        if (!node->items.empty()) {
          node->tuple = true;
          slot = seek_parent(const_cast<Expr*>(node->items.back()), slot);
        }
        break;
      case ExprType::kPath: {
        node->tuple = true;
        auto index = static_cast<ptrdiff_t>(node->items.size()) - 1;
        slot = seek_parent(const_cast<Expr*>(node->items[static_cast<size_t>(index--)]), slot);
        while (slot->level > 0 && index >= 0) {
          slot = seek_parent(const_cast<Expr*>(node->items[static_cast<size_t>(index--)]), slot);
        }
        break;
      }
      default:
        throw_code("S0217", node->position);
    }
    return slot;
  }

  static void push_ancestry(Expr* result, const Expr* value) {
    if (!has_slots(value->seeking_parent) && value->type != ExprType::kParent) return;
    Slots slots = has_slots(value->seeking_parent) ? value->seeking_parent
                                                   : std::make_shared<std::vector<Slot*>>();
    if (value->type == ExprType::kParent) slots->push_back(value->slot);
    if (!has_slots(result->seeking_parent)) {
      result->seeking_parent = slots;
    } else {
      std::vector<Slot*> copy = *slots;
      result->seeking_parent->insert(result->seeking_parent->end(), copy.begin(), copy.end());
    }
  }

  void resolve_ancestry(Expr* path) {
    Expr* last = last_step(path);
    std::vector<Slot*> slots;
    if (has_slots(last->seeking_parent)) slots = *last->seeking_parent;
    if (last->type == ExprType::kParent) {
      slots.push_back(last->slot);
      if (has_slots(last->seeking_parent)) last->seeking_parent->push_back(last->slot);
    }
    for (Slot* slot : slots) {
      auto index = static_cast<ptrdiff_t>(path->items.size()) - 2;
      while (slot->level > 0) {
        if (index < 0) {
          if (!has_slots(path->seeking_parent)) {
            path->seeking_parent = std::make_shared<std::vector<Slot*>>(1, slot);
          } else {
            path->seeking_parent->push_back(slot);
          }
          break;
        }
        auto* step = const_cast<Expr*>(path->items[static_cast<size_t>(index--)]);
        // contiguous steps that bind the focus count as one
        while (index >= 0 && !step->focus.empty() &&
               !path->items[static_cast<size_t>(index)]->focus.empty()) {
          step = const_cast<Expr*>(path->items[static_cast<size_t>(index--)]);
        }
        slot = seek_parent(step, slot);
      }
    }
  }

  CompiledExpression& out_;
  const Ast& ast_;
  int ancestor_label_ = 0;
  std::vector<Expr*> ancestry_;
};

}  // namespace

std::shared_ptr<const CompiledExpression> compile_expression(const std::shared_ptr<const Ast>& ast,
                                                             uint32_t node) {
  auto compiled = std::make_shared<CompiledExpression>();
  compiled->ast = ast;
  compiled->root = Compiler(*compiled).run(node);
  return compiled;
}

}  // namespace wflint::jsonata
