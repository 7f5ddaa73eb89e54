#pragma once

#include <span>
#include <string>
#include <vector>

#include "load/node.h"
#include "schema/json_schema.h"

namespace wflint::schema {

// What a value breaks, from valijson's leaf error.
enum class ValueProblem { Type, Enum, Range, TooShort };

// Findings in the schema's own terms: `schemas` are the schema objects that apply to the node
// (SchemaLocator::applicable), whose titles, fields, types and bounds the wording quotes.
// Every member of `object` its schemas do not allow.
std::vector<Violation> word_unknown_fields(const Node& object,
                                           const std::vector<const Node*>& object_schemas);
Violation word_missing_field(const Node& object, const std::vector<const Node*>& object_schemas,
                             std::span<const std::string> alternatives);
Violation word_invalid_value(const Node& value, const std::vector<const Node*>& value_schemas,
                             ValueProblem problem);

}  // namespace wflint::schema
