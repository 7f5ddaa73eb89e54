#include <fmt/format.h>

#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kConflictingFields;

namespace {

// Pairs of fields a state may carry one of, never both.
struct ExclusivePair {
  std::string_view first;
  std::string_view second;
  std::string_view why;
};

constexpr ExclusivePair kPairs[] = {
    {"TimeoutSeconds", "TimeoutSecondsPath", "a static timeout or one read from the input"},
    {"HeartbeatSeconds", "HeartbeatSecondsPath", "a static heartbeat or one read from the input"},
    {"Error", "ErrorPath", "a static error name or one read from the input"},
    {"Cause", "CausePath", "a static cause or one read from the input"},
    {"Items", "ItemsPath", "Items (JSONata) or ItemsPath (JSONPath)"},
    {"ItemSelector", "Parameters", "ItemSelector, or its deprecated name Parameters"},
    {"ItemProcessor", "Iterator", "ItemProcessor, or its deprecated name Iterator"},
    {"MaxConcurrency", "MaxConcurrencyPath", "a static limit or one read from the input"},
    {"ToleratedFailureCount", "ToleratedFailureCountPath",
     "a static count or one read from the input"},
    {"ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
     "a static percentage or one read from the input"},
};

void check_object(const Node& object, DiagnosticSink& sink) {
  for (const ExclusivePair& pair : kPairs) {
    const Node* first = object.find(pair.first);
    const Node* second = object.find(pair.second);
    if (!first || !second) continue;
    sink.report_key(kConflictingFields, *second,
                    fmt::format("\"{}\" and \"{}\" cannot both be set", pair.first, pair.second))
        .related(first->key_span(), fmt::format("{} is here", pair.first))
        .help(fmt::format("keep one: {}", pair.why));
  }
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  check_object(*state.node, sink);
  // ItemReader.ReaderConfig has its own pair.
  const Node* reader = state.field("ItemReader");
  const Node* config = reader && reader->is_object() ? reader->find("ReaderConfig") : nullptr;
  if (config && config->is_object() && config->find("MaxItems") && config->find("MaxItemsPath")) {
    sink.report_key(kConflictingFields, *config->find("MaxItemsPath"),
                    "\"MaxItems\" and \"MaxItemsPath\" cannot both be set")
        .help("keep one: a static limit or one read from the input");
  }
}

}  // namespace

const Rule kConflictingFields{{"ASL501", "conflicting-fields", Severity::Error, kAsl,
                               "Two fields of which a state may have only one"},
                              nullptr,
                              &check_each_state};

}  // namespace wflint::rules
