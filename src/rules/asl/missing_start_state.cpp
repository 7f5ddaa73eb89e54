#include <fmt/format.h>

#include "rules/asl/scope_names.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kMissingStartState;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const asl::Scope& scope : ctx.state_machine->scopes()) {
    const Node* start_at = scope.start_at();
    if (!start_at || !start_at->is_string() || scope.find(start_at->text())) continue;
    const std::string where = describe_scope(scope);
    auto finding =
        sink.report(kMissingStartState, *start_at,
                    fmt::format("StartAt \"{}\" names no state in {}", start_at->text(), where));
    const std::vector<std::string_view> names = scope.state_names();
    if (const asl::Scope* elsewhere = scope_defining(*ctx.state_machine, start_at->text())) {
      finding.help(fmt::format("\"{}\" is a state of {}; StartAt must name a state of {}",
                               start_at->text(), describe_scope(*elsewhere), where));
    } else if (std::string_view near = text::closest_match(start_at->text(), names);
               !near.empty()) {
      finding.help(fmt::format("did you mean \"{}\"?", near));
    } else if (names.empty()) {
      finding.help("add the state to States");
    } else {
      finding.help(fmt::format("StartAt must name one of the states defined in {}", where));
    }
  }
}

}  // namespace

const Rule kMissingStartState{{"ASL001", "missing-start-state", Severity::Error, kAsl,
                               "StartAt names no state of its own scope"},
                              &check};

}  // namespace wflint::rules
