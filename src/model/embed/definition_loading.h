#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/loader.h"
#include "model/embed/embedding.h"

namespace wflint::embed {

// Every ${...} in [begin, end) of `source`. "$${" (Terraform's escape) is not one; "${!Name}"
// (CloudFormation's literal) is recorded with its "!".
std::vector<Placeholder> find_placeholders(const Source& source, uint32_t begin, uint32_t end);

// Loads the first document of `text` (a sub-source of the template or a file of its own) into the
// embedding and points `definition` at it, or records why it could not be read.
void load_definition(Embedding& embedding, std::unique_ptr<Source> text, Syntax syntax,
                     EmbeddedDefinition& definition);

// Reads a local file the template names. Null, and an Unresolved entry at `reference`, when it is
// missing or unreadable.
std::unique_ptr<Source> read_definition_file(Embedding& embedding, const std::string& path,
                                             const Span& reference);

// A definition whose root is a mapping inside the template itself.
const Document* view_of(Embedding& embedding, const Node& root);

// `path` resolved against `directory` when relative, normalised.
std::string resolve_path(const std::string& directory, std::string_view path);

}  // namespace wflint::embed
