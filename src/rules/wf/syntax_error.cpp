#include "rules/registry.h"

namespace wflint::rules {

// Raised by the loaders: the JSON or YAML cannot be read (including invalid UTF-8 and limits).
const Rule kSyntaxError{
    {"WF001", "syntax-error", Severity::Error, kAnyDocument, "The file is not valid JSON or YAML"},
    nullptr};

}  // namespace wflint::rules
