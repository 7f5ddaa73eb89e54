#include "rules/registry.h"

namespace wflint::rules {

// Raised by the tree builder while loading: both parsers accept repeated keys silently.
const Rule kDuplicateKey{{"WF002", "duplicate-key", Severity::Error, kAnyDocument,
                          "A key appears twice in one object; AWS keeps one value silently"},
                         nullptr};

}  // namespace wflint::rules
