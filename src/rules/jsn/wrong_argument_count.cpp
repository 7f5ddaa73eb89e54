#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "jsonata/function_catalogue.h"
#include "rules/jsn/function_calls.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kWrongArgumentCount;

namespace {

std::string_view type_in_words(char letter) {
  switch (letter) {
    case 's':
      return "a string";
    case 'n':
      return "a number";
    case 'b':
      return "a boolean";
    case 'a':
      return "an array";
    case 'o':
      return "an object";
    case 'f':
      return "a function";
    case 'l':
      return "null";
    default:
      return "a value";
  }
}

// One parameter of a jsonata-js signature: "a<n>", "(sf)", followed by "?", "-" or "+".
struct Parameter {
  std::string type;
  bool optional = false;
  bool from_context = false;  // "-": the context value when left out
  bool repeated = false;      // "+"
};

std::size_t skip_bracketed(std::string_view text, std::size_t i, char open, char close) {
  int depth = 0;
  do {
    if (text[i] == open) ++depth;
    if (text[i] == close) --depth;
    ++i;
  } while (i < text.size() && depth > 0);
  return i;
}

std::vector<Parameter> parameters(std::string_view signature) {
  std::string_view params = signature;
  if (params.starts_with('<')) params.remove_prefix(1);
  params = params.substr(0, std::min(params.find(':'), params.rfind('>')));
  std::vector<Parameter> out;
  std::size_t i = 0;
  while (i < params.size()) {
    Parameter parameter;
    if (params[i] == '(') {
      const std::size_t end = skip_bracketed(params, i, '(', ')');
      std::vector<std::string_view> choices;
      for (std::size_t k = i + 1; k + 1 < end; ++k)
        choices.push_back(type_in_words(params[k]));
      parameter.type = fmt::format("{}", fmt::join(choices, " or "));
      i = end;
    } else {
      parameter.type = type_in_words(params[i]);
      ++i;
    }
    if (i < params.size() && params[i] == '<') i = skip_bracketed(params, i, '<', '>');
    for (; i < params.size() && (params[i] == '?' || params[i] == '-' || params[i] == '+'); ++i) {
      parameter.optional = parameter.optional || params[i] == '?';
      parameter.from_context = parameter.from_context || params[i] == '-';
      parameter.repeated = parameter.repeated || params[i] == '+';
    }
    out.push_back(parameter);
  }
  return out;
}

// "a string (or the context value), a number and an optional number".
std::string signature_in_words(std::string_view signature) {
  std::vector<std::string> words;
  for (const Parameter& parameter : parameters(signature)) {
    std::string word = parameter.optional
                           ? "an optional " + parameter.type.substr(parameter.type.find(' ') + 1)
                           : parameter.type;
    if (parameter.from_context) word += " (the context value when left out)";
    if (parameter.repeated) word = "one or more: " + word;
    words.push_back(std::move(word));
  }
  if (words.empty()) return "no arguments";
  if (words.size() == 1) return words.front();
  const std::string last = words.back();
  words.pop_back();
  return fmt::format("{} and {}", fmt::join(words, ", "), last);
}

std::string expected_count(const jsonata::ArgumentRange& range) {
  const auto arguments = [](uint32_t n) { return n == 1 ? "argument" : "arguments"; };
  if (!range.max) return fmt::format("at least {} {}", range.min, arguments(range.min));
  if (*range.max == range.min) return fmt::format("{} {}", range.min, arguments(range.min));
  return fmt::format("{} to {} arguments", range.min, *range.max);
}

bool within(const jsonata::ArgumentRange& range, uint32_t count) {
  return count >= range.min && (!range.max || count <= *range.max);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const analysis::JsonataExpression& expression : ctx.jsonata_expressions->all()) {
    if (!expression.ast()) continue;
    for (const FunctionCall& call : library_calls(*expression.ast())) {
      const jsonata::CatalogueEntry* entry = jsonata::find_catalogue_entry(call.name);
      if (!entry || !entry->in_step_functions) continue;  // JSN003's findings
      const jsonata::ArgumentRange range = jsonata::argument_range(entry->signature);
      if (within(range, call.arguments)) continue;
      sink.report_at(
              kWrongArgumentCount, expression.span_of(call.procedure),
              expression.string->value->json_pointer(),
              fmt::format("\"${}\" is called with {} {} but takes {}: the call fails with "
                          "States.QueryEvaluationError",
                          call.name, call.arguments, call.arguments == 1 ? "argument" : "arguments",
                          expected_count(range)))
          .help(fmt::format("\"${}\" takes {} (a value chained in with \"~>\" is the first)",
                            call.name, signature_in_words(entry->signature)));
    }
  }
}

}  // namespace

const Rule kWrongArgumentCount{{"JSN004", "wrong-argument-count", Severity::Error, kAsl,
                                "A call of a JSONata function with too few or too many arguments"},
                               &check};

}  // namespace wflint::rules
