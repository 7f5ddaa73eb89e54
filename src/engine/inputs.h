#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"

namespace wflint {

struct InputFile {
  std::string path;  // as the user will see it; "-" is standard input
  Origin origin;
};

// A path that does not exist or cannot be walked.
struct InputError {
  std::string path;
  std::string message;  // the path and what is wrong with it
};

struct InputList {
  std::vector<InputFile> files;  // sorted by path, each once
  std::vector<InputError> errors;
};

// Expands the paths given on the command line: files as they are, directories walked recursively
// for *.json, *.yaml and *.yml (skipping .git, node_modules and build directories).
InputList collect_inputs(const std::vector<std::string>& paths);

// Reads a whole file into a padded Source with one read call where possible. On failure returns
// nullptr and sets `error`.
std::unique_ptr<Source> read_source(const std::string& path, std::string& error);
std::unique_ptr<Source> read_stdin(const std::string& display_path, std::string& error);

}  // namespace wflint
