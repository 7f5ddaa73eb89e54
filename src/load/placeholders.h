#pragma once

#include <string>
#include <string_view>

namespace wflint {

// Whether JSON text holds a ${...} where a value goes (`"TimeoutSeconds": ${Timeout}`): a
// definition written to be filled in (SAM DefinitionSubstitutions, Terraform templatefile()).
bool has_bare_placeholder(std::string_view json);

// The same text with each such placeholder turned into a JSON string of the same length
// ("${Timeout}" becomes "\"${Timeou\""), so it parses, the rules take the value as filled in
// later, and every offset still maps to the file.
std::string quote_bare_placeholders(std::string_view json);

}  // namespace wflint
