#include "run/loaded_file.h"

#include <fmt/format.h>

#include "load/loader.h"
#include "load/read_source.h"

namespace wflint::run {

namespace {

std::unique_ptr<LoadedFile> load_source(std::unique_ptr<Source> source, std::string& error) {
  auto file = std::make_unique<LoadedFile>();
  file->source = std::move(source);
  file->documents =
      load_documents(*file->source, detect_syntax(file->source->path(), file->source->text()));
  for (const LoadedDocument& document : file->documents) {
    if (!document.problems.empty()) {
      error = message_at(document.problems.front().span, document.problems.front().message);
      return nullptr;
    }
  }
  if (file->root() == nullptr) {
    error = fmt::format("{}: the file holds no JSON or YAML document", file->source->path());
    return nullptr;
  }
  return file;
}

}  // namespace

std::unique_ptr<LoadedFile> load_file(const std::string& path, std::string& error) {
  std::unique_ptr<Source> source =
      path == "-" ? read_stdin("<stdin>", error) : read_source(path, error);
  if (!source) return nullptr;  // read_source's error names the path
  return load_source(std::move(source), error);
}

std::unique_ptr<LoadedFile> load_text(std::string path, std::string_view text, std::string& error) {
  return load_source(Source::from_bytes(std::move(path), text), error);
}

std::string message_at(const Span& span, std::string_view message) {
  if (!span.valid()) return std::string(message);
  const Location location = locate(span);
  return fmt::format("{}:{}:{}: {}", location.file->path(), location.begin.line,
                     location.begin.column, message);
}

}  // namespace wflint::run
