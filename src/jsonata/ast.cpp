#include "jsonata/ast.h"

#include <fmt/format.h>

#include <array>

namespace wflint::jsonata {

uint32_t Ast::add(AstNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<uint32_t>(nodes_.size() - 1);
}

std::string_view kind_name(NodeKind kind) {
  static constexpr std::array<std::string_view, 32> kNames = {
      "number", "string",  "true",  "false",  "null",   "regex", "name",   "var",
      "*",      "**",      "%",     "path",   "filter", "group", "sort",   "term",
      "focus",  "index",   "array", "range",  "object", "neg",   "binary", "cond",
      "call",   "partial", "?",     "lambda", "block",  "bind",  "chain",  "transform"};
  return kNames[static_cast<size_t>(kind)];
}

std::string_view operator_text(BinaryOperator op) {
  static constexpr std::array<std::string_view, 16> kTexts = {
      "", "+", "-", "*", "/", "%", "&", "=", "!=", "<", "<=", ">", ">=", "and", "or", "in"};
  return kTexts[static_cast<size_t>(op)];
}

std::string_view called_function_name(const Ast& ast, uint32_t call) {
  const AstNode& node = ast.node(call);
  if (node.kind != NodeKind::kFunctionCall && node.kind != NodeKind::kPartialApplication) {
    return {};
  }
  const AstNode& procedure = ast.node(node.children.front());
  return procedure.kind == NodeKind::kVariable ? std::string_view(procedure.text)
                                               : std::string_view();
}

uint32_t argument_count(const Ast& ast, uint32_t node) {
  const AstNode& n = ast.node(node);
  // Calls list the procedure first; lambdas list the body last.
  return n.children.empty() ? 0 : static_cast<uint32_t>(n.children.size() - 1);
}

namespace {

std::string leaf_sexpr(const AstNode& node) {
  switch (node.kind) {
    case NodeKind::kNumber:
      return fmt::format("{}", node.number);
    case NodeKind::kString:
    case NodeKind::kName:
    case NodeKind::kVariable:
      return fmt::format("({} \"{}\")", kind_name(node.kind), node.text);
    case NodeKind::kRegex:
      return fmt::format("/{}/{}", node.text, node.regex_flags);
    default:
      return std::string(kind_name(node.kind));
  }
}

std::string node_label(const AstNode& node) {
  switch (node.kind) {
    case NodeKind::kBinary:
      return std::string(operator_text(node.op));
    case NodeKind::kSortTerm:
      return node.descending ? ">" : "<";
    case NodeKind::kLambda:
      return fmt::format("lambda{}", node.text);
    default:
      return std::string(kind_name(node.kind));
  }
}

}  // namespace

std::string to_sexpr(const Ast& ast, uint32_t index) {
  const AstNode& node = ast.node(index);
  std::string out;
  if (node.children.empty() && node.kind != NodeKind::kBlock && node.kind != NodeKind::kArray &&
      node.kind != NodeKind::kObject) {
    out = leaf_sexpr(node);
  } else {
    out = fmt::format("({}", node_label(node));
    for (uint32_t child : node.children) {
      out += ' ';
      out += to_sexpr(ast, child);
    }
    out += ')';
  }
  if (node.keep_array) out += "[]";
  return out;
}

std::string to_sexpr(const Ast& ast) {
  return to_sexpr(ast, ast.root());
}

}  // namespace wflint::jsonata
