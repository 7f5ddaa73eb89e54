#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/lang_error.h"

namespace wflint::lang {

// What a path starts from: "$" the state's input, "$$" the context object, "$name" a variable.
enum class PathRoot : uint8_t { Input, Context, Variable };

enum class SegmentKind : uint8_t {
  Field,     // .name or ['name']
  Index,     // [0]
  Wildcard,  // .* or [*]
  Slice,     // [1:3]
  Union,     // [0,1] or ['a','b']
  Filter,    // [?(...)]; its expression is skipped, not parsed
};

struct PathSegment {
  SegmentKind kind = SegmentKind::Field;
  bool recursive = false;  // preceded by ".." (recursive descent)
  bool quoted = false;     // Field: written in brackets, ['name']
  uint32_t offset = 0;     // the segment as written, from its '.', '..' or '['
  uint32_t length = 0;
  std::string name;          // Field: the field name, escapes decoded
  uint32_t name_offset = 0;  // Field: where the name is written (inside quotes, after the dot)
  uint32_t name_length = 0;
};

struct Path {
  PathRoot root = PathRoot::Input;
  std::string variable;      // Variable: its name
  uint32_t root_length = 1;  // "$", "$$" or "$name"
  std::vector<PathSegment> segments;
};

// A parsed path, or why the text is not one. Offsets count bytes of the parsed text.
struct PathResult {
  Path path;
  std::optional<LangError> error;

  bool ok() const { return !error; }
};

// A JSONPath "Path" as Step Functions reads it (Jayway syntax): dot and bracket fields, indexes,
// wildcards, slices, unions, filters, recursive descent. Trailing whitespace is ignored, as
// Jayway trims it. Parsing is iterative: no input can exhaust the stack.
PathResult parse_path(std::string_view text);

// A "Reference Path": a Path that identifies a single node (no wildcard, slice, union, filter
// or recursive descent), without the operators @ , : ? in its dotted field names.
PathResult parse_reference_path(std::string_view text);

// Why `path` may match several nodes, at the first segment that lets it; nullopt when it
// identifies a single node.
std::optional<LangError> single_node_error(const Path& path);

// Adds `delta` to every offset of `path` (for a path found inside a longer string).
void shift_offsets(Path& path, uint32_t delta);

}  // namespace wflint::lang
