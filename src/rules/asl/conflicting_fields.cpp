#include <fmt/format.h>

#include <span>

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

constexpr ExclusivePair kStatePairs[] = {
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

constexpr ExclusivePair kReaderConfigPairs[] = {
    {"MaxItems", "MaxItemsPath", "a static limit or one read from the input"},
};

constexpr ExclusivePair kItemBatcherPairs[] = {
    {"MaxItemsPerBatch", "MaxItemsPerBatchPath", "a static batch size or one read from the input"},
    {"MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath",
     "a static byte limit or one read from the input"},
};

void check_object(const Node* object, std::span<const ExclusivePair> pairs, DiagnosticSink& sink) {
  if (!object || !object->is_object()) return;
  for (const ExclusivePair& pair : pairs) {
    const Node* first = object->find(pair.first);
    const Node* second = object->find(pair.second);
    if (!first || !second) continue;
    sink.report_key(kConflictingFields, *second,
                    fmt::format("\"{}\" and \"{}\" cannot both be set", pair.first, pair.second))
        .related(first->key_span(), fmt::format("{} is here", pair.first))
        .help(fmt::format("keep one: {}", pair.why));
  }
}

const Node* member_of(const Node* object, std::string_view key) {
  return object && object->is_object() ? object->find(key) : nullptr;
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  check_object(state.node, kStatePairs, sink);
  check_object(member_of(state.field("ItemReader"), "ReaderConfig"), kReaderConfigPairs, sink);
  check_object(state.field("ItemBatcher"), kItemBatcherPairs, sink);
}

}  // namespace

const Rule kConflictingFields{{"ASL501", "conflicting-fields", Severity::Error, kAsl,
                               "Two fields of which a state may have only one"},
                              nullptr,
                              &check_each_state};

}  // namespace wflint::rules
