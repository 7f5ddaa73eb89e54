#pragma once

#include "run/json.h"
#include "run/path_lookup.h"

namespace wflint {
class Node;
}

namespace wflint::run {

// Evaluates one JSONPath-mode Choice rule of the definition: a Boolean expression (And, Or, Not,
// short-circuit, nested to any depth without recursion) or a data test (Variable plus one
// comparison operator or type test). `lookup` resolves Variable and the operands of the *Path
// operators.
//
// A value of the wrong type for its operator makes the test false, never an error. Errors
// (States.Runtime; the cause is only the detail, without the "An error occurred while executing
// the state ..." prefix):
// - Variable selects nothing, for any operator but IsPresent:
//     Invalid path '$.x': The choice state's condition path references an invalid value.
// - the operand path of a *Path operator selects nothing: the same message naming that path (what
//   other emulators report for AWS; LocalStack compares against null instead).
// - a StringMatches pattern ending in an unpaired '\'.
// - a rule that is not well formed (no operator, several, a path that does not parse, ...).
Outcome<bool> evaluate_choice_rule(const Node& rule, const PathLookup& lookup);

}  // namespace wflint::run
