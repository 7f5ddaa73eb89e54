#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownAction;

namespace {

constexpr std::array<std::string_view, 23> kDocumentedActions = {
    "aws:approve",
    "aws:assertAwsResourceProperty",
    "aws:branch",
    "aws:changeInstanceState",
    "aws:copyImage",
    "aws:createImage",
    "aws:createStack",
    "aws:createTags",
    "aws:deleteImage",
    "aws:deleteStack",
    "aws:executeAutomation",
    "aws:executeAwsApi",
    "aws:executeScript",
    "aws:executeStateMachine",
    "aws:invokeLambdaFunction",
    "aws:invokeWebhook",
    "aws:loop",
    "aws:pause",
    "aws:runCommand",
    "aws:runInstances",
    "aws:sleep",
    "aws:updateVariable",
    "aws:waitForAwsResourceProperty",
};

// Used by AWS's own published runbooks but absent from the documentation.
constexpr std::array<std::string_view, 3> kUndocumentedAwsActions = {
    "aws:putServerUpgradeMetrics",
    "aws:shareSQLMedia",
    "aws:installDistributorPackageOnAzure",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

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
  if (const std::string_view near = text::closest_match(action, kDocumentedActions); !near.empty())
    return near;
  const auto* it = std::find_if(kDocumentedActions.begin(), kDocumentedActions.end(),
                                [&](std::string_view known) { return known.starts_with(action); });
  return it == kDocumentedActions.end() ? std::string_view() : *it;
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
    if (!action || !action->is_string() || contains(kDocumentedActions, action->text())) continue;
    if (contains(kUndocumentedAwsActions, action->text())) {
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
