#include "analysis/variables.h"

#include <algorithm>
#include <array>

#include "jsonata/function_catalogue.h"

namespace wflint::analysis {
namespace {

using jsonata::NodeKind;

bool identifier_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool identifier_part(unsigned char c) {
  return identifier_start(c) || (c >= '0' && c <= '9');
}

// Fields holding nested scopes, which are visited as states of their own.
bool holds_nested_scope(std::string_view key) {
  return key == "Branches" || key == "ItemProcessor" || key == "Iterator";
}

// A JSONPath field whose string value is a path, so "$name..." in it surely reads a variable.
bool path_valued(std::string_view key) {
  return key.ends_with(".$") || key.ends_with("Path") || key == "Variable";
}

std::size_t position_in_scope(const asl::State& state) {
  return static_cast<std::size_t>(&state - state.scope->states().data());
}

// The kVariable nodes of a tree that name a binding rather than read one, and the procedures of
// calls (which name functions).
std::vector<bool> non_reading_variables(const jsonata::Ast& ast) {
  std::vector<bool> marked(ast.size(), false);
  for (const jsonata::AstNode& node : ast.nodes()) {
    const std::vector<uint32_t>& children = node.children;
    if (children.empty()) continue;
    switch (node.kind) {
      case NodeKind::kBind:
      case NodeKind::kFunctionCall:
      case NodeKind::kPartialApplication:
        marked[children[0]] = true;
        break;
      case NodeKind::kLambda:
        for (std::size_t i = 0; i + 1 < children.size(); ++i)
          marked[children[i]] = true;
        break;
      case NodeKind::kFocusBind:
      case NodeKind::kIndexBind:
        marked[children.back()] = true;
        break;
      default:
        break;
    }
  }
  return marked;
}

bool special_variable(std::string_view name) {
  return name.empty() || name == "$" || name == "states";
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> scan_variable_references(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> found;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '$' || (i > 0 && text[i - 1] == '$')) continue;
    if (!identifier_start(static_cast<unsigned char>(text[i + 1]))) continue;
    std::size_t end = i + 2;
    while (end < text.size() && identifier_part(static_cast<unsigned char>(text[end])))
      ++end;
    found.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(end - i));
    i = end - 1;
  }
  return found;
}

// For each state that assigns, the states of its scope it reaches in one or more transitions;
// computed on first request, within a budget that keeps huge machines linear.
struct Variables::Reachability {
  static constexpr std::size_t kBudget = 4'000'000;  // state visits over all searches

  const TransitionGraph& transitions;
  std::unordered_map<const asl::State*, std::vector<bool>> after;
  std::size_t spent = 0;

  // nullptr when over budget.
  const std::vector<bool>* reached_from(const asl::State& start) {
    if (const auto found = after.find(&start); found != after.end()) return &found->second;
    const std::vector<asl::State>& states = start.scope->states();
    if (spent + states.size() > kBudget) return nullptr;
    spent += states.size();
    std::vector<bool> reached(states.size(), false);
    std::vector<const asl::State*> pending{&start};
    while (!pending.empty()) {
      const asl::State* state = pending.back();
      pending.pop_back();
      for (const Transition& transition : transitions.transitions_of(*state)) {
        if (!transition.target) continue;
        const std::size_t position = position_in_scope(*transition.target);
        if (reached[position]) continue;
        reached[position] = true;
        pending.push_back(transition.target);
      }
    }
    return &after.emplace(&start, std::move(reached)).first->second;
  }
};

Variables::Variables(const asl::StateMachine& machine, const TransitionGraph& transitions,
                     const JsonataExpressions& expressions)
    : transitions_(transitions), reachability_(new Reachability{transitions, {}, 0}) {
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      collect_assignments(state);
      if (!state.jsonata) collect_jsonpath_reads(state);
    }
  }
  collect_jsonata_reads(expressions);
  for (const VariableAssignment& assignment : assignments_)
    by_name_[assignment.name].push_back(&assignment);
}

Variables::~Variables() = default;

void Variables::collect_assignments(const asl::State& state) {
  const auto assign_of = [&](const Node& owner) {
    if (const Node* assign = owner.find("Assign")) collect_assign_object(state, *assign);
  };
  assign_of(*state.node);
  for (const std::string_view list : {std::string_view("Choices"), std::string_view("Catch")}) {
    const Node* entries = state.field(list);
    if (!entries || !entries->is_array()) continue;
    for (const Node& entry : entries->children()) {
      if (entry.is_object()) assign_of(entry);
    }
  }
}

