// JSONata expressions ({% ... %}): the parser, its structure checks and the compiler that turns a
// tree into what `wflint run` evaluates. Evaluation is not fuzzed: an expression may ask for
// unbounded work ($range, recursion) that is the user's to give.
#include "fuzz_support.h"
#include "jsonata/eval/evaluator.h"
#include "jsonata/parser.h"
#include "jsonata/structure_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const std::string_view text = fuzz::as_text(data, size);
  jsonata::ParseResult result = jsonata::parse(text);
  fuzz::require(result.ast.has_value() != result.error.has_value(), "a tree or an error");
  if (result.error) {
    fuzz::require_inside(result.error->offset, result.error->length, text.size(),
                         "a syntax error lies in the expression");
    return 0;
  }
  try {
    jsonata::check_structure(*result.ast);
  } catch (const jsonata::SyntaxFailure&) {
    return 0;
  }
  (void)jsonata::compile(std::make_shared<const jsonata::Ast>(std::move(*result.ast)));
  return 0;
}
