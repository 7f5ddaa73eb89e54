#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/rule_filter.h"
#include "model/document_kind.h"
#include "support/file_report.h"

namespace wflint {

// A Step Functions state machine's type: EXPRESS ones cannot wait for callbacks.
enum class StateMachineType : uint8_t { Standard, Express };

struct CheckOptions {
  RuleFilter filter;
  std::optional<DocumentKind> forced_kind;  // --kind
  // --sfn-type; unknown is checked with STANDARD semantics.
  std::optional<StateMachineType> sfn_type = std::nullopt;
};

// How a file came to be checked. A file met while walking a directory that is not a workflow is
// skipped silently; one named explicitly is reported as unknown.
enum class Origin { Explicit, Walked };

// Loads, classifies and checks every document of `source`. Never throws.
FileReport check_source(std::unique_ptr<Source> source, Origin origin, const CheckOptions& options);

}  // namespace wflint
