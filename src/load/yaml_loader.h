#pragma once

#include <cstdint>
#include <vector>

#include "load/loaded_document.h"

namespace wflint {

// Loads every document of a YAML stream in `source` starting at byte `start`. A syntax error ends
// the stream: the documents before it are kept, and a document without a root carries the error.
std::vector<LoadedDocument> load_yaml(const Source& source, uint32_t start);

}  // namespace wflint
