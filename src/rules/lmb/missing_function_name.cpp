#include <fmt/format.h>

#include <array>

#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kMissingFunctionName;

namespace {

constexpr std::array<std::string_view, 1> kFunctionName{"FunctionName"};

// A key such as "Functionname" is a misspelled FunctionName: LMB010 reports it, with the fix.
bool has_misspelled_function_name(const Node& request) {
  for (const Node& member : request.children()) {
    std::string_view key = member.key();
    if (key.ends_with(".$")) key.remove_suffix(2);
    if (!text::closest_match(key, kFunctionName).empty()) return true;
  }
  return false;
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call || call->parameter("FunctionName")) return;
  if (has_misspelled_function_name(*call->arguments)) return;
  const std::string_view field = lmb::request_field_name(*call);
  sink.report_key(kMissingFunctionName, *call->arguments,
                  fmt::format("{} of lambda:invoke has no FunctionName: Lambda does not know "
                              "which function to run",
                              field))
      .help(call->jsonata()
                ? std::string("name the function: \"FunctionName\": \"my-function\" (a name, "
                              "an alias ARN or a function ARN), or a {% ... %} expression")
                : std::string("name the function: \"FunctionName\": \"my-function\" (a name, "
                              "an alias ARN or a function ARN), or \"FunctionName.$\" with a "
                              "path to read it from the input"));
}

}  // namespace

const Rule kMissingFunctionName{{"LMB009", "missing-function-name", Severity::Error, kAsl,
                                 "An optimized invoke without FunctionName"},
                                nullptr,
                                &check_each_state};

}  // namespace wflint::rules
