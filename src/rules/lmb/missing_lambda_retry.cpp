#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kMissingLambdaRetry;

namespace {

constexpr std::string_view kErrorsOption = "errors";
// The transient Lambda service errors AWS recommends retrying on every Lambda task.
constexpr std::string_view kTransientErrors[] = {
    "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"};
const OptionSpec kOptions[] = {
    {.name = kErrorsOption,
     .type = OptionSpec::Type::StringList,
     .description = "the error names every Lambda task must retry",
     .default_strings = kTransientErrors},
};

// Error names that match every Lambda service error.
bool is_catch_all(std::string_view error) {
  return error == "States.ALL" || error == "States.TaskFailed";
}

// Which of the required errors the Retry list retries; `unknown` when it cannot be told (a
// MaxAttempts or error name filled in later).
struct Coverage {
  std::vector<std::string_view> required;
  std::vector<bool> retried = std::vector<bool>(required.size());
  bool unknown = false;

  bool complete() const {
    return std::find(retried.begin(), retried.end(), false) == retried.end();
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
    for (std::size_t i = 0; i < coverage.required.size(); ++i) {
      if (is_catch_all(error.text()) || error.text() == coverage.required[i])
        coverage.retried[i] = true;
    }
  }
}

std::string missing_names(const Coverage& coverage) {
  std::vector<std::string_view> missing;
  for (std::size_t i = 0; i < coverage.required.size(); ++i) {
    if (!coverage.retried[i]) missing.push_back(coverage.required[i]);
  }
  return fmt::format("{}", fmt::join(missing, ", "));
}

std::string help(const std::vector<std::string_view>& required) {
  std::vector<std::string> quoted;
  for (std::string_view error : required)
    quoted.push_back(fmt::format("\"{}\"", error));
  return fmt::format(
      "add a retrier such as {{\"ErrorEquals\": [{}], \"IntervalSeconds\": 1, \"MaxAttempts\": 3, "
      "\"BackoffRate\": 2}}: these transient Lambda errors otherwise fail the task",
      fmt::join(quoted, ", "));
}

void check_call(const analysis::LambdaCall& call, const std::vector<std::string_view>& required,
                DiagnosticSink& sink) {
  const Node* retry = call.state->field("Retry");
  if (!retry) {
    sink.report(kMissingLambdaRetry, *call.resource,
                fmt::format("Lambda task \"{}\" has no Retry: a transient Lambda service error "
                            "({}) fails it at once",
                            call.state->name, fmt::join(required, ", ")))
        .help(help(required));
    return;
  }
  if (!retry->is_array() || !retry->tag().empty()) return;
  Coverage coverage{required};
  for (const Node& retrier : retry->children())
    add_retrier(retrier, coverage);
  if (coverage.unknown || coverage.complete()) return;
  sink.report_key(kMissingLambdaRetry, *retry,
                  fmt::format("Retry of Lambda task \"{}\" does not cover {}: such transient "
                              "Lambda service errors fail the task at once",
                              call.state->name, missing_names(coverage)))
      .help(help(required));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const std::vector<std::string_view> required =
      ctx.options->strings(kMissingLambdaRetry, kErrorsOption);
  if (required.empty()) return;
  for (const analysis::LambdaCall& call : ctx.lambda_calls->all()) {
    if (call.kind != analysis::LambdaCallKind::OtherIntegration) check_call(call, required, sink);
  }
}

}  // namespace

const Rule kMissingLambdaRetry{{"LMB015", "missing-lambda-retry", Severity::Warning, kAsl,
                                "A Lambda task with no retrier for Lambda's transient service "
                                "errors"},
                               &check,
                               nullptr,
                               false,
                               kOptions};

}  // namespace wflint::rules
