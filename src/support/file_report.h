#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/diagnostic.h"
#include "support/source.h"

namespace wflint {

// The outcome of checking one file, handed to reporters in input order.
struct FileReport {
  std::string path;
  std::unique_ptr<Source> source;  // owns the bytes every diagnostic span points into
  // The definitions a template embeds: strings parsed as sub-sources, files it names.
  std::vector<std::unique_ptr<Source>> embedded_sources;
  std::vector<Diagnostic> diagnostics;
  bool checked = false;  // false when the file was skipped (not a workflow) or unreadable
  std::string failure;   // why the file could not be read; empty when it could
};

}  // namespace wflint
