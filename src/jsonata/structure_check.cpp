#include "jsonata/structure_check.h"

#include <fmt/format.h>

#include <deque>
#include <memory>
#include <vector>

#include "jsonata/syntax_error.h"

namespace wflint::jsonata {

namespace {

// A slot is a request by a % operator for the ancestor `level` steps up.
struct Slot {
  int level = 1;
};
using Slots = std::shared_ptr<std::vector<Slot*>>;  // shared because jsonata-js aliases them

enum class StepType : uint8_t { kPath, kName, kLiteral, kString, kParent, kBlock, kSort, kOther };

// The part of a processed jsonata-js node that its later checks look at.
struct Processed {
  StepType type = StepType::kOther;
  uint32_t ast_index = 0;
  std::vector<Processed*> steps;        // kPath
  std::vector<Processed*> expressions;  // kBlock
  bool has_group = false;
  bool has_predicate = false;  // predicates on a node that is not in a path
  bool has_stages = false;     // predicates (and indexes) on a step of a path
  bool focus = false;
  Slots seeking_parent;
  Slot* slot = nullptr;  // kParent
};

class StructureChecker {
 public:
  explicit StructureChecker(const Ast& ast) : ast_(ast) {}

  void run() {
    Processed* result = process(ast_.root());
    if (result->type == StepType::kParent || result->seeking_parent) {
      fail_at(result->ast_index,
              "the parent operator % has no parent to refer to in this expression");
    }
  }

 private:
  [[noreturn]] void fail_at(uint32_t index, std::string message) const {
    const AstNode& node = ast_.node(index);
    fail(node.offset, node.length, std::move(message));
  }

  Processed* make(StepType type, uint32_t index) {
    Processed& p = processed_.emplace_back();
    p.type = type;
    p.ast_index = index;
    return &p;
  }

  Processed* wrap_in_path(Processed* step) {
    Processed* path = make(StepType::kPath, step->ast_index);
    path->steps.push_back(step);
    return path;
  }

  static void push_ancestry(Processed* result, Processed* value) {
    if (!value->seeking_parent && value->type != StepType::kParent) return;
    Slots slots =
        value->seeking_parent ? value->seeking_parent : std::make_shared<std::vector<Slot*>>();
    if (value->type == StepType::kParent) slots->push_back(value->slot);
    if (!result->seeking_parent) {
      result->seeking_parent = slots;
    } else {
      std::vector<Slot*> copy = *slots;
      result->seeking_parent->insert(result->seeking_parent->end(), copy.begin(), copy.end());
    }
  }

  Slot* seek_parent(Processed* node, Slot* slot) {
    switch (node->type) {
      case StepType::kName:
        --slot->level;
        return slot;
      case StepType::kParent:
        ++slot->level;
        return slot;
      case StepType::kBlock:
        if (!node->expressions.empty()) slot = seek_parent(node->expressions.back(), slot);
        return slot;
      case StepType::kPath: {
        auto index = static_cast<int64_t>(node->steps.size()) - 1;
        slot = seek_parent(node->steps[static_cast<size_t>(index--)], slot);
        while (slot->level > 0 && index >= 0) {
          slot = seek_parent(node->steps[static_cast<size_t>(index--)], slot);
        }
        return slot;
      }
      default:
        fail_at(node->ast_index,
                "the parent operator % cannot find the parent of this kind of expression");
    }
  }

  void resolve_ancestry(Processed* path) {
    Processed* last = path->steps.back();
    Slots slots =
        last->seeking_parent ? last->seeking_parent : std::make_shared<std::vector<Slot*>>();
    if (last->type == StepType::kParent) slots->push_back(last->slot);
    for (size_t i = 0; i < slots->size(); ++i) {
      Slot* slot = (*slots)[i];
      auto index = static_cast<int64_t>(path->steps.size()) - 2;
      while (slot->level > 0) {
        if (index < 0) {
          if (!path->seeking_parent) path->seeking_parent = std::make_shared<std::vector<Slot*>>();
          path->seeking_parent->push_back(slot);
          break;
        }
        Processed* step = path->steps[static_cast<size_t>(index--)];
        // Contiguous steps that bind the focus (@) count as one.
        while (index >= 0 && step->focus && path->steps[static_cast<size_t>(index)]->focus) {
          step = path->steps[static_cast<size_t>(index--)];
        }
        slot = seek_parent(step, slot);
      }
    }
  }

  Processed* process(uint32_t index) {
    const AstNode& node = ast_.node(index);
    std::span<const uint32_t> children = node.children;
    switch (node.kind) {
      case NodeKind::kPath:
        return process_path(children);
      case NodeKind::kFilter:
        return process_filter(index, children[0], children[1]);
      case NodeKind::kGroupBy:
        return process_group(index, children);
      case NodeKind::kSort:
        return process_sort(index, children);
      case NodeKind::kFocusBind:
        return process_focus(index, children[0]);
      case NodeKind::kIndexBind:
        return process_index(children[0]);
      case NodeKind::kChain:
      case NodeKind::kTransform:
      case NodeKind::kLambda:
        return process_children_without_ancestry(index, node);
      case NodeKind::kFunctionCall:
      case NodeKind::kPartialApplication:
        return process_call(index, children);
      case NodeKind::kBlock: {
        Processed* result = process_children(index, children);
        result->type = StepType::kBlock;
        return result;
      }
      case NodeKind::kName:
        return wrap_in_path(make(StepType::kName, index));
      case NodeKind::kWildcard:
        return make(StepType::kName, index);  // seeks a parent like a name does
      case NodeKind::kParent: {
        Processed* parent = make(StepType::kParent, index);
        parent->slot = &slots_.emplace_back();
        return parent;
      }
      case NodeKind::kNumber:
      case NodeKind::kTrue:
      case NodeKind::kFalse:
      case NodeKind::kNull:
        return make(StepType::kLiteral, index);
      case NodeKind::kString:
        return make(StepType::kString, index);
      default:
        return process_children(index, children);
    }
  }

