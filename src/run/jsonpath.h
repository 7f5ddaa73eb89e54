#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lang/path.h"
#include "run/json.h"

namespace wflint::run {

// Evaluates JSONPath the way Step Functions does (it uses Jayway JsonPath): a path that names a
// single node yields that node; one with wildcards, slices, unions, filters or recursive descent
// yields the array of everything it matches.

// The nodes `path` selects in `root`, in document order. `text` is the path as written: bracket
// segments (indexes, slices, unions, filters) are read from it.
std::vector<const Json*> select_nodes(const lang::Path& path, std::string_view text,
                                      const Json& root);

// Whether `path` can match more than one node.
bool is_indefinite(const lang::Path& path);

// What a Path (InputPath, OutputPath, a ".$" value) reads: the single node, or for an indefinite
// path the array of matches. Fails with Jayway's message when a single-node path finds nothing:
// "No results for path: $['a']" or "Missing property in path $['a']".
Outcome<Json> read_path(const lang::Path& path, std::string_view text, const Json& root);

// Jayway's spelling of a path prefix: $['a'][0]['b'] for the first `count` segments.
std::string normalized_path(const lang::Path& path, std::string_view text, std::size_t count);

// Writes `value` where a Reference Path names inside `target`, creating objects on the way (the
// ResultPath rule). Fails with States.ResultPathMatchFailure when a step of the path meets a
// value that is not an object (or an array for an index).
Outcome<bool> write_reference_path(Json& target, const lang::Path& path, std::string_view text,
                                   Json value);

}  // namespace wflint::run
