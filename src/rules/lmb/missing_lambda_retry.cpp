#include <fmt/format.h>

#include <array>
#include <string>

#include "analysis/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kMissingLambdaRetry;

namespace {

// The transient Lambda service errors AWS recommends retrying on every Lambda task.
constexpr std::array<std::string_view, 3> kTransientErrors = {
    "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"};

// Error names that match every Lambda service error.
bool is_catch_all(std::string_view error) {
  return error == "States.ALL" || error == "States.TaskFailed";
}

// Which of the transient errors the Retry list retries, or nullopt when it cannot be told (a
// MaxAttempts or error name filled in later).
struct Coverage {
  std::array<bool, kTransientErrors.size()> retried{};
  bool unknown = false;

  bool complete() const {
    for (bool one : retried) {
      if (!one) return false;
    }
    return true;
  }
};

// A retrier retries unless its MaxAttempts is a literal 0 (the default is 3).
bool retries(const Node& retrier, bool& unknown) {
  const Node* attempts = retrier.find("MaxAttempts");
  if (!attempts) return true;
  const std::optional<double> value = attempts->number();
  if (!value) {
    unknown = true;
    return false;
  }
  return *value >= 1;
}

void add_retrier(const Node& retrier, Coverage& coverage) {
  if (!retrier.is_object() || !retries(retrier, coverage.unknown)) return;
  const Node* errors = retrier.find("ErrorEquals");
  if (!errors || !errors->is_array()) return;
  for (const Node& error : errors->children()) {
    if (!error.is_string() || !error.tag().empty() || analysis::has_placeholder(error.text())) {
      coverage.unknown = true;
      continue;
    }
    for (std::size_t i = 0; i < kTransientErrors.size(); ++i) {
      if (is_catch_all(error.text()) || error.text() == kTransientErrors[i])
        coverage.retried[i] = true;
    }
  }
}

std::string missing_names(const Coverage& coverage) {
  std::string out;
  for (std::size_t i = 0; i < kTransientErrors.size(); ++i) {
    if (coverage.retried[i]) continue;
    if (!out.empty()) out += ", ";
    out += kTransientErrors[i];
  }
  return out;
}

constexpr std::string_view kHelp =
    "add a retrier such as {\"ErrorEquals\": [\"Lambda.ServiceException\", "
    "\"Lambda.AWSLambdaException\", \"Lambda.SdkClientException\"], \"IntervalSeconds\": 1, "
    "\"MaxAttempts\": 3, \"BackoffRate\": 2}: these transient Lambda errors otherwise fail the "
    "task";

void check_call(const analysis::LambdaCall& call, DiagnosticSink& sink) {
  const Node* retry = call.state->field("Retry");
  if (!retry) {
    sink.report(kMissingLambdaRetry, *call.resource,
                fmt::format("Lambda task \"{}\" has no Retry: a transient Lambda service error "
                            "(Lambda.ServiceException, Lambda.AWSLambdaException, "
                            "Lambda.SdkClientException) fails it at once",
                            call.state->name))
        .help(std::string(kHelp));
    return;
  }
  if (!retry->is_array() || !retry->tag().empty()) return;
  Coverage coverage;
  for (const Node& retrier : retry->children())
    add_retrier(retrier, coverage);
  if (coverage.unknown || coverage.complete()) return;
  sink.report_key(kMissingLambdaRetry, *retry,
                  fmt::format("Retry of Lambda task \"{}\" does not cover {}: such transient "
                              "Lambda service errors fail the task at once",
                              call.state->name, missing_names(coverage)))
      .help(std::string(kHelp));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    if (call.kind != analysis::LambdaCallKind::OtherIntegration) check_call(call, sink);
  }
}

}  // namespace

const Rule kMissingLambdaRetry{{"LMB015", "missing-lambda-retry", Severity::Warning, kAsl,
                                "A Lambda task with no retrier for Lambda's transient service "
                                "errors"},
                               &check};

}  // namespace wflint::rules
