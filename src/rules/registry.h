#pragma once

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace wflint::rules {

// Raised by the engine while loading and classifying, not by a check function.
extern const Rule kSyntaxError;      // WF001
extern const Rule kDuplicateKey;     // WF002
extern const Rule kUnknownDocument;  // WF003
// Raised by the engine after applying suppressions.
extern const Rule kUnusedSuppression;  // WF010

// Every rule, in id order. Adding a rule: its file under src/rules/<family>/, one line here, and
// its page rules/<ID>.md.
std::span<const Rule* const> all_rules();
const Rule* find_rule(std::string_view id_or_name);

}  // namespace wflint::rules
