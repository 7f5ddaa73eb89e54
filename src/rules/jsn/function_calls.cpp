#include "rules/jsn/function_calls.h"

#include "analysis/jsonata_expressions.h"

namespace wflint::rules {

using jsonata::NodeKind;

std::vector<FunctionCall> library_calls(const jsonata::Ast& ast) {
  const std::vector<std::string_view> bound = analysis::locally_bound_names(ast);
  // Calls that are the right side of a chain receive the left side as their first argument.
  std::vector<bool> chained(ast.size(), false);
  for (const jsonata::AstNode& node : ast.nodes()) {
    if (node.kind == NodeKind::kChain && node.children.size() == 2)
      chained[node.children[1]] = true;
  }
  std::vector<FunctionCall> calls;
  for (uint32_t i = 0; i < ast.size(); ++i) {
    const jsonata::AstNode& node = ast.node(i);
    const bool call =
        node.kind == NodeKind::kFunctionCall || node.kind == NodeKind::kPartialApplication;
    const bool chained_variable = node.kind == NodeKind::kVariable && chained[i];
    if (!call && !chained_variable) continue;
    const uint32_t procedure = call ? node.children.front() : i;
    const jsonata::AstNode& named = ast.node(procedure);
    if (named.kind != NodeKind::kVariable || named.text.empty() || named.text == "$" ||
        analysis::binds_locally(bound, named.text)) {
      continue;
    }
    const uint32_t given = call ? jsonata::argument_count(ast, i) : 0;
    calls.push_back(FunctionCall{procedure, named.text, given + (chained[i] ? 1u : 0u)});
  }
  return calls;
}

}  // namespace wflint::rules
