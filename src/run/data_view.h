#pragma once

#include <random>
#include <string_view>

#include "run/json.h"
#include "run/path_lookup.h"
#include "run/variables.h"

namespace wflint {
class Node;
}

namespace wflint::run {

// What JSONPath expressions of one state read: "$" (the state's data at that step), "$$" (the
// context object) and "$name" (variables as they were when the state was entered).
struct DataView {
  const Json* data = nullptr;
  const Json* context = nullptr;
  const Variables* variables = nullptr;
  std::mt19937_64* random = nullptr;

  DataView with_data(const Json& other) const {
    DataView view = *this;
    view.data = &other;
    return view;
  }
};

// The PathLookup intrinsic functions and Choice rules resolve their paths with.
PathLookup lookup_in(const DataView& view);

// Reads a Path ("$.a", "$$.Execution.Input", "$var.x"). Fails with States.Runtime:
// "Invalid path '$.a' : No results for path: $['a']".
Outcome<Json> read_data_path(std::string_view path_text, const DataView& view);

// InputPath/OutputPath: the Path, or {} for null; absent means the whole data.
Outcome<Json> apply_filter_path(const Node* path_field, const DataView& view);

// A Payload Template (Parameters, ItemSelector, ResultSelector, Assign): keys ending in ".$" take
// the value of a path or intrinsic function call; everything else is copied.
Outcome<Json> apply_template(const Node& template_node, const DataView& view);

// ResultPath: places `result` into `raw_input` where the Reference Path says; "$" (absent)
// replaces the input, null discards the result.
Outcome<Json> apply_result_path(const Node* result_path, const Json& raw_input, Json result);

// A Reference Path field such as ItemsPath or SecondsPath: the single value it names.
Outcome<Json> read_reference_path(std::string_view path_text, const DataView& view);

}  // namespace wflint::run
