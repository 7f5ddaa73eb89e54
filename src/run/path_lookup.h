#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "lang/path.h"
#include "run/json.h"

namespace wflint::run {

// Resolves a path read by an intrinsic argument or a Choice rule against the state's data: "$"
// paths over the input, "$$" over the context object, "$name" over variables. Returns the value
// it selects, or nullopt when it selects nothing. `text` is what the path's offsets count in: the
// path as written, or the whole intrinsic call that holds it.
using PathLookup =
    std::function<std::optional<Json>(const lang::Path& path, std::string_view text)>;

}  // namespace wflint::run
