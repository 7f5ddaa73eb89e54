#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>

#include "engine/check.h"
#include "engine/inputs.h"

namespace wflint {

struct RunOptions {
  CheckOptions check;
  unsigned jobs = 0;                       // 0: one per core
  std::string stdin_filename = "<stdin>";  // the path shown for "-"
  CheckedAlone checked_alone;              // the files of this run (see check_source)
};

// Checks every input on a pool of threads and hands each report to `consume` on the calling
// thread, in input order, as soon as it and all before it are done. At most a bounded number of
// reports wait at a time, so memory does not grow with the number of files.
void check_inputs(const std::vector<InputFile>& files, const RunOptions& options,
                  const std::function<void(FileReport&&)>& consume);

// Checks one input file (reads it first).
FileReport check_input(const InputFile& file, const RunOptions& options);

}  // namespace wflint
