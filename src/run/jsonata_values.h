#pragma once

#include <optional>

#include "jsonata/eval/value.h"
#include "run/json.h"

namespace wflint::run {

// The interpreter's JSON as a JSONata value (numbers become doubles, as in JavaScript).
jsonata::Value to_jsonata(const Json& json);

// A JSONata result as JSON: integral numbers become integers, undefined members are left out
// and undefined array items become null (as JSON.stringify does). nullopt when the value is or
// holds a function, which Step Functions cannot pass on.
std::optional<Json> from_jsonata(const jsonata::Value& value);

// The type name Step Functions uses in its messages: "array", "object", "string", ...
std::string_view jsonata_type_name(const Json& value);

}  // namespace wflint::run
