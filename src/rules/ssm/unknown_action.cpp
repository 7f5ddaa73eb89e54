#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string_view>

#include "model/ssm/actions.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownAction;

namespace {

// The undocumented actions AWS itself runs work, but nothing promises they will keep working: a
// finding at info severity, not an error.
void report_undocumented(const Node& action, DiagnosticSink& sink) {
  sink.report(kUnknownAction, action,
              fmt::format("action {} is not documented; AWS uses it in its own runbooks",
                          text::json_quote(action.text())))
      .help("it may change or disappear without notice; prefer a documented action")
      .severity(Severity::Info);
}

// The closest action by spelling, else the one the name abbreviates ("aws:invokeLambda").
std::string_view suggestion(std::string_view action) {
  const std::span<const std::string_view> known = ssm::documented_action_names();
  if (const std::string_view near = text::closest_match(action, known); !near.empty()) return near;
  const auto it = std::find_if(known.begin(), known.end(),
                               [&](std::string_view name) { return name.starts_with(action); });
  return it == known.end() ? std::string_view() : *it;
}

void report_unknown(const Node& action, DiagnosticSink& sink) {
  std::string message =
      fmt::format("action {} is not an SSM Automation action", text::json_quote(action.text()));
  if (const std::string_view near = suggestion(action.text()); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report(kUnknownAction, action, std::move(message))
      .help(
          "SSM rejects the runbook when it is created; use one of the aws:* actions the "
          "Automation actions reference lists");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* action = step.node ? step.node->find("action") : nullptr;
    if (!action || !action->is_string() || ssm::find_action(action->text())) continue;
    if (ssm::is_undocumented_aws_action(action->text())) {
      report_undocumented(*action, sink);
    } else {
      report_unknown(*action, sink);
    }
  }
}

}  // namespace

const Rule kUnknownAction{{"SSM004", "unknown-action", Severity::Error, kSsm,
                           "A step action SSM Automation does not have"},
                          &check};

}  // namespace wflint::rules
