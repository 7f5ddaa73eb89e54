#pragma once

#include <string_view>
#include <vector>

#include "load/loaded_document.h"

namespace wflint {

enum class Syntax { Json, Yaml };

// By extension (.json, .yaml, .yml); otherwise JSON when the text starts with '{' or '['.
Syntax detect_syntax(std::string_view path, std::string_view text);

// Loads every document of a file. Problems that concern the file as a whole (encoding, byte-order
// marks) come back as a single document without a root. Never throws.
std::vector<LoadedDocument> load_documents(const Source& source, Syntax syntax);

}  // namespace wflint
