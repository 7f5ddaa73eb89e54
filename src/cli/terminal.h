#pragma once

#include <string>

namespace wflint::cli {

// Whether to colour output for `mode` (auto, always or never): auto colours only a terminal,
// and never when NO_COLOR is set.
bool use_color(const std::string& mode, int fd);

}  // namespace wflint::cli
