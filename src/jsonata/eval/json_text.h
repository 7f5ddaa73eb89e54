#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jsonata/eval/value.h"

namespace wflint::jsonata {

// A number as JavaScript's String(n) writes it: "1", "0.1", "-0" as "0", "1e+21", "1.5e-7".
std::string format_number(double n);

// JSON text of a value as jsonata-js's $string writes it (JSON.stringify with non-integer numbers
// rounded to 15 significant digits; functions as ""; undefined members left out). `pretty`
// indents by 2 spaces.
std::string stringify(const Value& value, bool pretty = false);

// A value read from JSON text; nullopt when the text is not JSON.
std::optional<Value> parse_json(std::string_view text);

}  // namespace wflint::jsonata
