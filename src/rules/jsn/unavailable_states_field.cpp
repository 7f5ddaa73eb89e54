#include <fmt/format.h>

#include <array>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnavailableStatesField;

namespace {

using jsonata::NodeKind;

constexpr std::array<std::string_view, 4> kStatesMembers = {"input", "context", "result",
                                                            "errorOutput"};

// The field name a path step selects, looking through a filter or sort on it: `input` of
// `$states.input[0]`.
const jsonata::AstNode* step_name(const jsonata::Ast& ast, uint32_t step) {
  const jsonata::AstNode* node = &ast.node(step);
  while (!node->children.empty() &&
         (node->kind == NodeKind::kFilter || node->kind == NodeKind::kSort ||
          node->kind == NodeKind::kGroupBy || node->kind == NodeKind::kFocusBind ||
          node->kind == NodeKind::kIndexBind)) {
    node = &ast.node(node->children.front());
  }
  return node->kind == NodeKind::kName ? node : nullptr;
}

bool is_states(const jsonata::AstNode& node) {
  return node.kind == NodeKind::kVariable && node.text == "states";
}

bool output_or_assign(const analysis::FieldSite& site) {
  return site.field == "Output" || site.field == "Assign";
}

bool produces_result(const asl::State& state) {
  return state.type == "Task" || state.type == "Map" || state.type == "Parallel";
}

// Why `member` cannot be read where the expression is, or empty when it can.
std::string unavailable_because(std::string_view member, const analysis::JsonataExpression& e) {
  const analysis::FieldSite& site = e.site;
  const asl::State& state = *e.string->state;
  if (member == "result") {
    if (!produces_result(state)) {
      return fmt::format("a {} state has no result", state.type.empty() ? "such" : state.type);
    }
    if (site.owner == analysis::FieldOwner::Catcher) {
      return "a catcher runs when the state failed, so there is no result; the error is in "
             "$states.errorOutput";
    }
    if (site.owner != analysis::FieldOwner::State || !output_or_assign(site)) {
      return fmt::format("\"{}\" is evaluated before the state produces its result", site.field);
    }
    return {};
  }
  if (member == "errorOutput") {
    if (site.owner == analysis::FieldOwner::Catcher && output_or_assign(site)) return {};
    return "the error output exists only in the Output and Assign of a catcher";
  }
  return {};
}

struct StatesMember {
  uint32_t states = 0;  // the $states variable
  const jsonata::AstNode* member = nullptr;
};

std::vector<StatesMember> states_members(const jsonata::Ast& ast) {
  std::vector<StatesMember> found;
  for (const jsonata::AstNode& node : ast.nodes()) {
    if (node.kind != NodeKind::kPath || node.children.size() < 2) continue;
    if (!is_states(ast.node(node.children[0]))) continue;
    if (const jsonata::AstNode* member = step_name(ast, node.children[1]))
      found.push_back(StatesMember{node.children[0], member});
  }
  return found;
}

void check_member(const analysis::JsonataExpression& e, const StatesMember& found,
                  DiagnosticSink& sink) {
  const jsonata::AstNode& states = e.ast()->node(found.states);
  const uint32_t end = found.member->offset + found.member->length;
  const Span span = e.span(states.offset, end - states.offset);
  const std::string_view member = found.member->text;
  if (std::find(kStatesMembers.begin(), kStatesMembers.end(), member) == kStatesMembers.end()) {
    auto finding = sink.report_at(
        kUnavailableStatesField, span, e.string->value->json_pointer(),
        fmt::format("\"$states.{}\" does not exist: $states has only input, context, result and "
                    "errorOutput",
                    member));
    const std::string_view closest = text::closest_match(member, kStatesMembers);
    if (!closest.empty()) finding.help(fmt::format("did you mean \"$states.{}\"?", closest));
    return;
  }
  const std::string reason = unavailable_because(member, e);
  if (reason.empty()) return;
  sink.report_at(kUnavailableStatesField, span, e.string->value->json_pointer(),
                 fmt::format("\"$states.{}\" is not available in \"{}\" of state \"{}\": {}",
                             member, e.site.field, e.string->state->name, reason))
      .help(member == "result"
                ? "read $states.result in the Output or Assign of a Task, Map or Parallel state; "
                  "use $states.input for the state's input"
                : "read $states.errorOutput in the Output or Assign of a catcher");
}

void check_assignment(const analysis::JsonataExpression& e, DiagnosticSink& sink) {
  const jsonata::Ast& ast = *e.ast();
  for (const jsonata::AstNode& node : ast.nodes()) {
    if (node.kind != NodeKind::kBind || node.children.empty()) continue;
    if (!is_states(ast.node(node.children[0]))) continue;
    sink.report_at(kUnavailableStatesField, e.span_of(node.children[0]),
                   e.string->value->json_pointer(),
                   "\"$states\" is reserved and read-only: an expression cannot assign it")
        .help("bind another name, such as \"$result := ...\"");
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataExpression& expression : ctx.jsonata_expressions->all()) {
    if (!expression.ast()) continue;
    for (const StatesMember& found : states_members(*expression.ast()))
      check_member(expression, found, sink);
    check_assignment(expression, sink);
  }
}

}  // namespace

const Rule kUnavailableStatesField{
    {"JSN005", "unavailable-states-field", Severity::Error, kAsl,
     "A $states field read where it does not exist, or $states assigned"},
    &check};

}  // namespace wflint::rules
