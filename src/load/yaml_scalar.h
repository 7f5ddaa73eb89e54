#pragma once

#include <cstdint>
#include <string_view>

#include "load/node.h"

namespace wflint {

// yaml-cpp reports where a scalar starts, not where it ends; these recover the rest from the text.
struct ScalarExtent {
  uint32_t end = 0;
  bool plain = false;         // written without quotes or block indicators
  bool unterminated = false;  // a quoted scalar without its closing quote
};

ScalarExtent yaml_scalar_extent(std::string_view text, uint32_t begin, std::string_view value,
                                bool in_flow);

struct ScalarValue {
  NodeKind kind = NodeKind::String;
  bool bool_value = false;
};

// YAML 1.2 core schema: plain untagged scalars may be null, booleans or numbers; all else is a
// string.
ScalarValue resolve_yaml_scalar(std::string_view value, bool plain_untagged, bool null_event);

// The null literal ("~", "null", "Null", "NULL") starting at `offset`, or empty.
std::string_view null_literal_at(std::string_view text, uint32_t offset);

// The end of a flow collection ("]" or "}" included) whose last value ends at `from`.
uint32_t flow_container_end(std::string_view text, uint32_t from);

}  // namespace wflint
