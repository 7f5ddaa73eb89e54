#include <fmt/format.h>

#include <array>

#include "rules/asl/timestamp.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kInvalidWaitDuration;

namespace {

constexpr std::array<std::string_view, 4> kDurationFields = {"Seconds", "Timestamp", "SecondsPath",
                                                             "TimestampPath"};

bool is_jsonata(const Node& value) {
  return value.is_string() && value.text().substr(0, 2) == "{%";
}

bool is_placeholder(const Node& value) {
  return value.is_string() && value.text().find("${") != std::string_view::npos;
}

void check_values(const asl::State& state, DiagnosticSink& sink) {
  if (const Node* seconds = state.field("Seconds");
      seconds && !is_jsonata(*seconds) && !is_placeholder(*seconds)) {
    const std::optional<double> value = seconds->number();
    if (!seconds->is_integer() || !value || *value < 0 || *value > 99999999) {
      sink.report(kInvalidWaitDuration, *seconds,
                  "\"Seconds\" must be a whole number from 0 to 99999999");
    }
  }
  if (const Node* timestamp = state.field("Timestamp");
      timestamp && !is_jsonata(*timestamp) && !is_placeholder(*timestamp)) {
    if (!timestamp->is_string() || !is_rfc3339_timestamp(timestamp->text())) {
      sink.report(kInvalidWaitDuration, *timestamp,
                  "\"Timestamp\" must be an RFC 3339 timestamp such as \"2026-03-14T01:59:00Z\"")
          .help("use an uppercase T between date and time, and Z or a numeric offset");
    }
  }
}

void check_state(const asl::State& state, DiagnosticSink& sink) {
  std::vector<const Node*> present;
  for (std::string_view field : kDurationFields) {
    if (const Node* value = state.field(field)) present.push_back(value);
  }
  if (present.empty()) {
    sink.report_key(
            kInvalidWaitDuration, *state.node,
            fmt::format("Wait state \"{}\" says neither how long nor until when", state.name))
        .help(state.jsonata ? "add Seconds or Timestamp"
                            : "add one of Seconds, Timestamp, SecondsPath or TimestampPath");
    return;
  }
  if (present.size() > 1) {
    auto finding = sink.report_key(
        kInvalidWaitDuration, *present[1],
        fmt::format("a Wait state takes one of Seconds, Timestamp, SecondsPath and TimestampPath; "
                    "\"{}\" and \"{}\" are both set",
                    present[0]->key(), present[1]->key()));
    finding.related(present[0]->key_span(), fmt::format("{} is here", present[0]->key()));
  }
  check_values(state, sink);
}

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  if (state.type == "Wait") check_state(state, sink);
}

}  // namespace

const Rule kInvalidWaitDuration{{"ASL502", "invalid-wait-duration", Severity::Error, kAsl,
                                 "A Wait state without exactly one valid duration field"},
                                nullptr,
                                &check_each_state};

}  // namespace wflint::rules
