#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/source.h"

namespace wflint {

enum class Severity : uint8_t { Info, Warning, Error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct RelatedSpan {
  Span span;
  std::string message;
};

// One finding. Rule id and name point at static strings of the rule registry.
struct Diagnostic {
  std::string_view rule_id;
  std::string_view rule_name;
  Severity severity = Severity::Error;
  std::string message;
  Span span;
  std::string pointer;  // JSON pointer of the node the finding is about ("" is the root)
  std::vector<RelatedSpan> related;
  std::string help;
};

// Sorts by position in the file, then rule id and message, and drops exact repeats, so output is
// the same whatever order rules ran in.
void sort_and_dedupe(std::vector<Diagnostic>& diagnostics);

}  // namespace wflint
