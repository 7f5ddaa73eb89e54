#include <fmt/format.h>

#include <unordered_map>

#include "rules/lmb/task_token.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kTaskTokenOutsideCallback;

namespace {

// The state a field belongs to, found by walking up from the field to the nearest state object.
// The index is built on first use: most machines never read the token.
class OwningStates {
 public:
  explicit OwningStates(const asl::StateMachine& machine) : machine_(machine) {}

  const asl::State* of(const Node& field) {
    if (states_.empty()) index();
    for (const Node* node = &field; node; node = node->parent()) {
      if (const auto found = states_.find(node); found != states_.end()) return found->second;
    }
    return nullptr;
  }

 private:
  void index() {
    for (const asl::Scope& scope : machine_.scopes()) {
      for (const asl::State& state : scope.states())
        states_.emplace(state.node, &state);
    }
  }

  const asl::StateMachine& machine_;
  std::unordered_map<const Node*, const asl::State*> states_;
};

void report(const TokenReference& reference, const asl::State& state, DiagnosticSink& sink) {
  const std::string_view text = reference.value->text().substr(reference.offset, reference.length);
  sink.report_at(kTaskTokenOutsideCallback, reference.span(), reference.value->json_pointer(),
                 fmt::format("\"{}\" is read in state \"{}\", which is not a .waitForTaskToken "
                             "task: the task token exists only while such a task runs",
                             text, state.name))
      .help(
          "read the token in the Parameters (or Arguments) of the callback task itself and pass "
          "it on from there; if this task should wait for a callback, append .waitForTaskToken "
          "to its Resource");
}

bool may_name_task(std::string_view text) {
  return text.find("Task") != std::string_view::npos;
}

void check_jsonpath_fields(const CheckContext& ctx, OwningStates& owners, DiagnosticSink& sink) {
  for (const analysis::PathField& field : ctx.path_fields->fields()) {
    if (field.role == analysis::PathRole::PlainValue || !field.member->is_string()) continue;
    const std::string_view text = field.member->text();
    if (text.find("$$") == std::string_view::npos || !may_name_task(text)) continue;
    const std::optional<TokenReference> reference = token_in_jsonpath_value(*field.member);
    if (!reference || !reference->names_task) continue;
    const asl::State* state = owners.of(*field.member);
    if (state && known_without_token(*state)) report(*reference, *state, sink);
  }
}

void check_jsonata_strings(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataString& string : ctx.jsonata_strings->all()) {
    if (!string.is_expression() || !may_name_task(string.expression())) continue;
    const std::optional<TokenReference> reference = token_in_jsonata_value(*string.value);
    if (!reference || !reference->names_task) continue;
    if (known_without_token(*string.state)) report(*reference, *string.state, sink);
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  OwningStates owners(*ctx.state_machine);
  check_jsonpath_fields(ctx, owners, sink);
  check_jsonata_strings(ctx, sink);
}

}  // namespace

const Rule kTaskTokenOutsideCallback{
    {"LMB017", "task-token-outside-callback", Severity::Error, kAsl,
     "The task token read in a state that is not a .waitForTaskToken task"},
    &check};

}  // namespace wflint::rules
