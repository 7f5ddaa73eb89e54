#include <fmt/format.h>

#include <string>
#include <vector>

#include "model/ssm/targets.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownStepTarget;

namespace {

std::vector<std::string_view> step_names(const ssm::Runbook& runbook) {
  std::vector<std::string_view> names;
  for (const ssm::Step& step : runbook.steps()) {
    if (!step.name.empty()) names.push_back(step.name);
  }
  return names;
}

Span name_span(const ssm::StepTarget& target) {
  return target.node->text_span(target.name_offset, static_cast<uint32_t>(target.name.size()));
}

void report_missing(const ssm::StepTarget& target, const std::vector<std::string_view>& names,
                    DiagnosticSink& sink) {
  std::string message = fmt::format("{} names step {}, but the runbook has no such step",
                                    ssm::field_name(target.via), text::json_quote(target.name));
  if (const std::string_view near = text::closest_match(target.name, names); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report_at(kUnknownStepTarget, name_span(target), target.node->json_pointer(),
                 std::move(message))
      .help("name one of the runbook's steps; SSM rejects the runbook when it is created");
}

void report_forbidden_cancel_target(const ssm::StepTarget& target, const ssm::Step& to,
                                    DiagnosticSink& sink) {
  sink.report_at(kUnknownStepTarget, name_span(target), target.node->json_pointer(),
                 fmt::format("onCancel cannot move to step {}: its action {} is not allowed "
                             "after a cancellation",
                             text::json_quote(to.name), to.action))
      .help(
          "onCancel may not move to aws:approve, aws:copyImage, aws:createImage, "
          "aws:createStack, aws:createTags, aws:pause, aws:runInstances or aws:sleep; move to "
          "a clean-up step of another action, or use Abort");
}

// onFailure takes Abort, Continue or step:<name>; onCancel takes Abort or step:<name>.
void check_handler_value(const Node& step, std::string_view field, DiagnosticSink& sink) {
  const Node* value = step.find(field);
  if (!value || !value->is_string()) return;
  const std::string_view text = value->text();
  const bool on_failure = field == "onFailure";
  if (text == "Abort" || (on_failure && text == "Continue") || text.starts_with("step:") ||
      text.find("{{") != std::string_view::npos)
    return;
  const std::string_view allowed =
      on_failure ? "Abort, Continue or step:<name>" : "Abort or step:<name>";
  std::string message =
      fmt::format("{} is {}, but it takes {}", field, text::json_quote(text), allowed);
  std::vector<std::string_view> keywords{"Abort"};
  if (on_failure) keywords.push_back("Continue");
  if (const std::string_view near = text::closest_match(text, keywords); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  sink.report(kUnknownStepTarget, *value, std::move(message))
      .help(fmt::format("write {}; a step is named as step:<name>", allowed));
}

void check_cancel_allowed(const ssm::Step& step, DiagnosticSink& sink) {
  if (step.action != "aws:loop" && step.action != "aws:updateVariable") return;
  const Node* on_cancel = step.node->find("onCancel");
  if (!on_cancel) return;
  sink.report_key(kUnknownStepTarget, *on_cancel,
                  fmt::format("{} steps do not support onCancel", step.action))
      .help(step.action == "aws:loop" ? "set onCancel on the steps inside the loop instead"
                                      : "remove onCancel from this step");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const std::vector<std::string_view> names = step_names(*ctx.runbook);
  for (const ssm::Step& step : ctx.runbook->steps()) {
    check_handler_value(*step.node, "onFailure", sink);
    check_handler_value(*step.node, "onCancel", sink);
    check_cancel_allowed(step, sink);
    for (const ssm::StepTarget& target : ssm::step_targets(step)) {
      if (target.name.find("{{") != std::string_view::npos) continue;
      const ssm::Step* to = ctx.runbook->find_step(target.name);
      if (!to) {
        report_missing(target, names, sink);
      } else if (target.via == ssm::StepTarget::Via::OnCancel && to->action_info &&
                 !to->action_info->may_be_cancel_target) {
        report_forbidden_cancel_target(target, *to, sink);
      }
    }
  }
}

}  // namespace

const Rule kUnknownStepTarget{
    {"SSM003", "unknown-step-target", Severity::Error, kSsm,
     "nextStep, onFailure, onCancel or an aws:branch target naming no step, or a step onCancel "
     "may not move to"},
    &check};

}  // namespace wflint::rules
