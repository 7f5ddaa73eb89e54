#include "rules/registry.h"

namespace wflint::rules {

// Raised by the engine for a file named explicitly that is neither kind of workflow.
const Rule kUnknownDocument{{"WF003", "unknown-document", Severity::Error, kAnyDocument,
                             "A file given explicitly is neither a state machine nor a runbook"},
                            nullptr};

}  // namespace wflint::rules
