#include <fmt/format.h>

#include "rules/rule.h"
#include "support/utf8.h"

namespace wflint::rules {

extern const Rule kStateNameTooLong;

namespace {

constexpr std::size_t kMaxStateNameLength = 80;

void check_each_state(const CheckContext&, const asl::State& state, DiagnosticSink& sink) {
  const std::size_t length = utf8::count_code_points(state.name);
  if (length <= kMaxStateNameLength) return;
  sink.report_key(kStateNameTooLong, *state.node,
                  fmt::format("state name is {} characters long; the limit is {}", length,
                              kMaxStateNameLength))
      .help("shorten the name; Comment can hold a longer description");
}

}  // namespace

const Rule kStateNameTooLong{{"ASL103", "state-name-too-long", Severity::Error, kAsl,
                              "A state name longer than 80 characters"},
                             nullptr,
                             &check_each_state};

}  // namespace wflint::rules
