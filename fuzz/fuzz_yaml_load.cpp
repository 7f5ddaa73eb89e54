// YAML loading: yaml-cpp into the span-keeping tree, multi-document streams, tags, anchors and
// aliases, block scalars, and tags written on the line after their key.
#include "document_walk.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const auto source = Source::from_bytes("fuzz.yaml", fuzz::as_text(data, size));
  fuzz::walk_documents(load_documents(*source, Syntax::Yaml));
  return 0;
}
