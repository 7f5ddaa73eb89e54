#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kInvokeTimeoutOverMax;

namespace {

constexpr double kMaxInvokeSeconds = 300;

// timeoutSeconds as a number; AWS-owned runbooks also write it as a string of digits.
std::optional<double> seconds_of(const Node& value) {
  if (value.is_number()) return value.number();
  if (!value.is_string() || !value.tag().empty()) return std::nullopt;
  const std::string_view text = value.text();
  long long seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return static_cast<double>(seconds);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    if (step.action != ssm_invoke::kInvokeAction || !step.node) continue;
    const Node* timeout = step.node->find("timeoutSeconds");
    if (!timeout) continue;
    const std::optional<double> seconds = seconds_of(*timeout);
    if (!seconds || *seconds <= kMaxInvokeSeconds) continue;
    sink.report(kInvokeTimeoutOverMax, *timeout,
                fmt::format("timeoutSeconds {} is above 300, the longest an "
                            "aws:invokeLambdaFunction step ever runs",
                            timeout->text()))
        .help(
            "the action stops after 300 seconds whatever timeoutSeconds says; set 300 or less, "
            "or move longer work to aws:executeAutomation or a Step Functions state machine");
  }
}

}  // namespace

const Rule kInvokeTimeoutOverMax{{"SSM101", "invoke-timeout-over-max", Severity::Warning, kSsm,
                                  "aws:invokeLambdaFunction timeoutSeconds above 300"},
                                 &check};

}  // namespace wflint::rules
