#include <fmt/format.h>

#include <optional>

#include "rules/asl/error_handlers.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kRetryValueOutOfRange;

namespace {

struct Bound {
  std::string_view field;
  bool integer;
  double min;
  double max;
};

constexpr Bound kBounds[] = {
    {"IntervalSeconds", true, 1, 99999999},
    {"MaxAttempts", true, 0, 99999999},
    {"BackoffRate", false, 1.0, 1e9},
    {"MaxDelaySeconds", true, 1, 31622401},
};

std::string describe(const Bound& bound) {
  if (bound.max >= 1e9) return fmt::format("a number of at least {}", bound.min);
  return fmt::format("{} from {} to {}", bound.integer ? "a whole number" : "a number", bound.min,
                     bound.max);
}

void check_value(const Node& retrier, const Bound& bound, DiagnosticSink& sink) {
  const Node* value = retrier.find(bound.field);
  if (!value) return;
  if (value->is_string() && value->text().find("${") != std::string_view::npos) return;
  const std::optional<double> number = value->number();
  const bool fits = number && *number >= bound.min && *number <= bound.max &&
                    (!bound.integer || value->is_integer());
  if (fits) return;
  sink.report(kRetryValueOutOfRange, *value,
              fmt::format("\"{}\" must be {}", bound.field, describe(bound)))
      .help(bound.field == "BackoffRate" ? "a rate below 1.0 would shrink the interval; 2.0 is "
                                           "the default"
                                         : "");
}

void check_jitter(const Node& retrier, DiagnosticSink& sink) {
  const Node* jitter = retrier.find("JitterStrategy");
  if (!jitter || (jitter->is_string() && (jitter->text() == "FULL" || jitter->text() == "NONE"))) {
    return;
  }
  sink.report(kRetryValueOutOfRange, *jitter, "\"JitterStrategy\" must be \"FULL\" or \"NONE\"");
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for_each_handler_list(state, [&](const asl::State&, const Node& list) {
    if (list.key() != "Retry") return;
    for (const Node& retrier : list.children()) {
      if (!retrier.is_object()) continue;
      for (const Bound& bound : kBounds)
        check_value(retrier, bound, sink);
      check_jitter(retrier, sink);
    }
  });
}

}  // namespace

const Rule kRetryValueOutOfRange{{"ASL304", "retry-value-out-of-range", Severity::Error, kAsl,
                                  "IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds or "
                                  "JitterStrategy outside what Step Functions accepts"},
                                 nullptr,
                                 &check_each_state};

}  // namespace wflint::rules