  Processed* process_children(uint32_t index, std::span<const uint32_t> children) {
    Processed* result = make(StepType::kOther, index);
    for (uint32_t child : children) {
      Processed* part = process(child);
      push_ancestry(result, part);
      result->expressions.push_back(part);
    }
    return result;
  }

  Processed* process_children_without_ancestry(uint32_t index, const AstNode& node) {
    // A lambda's parameters are not processed; its body is the last child.
    std::span<const uint32_t> children = node.children;
    if (node.kind == NodeKind::kLambda) children = children.last(1);
    for (uint32_t child : children)
      process(child);
    return make(StepType::kOther, index);
  }

  Processed* process_call(uint32_t index, std::span<const uint32_t> children) {
    Processed* result = make(StepType::kOther, index);
    for (uint32_t argument : children.subspan(1))
      push_ancestry(result, process(argument));
    process(children[0]);
    return result;
  }

  Processed* process_path(std::span<const uint32_t> steps) {
    Processed* accumulated = process(steps[0]);
    for (uint32_t step : steps.subspan(1)) {
      Processed* left = accumulated;
      Processed* result = left->type == StepType::kPath ? left : wrap_in_path(left);
      if (left->type == StepType::kParent) {
        result->seeking_parent = std::make_shared<std::vector<Slot*>>(1, left->slot);
      }
      Processed* rest = process(step);
      if (rest->type == StepType::kPath) {
        result->steps.insert(result->steps.end(), rest->steps.begin(), rest->steps.end());
      } else {
        if (rest->has_predicate) {
          rest->has_stages = true;
          rest->has_predicate = false;
        }
        result->steps.push_back(rest);
      }
      check_steps(result);
      resolve_ancestry(result);
      accumulated = result;
    }
    return accumulated;
  }

  void check_steps(Processed* path) const {
    for (Processed* step : path->steps) {
      if (step->type == StepType::kLiteral) {
        const AstNode& literal = ast_.node(step->ast_index);
        std::string hint =
            literal.kind == NodeKind::kNumber
                ? fmt::format("; to select an item by position write [{}]", literal.number)
                : "";
        fail_at(step->ast_index, fmt::format("the literal {} cannot be a step in a path{}",
                                             literal.kind == NodeKind::kNumber
                                                 ? fmt::format("{}", literal.number)
                                                 : std::string(kind_name(literal.kind)),
                                             hint));
      }
      if (step->type == StepType::kString) step->type = StepType::kName;
    }
  }

  Processed* process_filter(uint32_t index, uint32_t subject, uint32_t predicate_index) {
    Processed* result = process(subject);
    Processed* step = result;
    bool in_path = result->type == StepType::kPath;
    if (in_path) step = result->steps.back();
    if (step->has_group) {
      fail_at(index, "a predicate [...] cannot follow a grouping {...} in the same step");
    }
    Processed* predicate = process(predicate_index);
    if (predicate->seeking_parent) {
      for (Slot* slot : *predicate->seeking_parent) {
        if (slot->level == 1) {
          seek_parent(step, slot);
        } else {
          --slot->level;
        }
      }
      push_ancestry(step, predicate);
    }
    (in_path ? step->has_stages : step->has_predicate) = true;
    return result;
  }

  Processed* process_group(uint32_t index, std::span<const uint32_t> children) {
    Processed* result = process(children[0]);
    if (result->has_group) {
      fail_at(index, "a step can have only one grouping {...}");
    }
    for (uint32_t part : children.subspan(1))
      process(part);
    result->has_group = true;
    return result;
  }

  Processed* process_sort(uint32_t index, std::span<const uint32_t> children) {
    Processed* result = process(children[0]);
    if (result->type != StepType::kPath) result = wrap_in_path(result);
    Processed* sort = make(StepType::kSort, index);
    for (uint32_t term : children.subspan(1)) {
      push_ancestry(sort, process(ast_.node(term).children[0]));
    }
    result->steps.push_back(sort);
    resolve_ancestry(result);
    return result;
  }

  Processed* process_focus(uint32_t index, uint32_t subject) {
    Processed* result = process(subject);
    Processed* step = result->type == StepType::kPath ? result->steps.back() : result;
    if (step->has_stages || step->has_predicate) {
      fail_at(index, "a focus variable binding (@) must come before any predicate [...] on a step");
    }
    if (step->type == StepType::kSort) {
      fail_at(index, "a focus variable binding (@) must come before the order-by ^(...) on a step");
    }
    step->focus = true;
    return result;
  }

  Processed* process_index(uint32_t subject) {
    Processed* result = process(subject);
    Processed* step = result;
    if (result->type == StepType::kPath) {
      step = result->steps.back();
    } else {
      result = wrap_in_path(result);
      if (step->has_predicate) {
        step->has_stages = true;
        step->has_predicate = false;
      }
    }
    // With no stages yet the index is recorded on the step itself, not as a stage.
    return result;
  }

  const Ast& ast_;
  std::deque<Processed> processed_;
  std::deque<Slot> slots_;
};

}  // namespace

void check_structure(const Ast& ast) {
  StructureChecker(ast).run();
}

}  // namespace wflint::jsonata
