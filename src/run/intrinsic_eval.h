#pragma once

#include <random>
#include <string_view>

#include "lang/intrinsic.h"
#include "run/json.h"
#include "run/path_lookup.h"

namespace wflint::run {

// What an intrinsic call may use beyond its arguments.
struct IntrinsicEnvironment {
  // Deterministic randomness for States.MathRandom without a seed and States.UUID: the
  // interpreter owns one generator seeded per run. When null, a fixed-seed generator is used.
  std::mt19937_64* random = nullptr;
  // The state's effective input. A path argument that selects nothing is reported as not found
  // "in the input '<this value>'", as AWS words it; when null that clause is left out.
  const Json* input = nullptr;
};

// Evaluates `call_text` (such as "States.Format('x {}', $.a)") as Step Functions does in a
// JSONPath state. Errors carry the name AWS reports and a cause without the "An error occurred
// while executing the state ..." prefix, which the caller adds:
//   - States.Runtime when a path argument selects nothing, and when the text is not a valid call
//     (unknown function, wrong number of arguments, syntax): AWS rejects those definitions;
//   - States.IntrinsicFailure when an argument has the wrong type or value.
Outcome<Json> evaluate_intrinsic(std::string_view call_text, const PathLookup& lookup,
                                 IntrinsicEnvironment& env);

// The same for a call already parsed from `call_text` by lang::parse_intrinsic.
Outcome<Json> evaluate_intrinsic(const lang::Intrinsic& intrinsic, std::string_view call_text,
                                 const PathLookup& lookup, IntrinsicEnvironment& env);

}  // namespace wflint::run
