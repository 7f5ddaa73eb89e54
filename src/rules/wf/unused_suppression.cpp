#include "rules/registry.h"

namespace wflint::rules {

// Raised by the engine after suppressions are applied: a suppression that suppressed nothing, or
// that cannot suppress anything as written.
const Rule kUnusedSuppression{{"WF010", "unused-suppression", Severity::Warning, kAnyDocument,
                               "A wflint-disable comment or Comment field that suppresses "
                               "nothing"},
                              nullptr};

}  // namespace wflint::rules
