#include <fmt/format.h>

#include <array>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kFieldOfOtherQueryLanguage;

namespace {

constexpr std::array<std::string_view, 16> kJsonPathOnly = {"InputPath",
                                                            "Parameters",
                                                            "ResultSelector",
                                                            "ResultPath",
                                                            "OutputPath",
                                                            "ItemsPath",
                                                            "TimeoutSecondsPath",
                                                            "HeartbeatSecondsPath",
                                                            "SecondsPath",
                                                            "TimestampPath",
                                                            "ErrorPath",
                                                            "CausePath",
                                                            "MaxConcurrencyPath",
                                                            "ToleratedFailureCountPath",
                                                            "ToleratedFailurePercentagePath",
                                                            "Iterator"};

constexpr std::array<std::string_view, 3> kJsonataOnly = {"Arguments", "Output", "Items"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

void report(DiagnosticSink& sink, const asl::State& state, const Node& field) {
  const bool jsonpath_field = !state.jsonata;
  sink.report_key(kFieldOfOtherQueryLanguage, field,
                  fmt::format("\"{}\" is a {} field, but state \"{}\" uses {}", field.key(),
                              jsonpath_field ? "JSONata" : "JSONPath", state.name,
                              jsonpath_field ? "JSONPath" : "JSONata"))
      .help(jsonpath_field
                ? "set \"QueryLanguage\": \"JSONata\" on the state or the machine, or use the "
                  "JSONPath fields (Parameters, ResultSelector, ResultPath, OutputPath, ItemsPath)"
                : "JSONata states use Arguments, Output, Assign and Items instead; or set "
                  "\"QueryLanguage\": \"JSONPath\" on the state");
}

void check_choice_rules(const asl::State& state, DiagnosticSink& sink) {
  const Node* choices = state.field("Choices");
  if (!choices || !choices->is_array()) return;
  for (const Node& rule : choices->children()) {
    if (!rule.is_object()) continue;
    const Node* misplaced = state.jsonata ? rule.find("Variable") : rule.find("Condition");
    if (misplaced) report(sink, state, *misplaced);
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  for (const Node& field : state.node->children()) {
    const bool misplaced =
        state.jsonata ? contains(kJsonPathOnly, field.key()) : contains(kJsonataOnly, field.key());
    if (misplaced) report(sink, state, field);
  }
  if (state.type == "Choice") check_choice_rules(state, sink);
}

}  // namespace

const Rule kFieldOfOtherQueryLanguage{
    {"ASL505", "field-of-other-query-language", Severity::Error, kAsl,
     "A JSONPath field in a JSONata state, or a JSONata field "
     "in a JSONPath state"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
