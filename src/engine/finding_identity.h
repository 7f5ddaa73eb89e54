#pragma once

#include <span>
#include <string>

#include "load/node.h"
#include "support/diagnostic.h"

namespace wflint {

// Names the state or step each finding of the document `root` is inside, following its JSON
// pointer: a state is a member of a "States" object, a step an element of "mainSteps" or of an
// aws:loop's "Steps". The innermost one wins.
void name_subjects(const Node& root, std::span<Diagnostic> findings);

// Gives each finding of one file a fingerprint that survives edits elsewhere in the file: a hash
// of the rule, the JSON pointer, the first line of the underlined text (blanks squeezed) and how
// many findings before it in the file share all three. Line numbers play no part. `findings` must
// be in output order.
void assign_fingerprints(std::span<Diagnostic> findings);

}  // namespace wflint
