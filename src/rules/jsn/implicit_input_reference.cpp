#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kImplicitInputReference;

namespace {

using jsonata::NodeKind;

// A node evaluated against the expression's own input, which Step Functions leaves undefined.
struct Reference {
  uint32_t node = 0;  // a field name, $ or $$
  uint32_t path = 0;  // the path it starts (or the node itself)
};

// Nodes whose first child is evaluated in their own context and the others in the context of
// each value the first one yields.
bool focuses_on_first_child(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPath:
    case NodeKind::kFilter:
    case NodeKind::kGroupBy:
    case NodeKind::kSort:
    case NodeKind::kFocusBind:
    case NodeKind::kIndexBind:
      return true;
    default:
      return false;
  }
}

bool reads_input(const jsonata::AstNode& node) {
  return node.kind == NodeKind::kName ||
         (node.kind == NodeKind::kVariable && (node.text.empty() || node.text == "$"));
}

// The references evaluated at the top level of the expression, where the context is the
// (missing) input: not inside predicates, later path steps, lambdas or transforms.
std::vector<Reference> top_level_references(const jsonata::Ast& ast) {
  std::vector<Reference> found;
  std::vector<std::pair<uint32_t, uint32_t>> pending{{ast.root(), ast.root()}};  // node, path
  while (!pending.empty()) {
    const auto [index, path] = pending.back();
    pending.pop_back();
    const jsonata::AstNode& node = ast.node(index);
    if (reads_input(node)) {
      found.push_back(Reference{index, path});
      continue;
    }
    if (node.kind == NodeKind::kLambda || node.kind == NodeKind::kTransform) continue;
    const std::vector<uint32_t>& children = node.children;
    if (children.empty()) continue;
    if (focuses_on_first_child(node.kind)) {
      pending.emplace_back(children[0], node.kind == NodeKind::kPath ? index : path);
      continue;
    }
    // The variable of ":=" is a name being bound, not read.
    const std::size_t first = node.kind == NodeKind::kBind ? 1 : 0;
    for (std::size_t i = first; i < children.size(); ++i)
      pending.emplace_back(children[i], children[i]);
  }
  return found;
}

constexpr std::array<std::string_view, 5> kContextFields = {"Execution", "State", "StateMachine",
                                                            "Task", "Map"};

// The JSONata the author likely meant: $states.input or $states.context in place of the start.
std::string replacement(const analysis::JsonataExpression& e, const Reference& reference) {
  const jsonata::Ast& ast = *e.ast();
  const jsonata::AstNode& start = ast.node(reference.node);
  const std::string_view path = e.text_of(reference.path);
  const std::string_view rest = path.substr(std::min<std::size_t>(
      path.size(), start.offset + start.length - ast.node(reference.path).offset));
  if (start.kind == NodeKind::kName) return fmt::format("$states.input.{}", path);
  if (start.text == "$") {
    const bool context = std::any_of(
        kContextFields.begin(), kContextFields.end(),
        [&](std::string_view field) { return rest.starts_with(fmt::format(".{}", field)); });
    return fmt::format("{}{}", context ? "$states.context" : "$states.input", rest);
  }
  return fmt::format("$states.input{}", rest);
}

std::string what(const jsonata::AstNode& start) {
  if (start.kind == NodeKind::kName) return fmt::format("the field name \"{}\"", start.text);
  return start.text.empty() ? "\"$\"" : "\"$$\"";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataExpression& expression : ctx.jsonata_expressions->all()) {
    if (!expression.ast()) continue;
    for (const Reference& reference : top_level_references(*expression.ast())) {
      const jsonata::AstNode& start = expression.ast()->node(reference.node);
      auto finding = sink.report_at(
          kImplicitInputReference, expression.span_of(reference.node),
          expression.string->value->json_pointer(),
          fmt::format("{} reads the expression's input document, which Step Functions does not "
                      "provide: it is always undefined here",
                      what(start)));
      const std::string meant = replacement(expression, reference);
      if (meant.size() <= 80 && meant.find('\n') == std::string::npos) {
        finding.help(fmt::format("read the state input explicitly: \"{}\"", meant));
      } else {
        finding.help("read the state input through $states.input");
      }
    }
  }
}

}  // namespace

const Rule kImplicitInputReference{
    {"JSN006", "implicit-input-reference", Severity::Error, kAsl,
     "A JSONata expression that reads $, $$ or a bare field name at its top level"},
    &check};

}  // namespace wflint::rules
