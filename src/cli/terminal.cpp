#include "cli/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace wflint::cli {

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) == 1;
}

}  // namespace wflint::cli
