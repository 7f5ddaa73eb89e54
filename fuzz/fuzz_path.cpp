// JSONPath and Reference Paths: the parser the rules use, and the evaluator `wflint run` uses on
// a small document.
#include "fuzz_support.h"
#include "lang/context_object.h"
#include "lang/path.h"
#include "run/jsonpath.h"

namespace {

using namespace wflint;

void require_spans_inside(const lang::PathResult& result, std::size_t text_size) {
  if (result.error) {
    fuzz::require_inside(result.error->offset, result.error->length, text_size,
                         "a path error lies in the path");
    return;
  }
  for (const lang::PathSegment& segment : result.path.segments) {
    fuzz::require_inside(segment.offset, segment.length, text_size, "a segment lies in the path");
    fuzz::require_inside(segment.name_offset, segment.name_length, text_size,
                         "a field name lies in the path");
  }
}

const run::Json& sample_input() {
  static const run::Json input =
      run::parse_json(
          R"({"a": {"b": [1, 2, {"c": "d"}], "e": null}, "list": [{"x": 1}, {"x": 2}], "n": 3.5})")
          .value();
  return input;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const lang::PathResult path = lang::parse_path(text);
  require_spans_inside(path, text.size());
  require_spans_inside(lang::parse_reference_path(text), text.size());
  if (!path.ok()) return 0;
  (void)lang::single_node_error(path.path);
  (void)lang::unknown_context_field(path.path);
  (void)run::read_path(path.path, text, sample_input());
  run::Json target = sample_input();
  (void)run::write_reference_path(target, path.path, text, run::Json(true));
  return 0;
}
