#pragma once

#include <memory>
#include <vector>

#include "load/load_problem.h"
#include "load/node.h"

namespace wflint {

// One document of a file as loaded: its tree (no root when it could not be read) and what went
// wrong while reading it.
struct LoadedDocument {
  std::unique_ptr<Document> document;
  std::vector<LoadProblem> problems;
  // A JSON file with bare ${...} placeholders is read from a copy with each one quoted (see
  // quote_bare_placeholders); the document's nodes live in it.
  std::unique_ptr<Source> filled_text;
};

}  // namespace wflint
