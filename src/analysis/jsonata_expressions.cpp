#include "analysis/jsonata_expressions.h"

#include <algorithm>

#include "analysis/path_fields.h"

namespace wflint::analysis {

using jsonata::NodeKind;

Span JsonataExpression::span(uint32_t offset, uint32_t length) const {
  return string->value->text_span(JsonataString::kExpressionOffset + offset, length);
}

Span JsonataExpression::span_of(uint32_t node) const {
  const jsonata::AstNode& n = parsed.ast->node(node);
  return span(n.offset, n.length);
}

std::string_view JsonataExpression::text_of(uint32_t node) const {
  const jsonata::AstNode& n = parsed.ast->node(node);
  return string->expression().substr(n.offset, n.length);
}

FieldSite field_site(const Node& value, const asl::State& state) {
  // The chain from the state object down to the value: [state field, index, entry field, ...].
  std::vector<const Node*> chain;
  for (const Node* node = &value; node && node != state.node; node = node->parent())
    chain.push_back(node);
  std::reverse(chain.begin(), chain.end());
  if (chain.empty()) return {};
  const std::string_view top = chain[0]->key();
  const bool entry_list = top == "Catch" || top == "Choices";
  if (entry_list && chain.size() >= 3 && chain[1]->is_object()) {
    return {chain[2]->key(), top == "Catch" ? FieldOwner::Catcher : FieldOwner::ChoiceRule};
  }
  return {top, FieldOwner::State};
}

std::vector<std::string_view> locally_bound_names(const jsonata::Ast& ast) {
  std::vector<std::string_view> bound;
  const auto add_variable = [&](uint32_t index) {
    const jsonata::AstNode& node = ast.node(index);
    if (node.kind == NodeKind::kVariable) bound.push_back(node.text);
  };
  for (const jsonata::AstNode& node : ast.nodes()) {
    const std::span<const uint32_t> children = node.children;
    switch (node.kind) {
      case NodeKind::kBind:
        if (!children.empty()) add_variable(children[0]);
        break;
      case NodeKind::kLambda:  // parameters, then the body
        for (std::size_t i = 0; i + 1 < children.size(); ++i)
          add_variable(children[i]);
        break;
      case NodeKind::kFocusBind:
      case NodeKind::kIndexBind:
        if (children.size() == 2) add_variable(children[1]);
        break;
      default:
        break;
    }
  }
  return bound;
}

bool binds_locally(const std::vector<std::string_view>& bound, std::string_view name) {
  return std::find(bound.begin(), bound.end(), name) != bound.end();
}

JsonataExpressions::JsonataExpressions(const JsonataStrings& strings) {
  for (const JsonataString& string : strings.all()) {
    if (!string.is_expression()) continue;
    JsonataExpression expression;
    expression.string = &string;
    expression.site = field_site(*string.value, *string.state);
    expression.placeholder = has_placeholder(string.expression());
    if (!expression.placeholder) expression.parsed = jsonata::parse(string.expression());
    expressions_.push_back(std::move(expression));
  }
}

}  // namespace wflint::analysis
