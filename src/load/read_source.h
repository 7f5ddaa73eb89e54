#pragma once

#include <memory>
#include <string>

#include "support/source.h"

namespace wflint {

// Reads a whole file into a padded Source with one read call where possible. On failure returns
// nullptr and sets `error`.
std::unique_ptr<Source> read_source(const std::string& path, std::string& error);
std::unique_ptr<Source> read_stdin(const std::string& display_path, std::string& error);

}  // namespace wflint
