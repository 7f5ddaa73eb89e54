// JSON loading: simdjson On-Demand into the span-keeping tree, bare ${...} placeholders included.
#include "document_walk.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const auto source = Source::from_bytes("fuzz.json", fuzz::as_text(data, size));
  fuzz::walk_documents(load_documents(*source, Syntax::Json));
  return 0;
}
