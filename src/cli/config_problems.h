#pragma once

#include "config/config_file.h"

namespace wflint::cli {

// "wflint: error: .wflint.yaml:3:5: message" and its help on stderr.
void print_config_problem(const config::ConfigProblem& problem);

}  // namespace wflint::cli
