// Intrinsic function calls (States.Format(...)): the parser and checks the rules use, and the
// evaluation `wflint run` performs against a small input.
#include "fuzz_support.h"
#include "lang/intrinsic.h"
#include "run/intrinsic_eval.h"
#include "run/jsonpath.h"

namespace {

using namespace wflint;

void require_spans_inside(const lang::Intrinsic& intrinsic, std::size_t text_size) {
  for (const lang::IntrinsicCall& call : intrinsic.calls) {
    fuzz::require_inside(call.offset, call.length, text_size, "a call lies in the text");
    fuzz::require_inside(call.offset, call.name_length, text_size, "a name lies in the text");
    for (const lang::IntrinsicArg& arg : call.args) {
      fuzz::require_inside(arg.offset, arg.length, text_size, "an argument lies in the text");
      if (arg.kind == lang::ArgKind::Call)
        fuzz::require(arg.call < intrinsic.calls.size(), "a nested call exists");
    }
  }
}

const run::Json& sample_input() {
  static const run::Json input =
      run::parse_json(R"({"a": "text", "n": 3, "list": [1, 2, 3], "o": {"k": "v"}})").value();
  return input;
}

std::optional<run::Json> look_up(const lang::Path& path, std::string_view text) {
  auto read = run::read_path(path, text, sample_input());
  if (!read.ok()) return std::nullopt;
  return std::move(read.value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  (void)lang::looks_like_intrinsic(text);
  const lang::IntrinsicResult result = lang::parse_intrinsic(text);
  if (result.error) {
    fuzz::require_inside(result.error->offset, result.error->length, text.size(),
                         "an intrinsic error lies in the text");
    return 0;
  }
  require_spans_inside(result.intrinsic, text.size());
  for (const lang::LangError& error : lang::check_intrinsic(result.intrinsic))
    fuzz::require_inside(error.offset, error.length, text.size(), "a check lies in the text");
  run::IntrinsicEnvironment environment{nullptr, &sample_input()};
  (void)run::evaluate_intrinsic(result.intrinsic, text, look_up, environment);
  return 0;
}
