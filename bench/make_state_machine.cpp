// Writes a synthetic state machine to stdout: make_state_machine STATES json|yaml
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "synthetic.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s STATES json|yaml\n", argv[0]);
    return 2;
  }
  const int states = std::atoi(argv[1]);
  const auto format = std::string_view(argv[2]) == "yaml" ? wflint::bench::Format::Yaml
                                                          : wflint::bench::Format::Json;
  const std::string text = wflint::bench::synthetic_state_machine(states, format);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}
