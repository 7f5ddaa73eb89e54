// Writes a synthetic state machine (or what running one needs) to stdout:
//   make_state_machine STATES json|yaml        a chain of Lambda tasks, for `wflint check`
//   make_state_machine STATES dense            Choice states with 10 rules each, for `wflint check`
//   make_state_machine STATES run-chain        a chain of Task, Pass and Choice states, for `wflint
//   run` make_state_machine STATES run-mocks NAME   the MockConfigFile answering run-chain's tasks
//   make_state_machine ITEMS run-map           a distributed Map over ITEMS items
//   make_state_machine ITEMS run-map-input     its input
//   make_state_machine ITEMS run-jsonata-map   the same Map in JSONata (same input)
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "synthetic.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s COUNT json|yaml|dense|run-chain|run-mocks NAME|run-map|run-map-input|"
                 "run-jsonata-map\n",
                 argv[0]);
    return 2;
  }
  const int count = std::atoi(argv[1]);
  const std::string_view kind = argv[2];
  std::string text;
  using namespace wflint::bench;
  if (kind == "run-chain") {
    text = synthetic_run_chain(count);
  } else if (kind == "run-mocks") {
    text = synthetic_run_mocks(count, argc > 3 ? argv[3] : "chain");
  } else if (kind == "dense") {
    text = synthetic_dense_choices(count, 10);
  } else if (kind == "run-jsonata-map") {
    text = synthetic_jsonata_map();
  } else if (kind == "run-map" || kind == "run-map-input") {
    std::string input;
    text = synthetic_map(count, input);
    if (kind == "run-map-input") text = input;
  } else {
    text = synthetic_state_machine(count, kind == "yaml" ? Format::Yaml : Format::Json);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}
