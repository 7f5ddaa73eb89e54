#pragma once

#include <string>
#include <vector>

#include "support/diagnostic.h"

namespace wflint {

// A reason a document could not be loaded as written. The engine turns these into findings of the
// document-level rules (WF001 syntax-error, WF002 duplicate-key).
struct LoadProblem {
  enum class Kind { Syntax, DuplicateKey };
  Kind kind = Kind::Syntax;
  Span span;
  std::string message;
  std::vector<RelatedSpan> related;
  std::string help;
};

}  // namespace wflint
