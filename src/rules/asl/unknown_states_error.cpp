#include <fmt/format.h>

#include <array>
#include <unordered_set>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownStatesError;

namespace {

constexpr std::array<std::string_view, 17> kPredefinedErrors = {
    "States.ALL",
    "States.TaskFailed",
    "States.Timeout",
    "States.HeartbeatTimeout",
    "States.Permissions",
    "States.ResultPathMatchFailure",
    "States.ParameterPathFailure",
    "States.QueryEvaluationError",
    "States.BranchFailed",
    "States.NoChoiceMatched",
    "States.IntrinsicFailure",
    "States.ExceedToleratedFailureThreshold",
    "States.ItemReaderFailed",
    "States.ResultWriterFailed",
    "States.DataLimitExceeded",
    "States.Runtime",
    "States.Http.Socket",
};

bool is_predefined(std::string_view name) {
  return std::find(kPredefinedErrors.begin(), kPredefinedErrors.end(), name) !=
         kPredefinedErrors.end();
}

// Error names the machine's own Fail states raise: AWS accepts the reserved prefix there, and
// samples use it.
std::unordered_set<std::string_view> raised_by_fail_states(const asl::StateMachine& machine) {
  std::unordered_set<std::string_view> raised;
  for (const asl::Scope& scope : machine.scopes()) {
    for (const asl::State& state : scope.states()) {
      if (const Node* error = state.field("Error");
          state.type == "Fail" && error && error->is_string()) {
        raised.insert(error->text());
      }
    }
  }
  return raised;
}

void check_list(const Node& list, const std::unordered_set<std::string_view>& raised,
                DiagnosticSink& sink) {
  for (const Node& entry : list.children()) {
    for (const Node* name : error_names(entry)) {
      const std::string_view text = name->text();
      if (text.substr(0, 7) != "States." || is_predefined(text) || raised.count(text)) continue;
      auto finding = sink.report(
          kUnknownStatesError, *name,
          fmt::format("\"{}\" is not an error Step Functions raises, nor one a Fail state here "
                      "raises",
                      text));
      if (std::string_view near = text::closest_match(text, kPredefinedErrors); !near.empty()) {
        finding.help(fmt::format("did you mean \"{}\"?", near));
      } else {
        finding.help("the \"States.\" prefix is reserved for Step Functions' own errors");
      }
    }
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const std::unordered_set<std::string_view> raised = raised_by_fail_states(*ctx.state_machine);
  for_each_handler_list(*ctx.state_machine, [&](const asl::State&, const Node& list) {
    check_list(list, raised, sink);
  });
}

}  // namespace

const Rule kUnknownStatesError{{"ASL305", "unknown-states-error", Severity::Warning, kAsl,
                                "An ErrorEquals name with the reserved States. prefix that Step "
                                "Functions never raises"},
                               &check};

}  // namespace wflint::rules
