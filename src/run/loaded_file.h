#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/loaded_document.h"
#include "support/source.h"

namespace wflint::run {

// A JSON or YAML file the run commands read (a definition, a mock file, a test spec), kept
// loaded so that what is wrong in it can be reported at its line and column.
struct LoadedFile {
  std::unique_ptr<Source> source;
  std::vector<LoadedDocument> documents;

  const Node* root() const {
    return documents.empty() || !documents.front().document ? nullptr
                                                            : documents.front().document->root();
  }
};

// Reads and loads `path` ("-" for standard input). Returns nullptr with `error` set
// ("path:line:col: message") when the file cannot be read or holds no valid document.
std::unique_ptr<LoadedFile> load_file(const std::string& path, std::string& error);

// Loads `text` as if it were the file `path`.
std::unique_ptr<LoadedFile> load_text(std::string path, std::string_view text, std::string& error);

// "path:line:col: message" for a problem at `span`.
std::string message_at(const Span& span, std::string_view message);

}  // namespace wflint::run
