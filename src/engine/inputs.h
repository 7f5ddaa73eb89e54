#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"

namespace wflint {

struct InputFile {
  std::string path;  // as the user will see it; "-" is standard input
  Origin origin;
  const CheckOptions* options = nullptr;  // how to check it; nullptr: the run's defaults
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

// Whether a directory met while walking (as shown) is left out, with everything below it.
using DirectoryFilter = std::function<bool(const std::string& directory)>;

// Expands the paths given on the command line: files as they are, directories walked recursively
// for *.json, *.yaml, *.yml and *.tf (skipping .git, node_modules and build directories, and those
// `excluded` leaves out). Files are judged later, with the rest of their settings.
InputList collect_inputs(const std::vector<std::string>& paths,
                         const DirectoryFilter& excluded = {});

// Whether a file is one of `inputs`, whatever way its path is written. `inputs` must outlive it.
CheckedAlone checked_alone_in(const InputList& inputs);

}  // namespace wflint