void Variables::collect_assign_object(const asl::State& state, const Node& assign) {
  if (!assign.is_object()) {
    assignments_known_ = false;
    return;
  }
  for (const Node& member : assign.children()) {
    std::string_view name = member.key();
    if (name.ends_with(".$")) name.remove_suffix(2);
    if (name.find("${") != std::string_view::npos) assignments_known_ = false;
    assignments_.push_back(VariableAssignment{name, &member, &state});
  }
}

void Variables::collect_jsonata_reads(const JsonataExpressions& expressions) {
  for (const JsonataExpression& expression : expressions.all()) {
    const Node* value = expression.string->value;
    const asl::State* state = expression.string->state;
    const jsonata::Ast* ast = expression.ast();
    if (!ast) {
      for (const auto& [offset, length] : scan_variable_references(value->text()))
        reads_.push_back(VariableRead{value->text().substr(offset + 1, length - 1), state, value,
                                      offset, length, false});
      continue;
    }
    const std::vector<std::string_view> bound = locally_bound_names(*ast);
    const std::vector<bool> non_reading = non_reading_variables(*ast);
    for (uint32_t i = 0; i < ast->size(); ++i) {
      const jsonata::AstNode& node = ast->node(i);
      if (node.kind != NodeKind::kVariable || special_variable(node.text)) continue;
      const bool certain = !non_reading[i] && !binds_locally(bound, node.text) &&
                           jsonata::find_catalogue_entry(node.text) == nullptr;
      const uint32_t offset = JsonataString::kExpressionOffset + node.offset;
      reads_.push_back(VariableRead{node.text, state, value, offset, node.length, certain});
    }
  }
}

void Variables::collect_jsonpath_reads(const asl::State& state) {
  std::vector<const Node*> pending;
  for (const Node& member : state.node->children()) {
    if (!holds_nested_scope(member.key())) pending.push_back(&member);
  }
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    for (const Node& child : node->children())
      pending.push_back(&child);
    if (!node->is_string()) continue;
    const std::string_view text = node->text();
    const bool path = node->has_key() && path_valued(node->key()) && text.size() > 1 &&
                      text[0] == '$' && identifier_start(static_cast<unsigned char>(text[1]));
    for (const auto& [offset, length] : scan_variable_references(text)) {
      const std::string_view name = text.substr(offset + 1, length - 1);
      if (name == "states") continue;
      reads_.push_back(VariableRead{name, &state, node, offset, length, path && offset == 0});
    }
  }
}

bool Variables::runs_after(const asl::State& earlier, const asl::State& later) const {
  if (earlier.scope != later.scope) return false;
  const std::vector<bool>* reached = reachability_->reached_from(earlier);
  return !reached || (*reached)[position_in_scope(later)];
}

const std::vector<const VariableAssignment*>& Variables::assignments_of(
    std::string_view name) const {
  static const std::vector<const VariableAssignment*> kNone;
  const auto found = by_name_.find(name);
  return found == by_name_.end() ? kNone : found->second;
}

bool Variables::may_be_assigned_before(const asl::State& state, std::string_view name) const {
  const std::vector<const VariableAssignment*>& candidates = assignments_of(name);
  const asl::State* current = &state;
  while (current) {
    for (const VariableAssignment* assignment : candidates) {
      if (runs_after(*assignment->state, *current)) return true;
    }
    if (distributed_map_processor(*current->scope)) return false;
    current = current->scope->owner();
  }
  return false;
}

bool Variables::assigned_in_visible_scopes(const asl::Scope& scope, std::string_view name) const {
  for (const VariableAssignment* assignment : assignments_of(name)) {
    for (const asl::Scope* visible = &scope; visible;
         visible = visible->owner() ? visible->owner()->scope : nullptr) {
      if (assignment->state->scope == visible) return true;
      if (distributed_map_processor(*visible)) break;
    }
  }
  return false;
}

bool Variables::scope_chain_incomplete(const asl::Scope& scope) const {
  for (const asl::Scope* current = &scope; current;
       current = current->owner() ? current->owner()->scope : nullptr) {
    if (transitions_.has_unresolved_transition(*current)) return true;
  }
  return false;
}

bool Variables::distributed_map_processor(const asl::Scope& scope) {
  if (scope.kind() != asl::Scope::Kind::MapProcessor) return false;
  const Node* config = scope.node().find("ProcessorConfig");
  return config && config->find_string("Mode") == "DISTRIBUTED";
}

}  // namespace wflint::analysis
