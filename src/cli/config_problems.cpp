#include "cli/config_problems.h"

#include <iostream>

namespace wflint::cli {

void print_config_problem(const config::ConfigProblem& problem) {
  std::cerr << "wflint: error: " << problem.location << ": " << problem.message << '\n';
  if (!problem.help.empty()) std::cerr << "  = help: " << problem.help << '\n';
}

}  // namespace wflint::cli
