#include <fmt/format.h>

#include <unordered_map>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kDuplicateStepName;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  std::unordered_map<std::string_view, const ssm::Step*> first_by_name;
  for (const ssm::Step& step : ctx.runbook->steps()) {
    if (!step.name_node) continue;
    auto [it, inserted] = first_by_name.emplace(step.name, &step);
    if (inserted) continue;
    sink.report(kDuplicateStepName, *step.name_node,
                fmt::format("step name \"{}\" is already used by another step", step.name))
        .related(it->second->name_node->span(), "first used here")
        .help(
            "step names must be unique in a runbook, since nextStep, onFailure and "
            "{{Step.Output}} references name steps; rename one of them");
  }
}

}  // namespace

const Rule kDuplicateStepName{{"SSM002", "duplicate-step-name", Severity::Error, kSsm,
                               "Two steps of one runbook share a name"},
                              &check};

}  // namespace wflint::rules
