#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "lang/lang_error.h"
#include "lang/path.h"

namespace wflint::lang {

struct ContextField {
  std::string_view name;   // dotted, without "$$.": "Execution.Id"
  bool user_data = false;  // holds user data: any field below it exists
};

// The fields Step Functions puts in the context object ($$), parents before children.
std::span<const ContextField> context_fields();

// For a context path ("$$.Execution.Name"), the first field the context object does not have,
// as an error on that field's name (with a suggestion in its help); nullopt for other roots and
// known fields. Checking stops at the first segment that is not a plain field, and below fields
// holding user data (Execution.Input, Map.Item.Value).
std::optional<LangError> unknown_context_field(const Path& path);

}  // namespace wflint::lang
