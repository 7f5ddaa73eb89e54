#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "jsonata/function_catalogue.h"
#include "rules/jsn/function_calls.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kUnknownFunction;

namespace {

std::vector<std::string_view> offered_names() {
  std::vector<std::string_view> names;
  for (const jsonata::CatalogueEntry& entry : jsonata::function_catalogue()) {
    if (entry.in_step_functions) names.push_back(entry.name);
  }
  return names;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

// A likely typo's intended name: a close spelling, or else the shortest name the typed one
// begins ($substr -> $substring).
std::string_view suggestion(std::string_view name) {
  static const std::vector<std::string_view> names = offered_names();
  const std::string_view close = text::closest_match(name, names);
  if (!close.empty() || name.size() < 3) return close;
  std::string_view shortest;
  for (std::string_view candidate : names) {
    if (starts_with_ignoring_case(candidate, name) &&
        (shortest.empty() || candidate.size() < shortest.size())) {
      shortest = candidate;
    }
  }
  return shortest;
}

void report_unknown(const analysis::JsonataExpression& expression, const FunctionCall& call,
                    DiagnosticSink& sink) {
  auto finding = sink.report_at(
      kUnknownFunction, expression.span_of(call.procedure),
      expression.string->value->json_pointer(),
      fmt::format("\"${}\" is not a function of JSONata or Step Functions, and the expression "
                  "does not define it: the call fails with States.QueryEvaluationError",
                  call.name));
  if (const std::string_view closest = suggestion(call.name); !closest.empty()) {
    finding.help(fmt::format("did you mean \"${}\"?", closest));
  } else {
    finding.help(
        "state machine variables hold JSON values, not functions; define a function in the "
        "expression with \"$name := function($x) { ... }\"");
  }
}

void report_unavailable(const analysis::JsonataExpression& expression, const FunctionCall& call,
                        DiagnosticSink& sink) {
  sink.report_at(kUnknownFunction, expression.span_of(call.procedure),
                 expression.string->value->json_pointer(),
                 fmt::format("\"${}\" is a JSONata function that Step Functions does not offer",
                             call.name))
      .help(call.name == "eval"
                ? "to turn JSON text into a value, use \"$parse\""
                : "rewrite the expression with the functions Step Functions offers");
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataExpression& expression : ctx.jsonata_expressions->all()) {
    if (!expression.ast()) continue;
    for (const FunctionCall& call : library_calls(*expression.ast())) {
      const jsonata::CatalogueEntry* entry = jsonata::find_catalogue_entry(call.name);
      if (!entry) {
        report_unknown(expression, call, sink);
      } else if (!entry->in_step_functions) {
        report_unavailable(expression, call, sink);
      }
    }
  }
}

}  // namespace

const Rule kUnknownFunction{{"JSN003", "unknown-function", Severity::Error, kAsl,
                             "A call of a function that neither JSONata, Step Functions nor the "
                             "expression defines"},
                            &check};

}  // namespace wflint::rules
