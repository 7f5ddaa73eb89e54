#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidTransitionFields;

namespace {

bool needs_transition(std::string_view type) {
  return type == "Task" || type == "Pass" || type == "Wait" || type == "Parallel" || type == "Map";
}

bool ends_itself(std::string_view type) {
  return type == "Choice" || type == "Succeed" || type == "Fail";
}

void check_state(const asl::State& state, DiagnosticSink& sink) {
  const Node* next = state.field("Next");
  const Node* end = state.field("End");
  if (ends_itself(state.type)) {
    for (const Node* field : {next, end}) {
      if (!field) continue;
      sink.report_key(kInvalidTransitionFields, *field,
                      fmt::format("a {} state cannot have \"{}\"", state.type, field->key()))
          .help(state.type == "Choice" ? "a Choice state moves on through its Choices' Next and "
                                         "Default"
                                       : "Succeed and Fail states always end their scope");
    }
    return;
  }
  if (!needs_transition(state.type)) return;
  if (next && end) {
    sink.report_key(kInvalidTransitionFields, *end,
                    fmt::format("state \"{}\" has both \"Next\" and \"End\"", state.name))
        .related(next->key_span(), "Next is here")
        .help("keep Next to continue, or End to finish");
  } else if (!next && !end) {
    sink.report_key(kInvalidTransitionFields, *state.node,
                    fmt::format("state \"{}\" has neither \"Next\" nor \"End\"", state.name))
        .help("add \"Next\": \"<state>\" or \"End\": true");
  } else if (end && !(end->is_bool() && end->bool_value())) {
    sink.report(kInvalidTransitionFields, *end, "\"End\" must be true when present")
        .help("remove End and add Next to continue to another state");
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  check_state(state, sink);
}

}  // namespace

const Rule kInvalidTransitionFields{
    {"ASL106", "invalid-transition-fields", Severity::Error, kAsl,
     "Next and End together, neither where one is needed, or either on Choice, Succeed, Fail"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
