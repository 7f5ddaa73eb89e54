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

// The state of a state machine or the step of a runbook a finding is inside, for reports that
// name it (SARIF logical locations, JSON output).
struct Subject {
  enum class Kind : uint8_t { None, State, Step };
  Kind kind = Kind::None;
  std::string name;
  std::string pointer;  // the JSON pointer of the state or step
};

std::string_view to_string(Subject::Kind kind);

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
  Subject subject;
  // Identifies the finding across edits elsewhere in the file (see fingerprint.h); set once the
  // file's findings are final.
  uint64_t fingerprint = 0;
};

// A fingerprint as 16 hexadecimal digits, as reports and baselines write it.
std::string fingerprint_text(uint64_t fingerprint);

// Sorts by position in the file, then rule id and message, and drops exact repeats, so output is
// the same whatever order rules ran in.
void sort_and_dedupe(std::vector<Diagnostic>& diagnostics);

}  // namespace wflint
