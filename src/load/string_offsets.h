#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "load/node.h"
#include "support/source.h"

namespace wflint {

// Where each byte of a string's decoded value is written in its source: `raw` is the string as
// written (quotes, escapes, a YAML tag, block-scalar header and indentation included), `value` the
// decoded text. Returns value.size() + 1 offsets into `raw` (the last one: where the value ends),
// or nothing when the two cannot be lined up. Understands JSON and YAML double-quoted escapes,
// YAML single quotes, plain and multi-line flow scalars, and literal and folded block scalars.
std::vector<uint32_t> decoded_offsets(std::string_view raw, std::string_view value);

// The anchors that map a string node's decoded value, placed at offset `at` of a sub-source, back
// to the node's source. When the value cannot be lined up with its source, every byte maps to the
// value's start.
void append_string_anchors(const Node& string, uint32_t at, std::vector<OffsetAnchor>& anchors);

// A string node's decoded value as a sub-source of its document's source, so that text parsed
// out of it (a JSON definition in a DefinitionString) keeps positions in the file.
std::unique_ptr<Source> string_sub_source(const Node& string);

}  // namespace wflint
