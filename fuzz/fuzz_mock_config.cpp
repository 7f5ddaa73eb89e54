// The MockConfigFile of `wflint run` and `wflint test`: JSON loading, then the reader, then the
// lookup of one test case's mocks.
#include "fuzz_support.h"
#include "load/loader.h"
#include "run/mock_config.h"

namespace {

using namespace wflint;

// Asks for each test case the file names, and for the first calls of each state it mocks.
void look_up_every_test_case(const run::MockConfig& config, const Node& root) {
  const Node* machines = root.find("StateMachines");
  if (!machines) return;
  for (const Node& machine : machines->children()) {
    const Node* cases = machine.find("TestCases");
    if (!cases) continue;
    for (const Node& test_case : cases->children()) {
      const auto mocks = config.test_case(machine.key(), test_case.key());
      if (!mocks.ok()) continue;
      for (const Node& state : test_case.children()) {
        const run::MockedResponses* responses = mocks.value().responses_for(state.key());
        if (!responses) continue;
        for (uint32_t call = 0; call < 4; ++call)
          (void)responses->at(call);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const auto source = Source::from_bytes("MockConfigFile.json", fuzz::as_text(data, size));
  const std::vector<LoadedDocument> documents = load_documents(*source, Syntax::Json);
  if (documents.empty() || !documents.front().document) return 0;
  const Node* root = documents.front().document->root();
  if (!root) return 0;
  std::vector<std::string> problems;
  const auto config = run::MockConfig::read(*root, problems);
  fuzz::require(config.has_value() == problems.empty(), "a configuration or its problems");
  if (!config) return 0;
  look_up_every_test_case(*config, *root);
  return 0;
}
