#pragma once

#include <cstdint>
#include <string_view>

#include "load/loaded_document.h"

namespace wflint {

// Loads the JSON text of `source` starting at byte `start` (after a byte-order mark). A syntax
// error yields one document without a root and the problem at its exact offset.
LoadedDocument load_json(const Source& source, uint32_t start);

// Fast UTF-8 validation (SIMD).
bool is_valid_utf8(std::string_view text);

}  // namespace wflint
