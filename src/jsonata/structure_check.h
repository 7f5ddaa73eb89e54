#pragma once

#include "jsonata/ast.h"

namespace wflint::jsonata {

// The checks jsonata-js makes after parsing, while it flattens paths into steps: literals used
// as path steps, misplaced predicates, groupings and variable bindings, and parent operators
// (%) with no parent to refer to. Throws SyntaxFailure at the first problem.
void check_structure(const Ast& ast);

}  // namespace wflint::jsonata
