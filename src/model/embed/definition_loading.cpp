#include "model/embed/definition_loading.h"

#include <fmt/format.h>

#include <filesystem>

#include "load/read_source.h"

namespace wflint::embed {

std::string_view to_string(Form form) {
  switch (form) {
    case Form::Object:
      return "object";
    case Form::String:
      return "string";
    case Form::File:
      return "file";
    case Form::TemplateFile:
      return "templatefile";
    case Form::Heredoc:
      return "heredoc";
    case Form::JsonEncode:
      return "jsonencode";
  }
  return "object";
}

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<Placeholder> find_placeholders(const Source& source, uint32_t begin, uint32_t end) {
  std::vector<Placeholder> out;
  const std::string_view text = source.text().substr(0, end);
  std::size_t at = text.find("${", begin);
  while (at != std::string_view::npos) {
    const bool escaped = at > begin && text[at - 1] == '$';
    const std::size_t close = text.find('}', at + 2);
    const std::size_t line_end = text.find('\n', at);
    if (close == std::string_view::npos || close > line_end) break;
    if (!escaped) {
      out.push_back({std::string(trimmed(text.substr(at + 2, close - at - 2))),
                     Span{&source, static_cast<uint32_t>(at), static_cast<uint32_t>(close + 1)}});
    }
    at = text.find("${", close + 1);
  }
  return out;
}

void load_definition(Embedding& embedding, std::unique_ptr<Source> text, Syntax syntax,
                     EmbeddedDefinition& definition) {
  std::vector<LoadedDocument> documents = load_documents(*text, syntax);
  embedding.sources.push_back(std::move(text));
  if (documents.empty()) return;
  LoadedDocument& first = documents.front();
  if (first.filled_text) embedding.sources.push_back(std::move(first.filled_text));
  definition.problems = std::move(first.problems);
  if (first.document) {
    definition.document = first.document.get();
    embedding.documents.push_back(std::move(first.document));
  }
}

std::unique_ptr<Source> read_definition_file(Embedding& embedding, const std::string& path,
                                             const Span& reference) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    embedding.unresolved.push_back(
        {Unresolved::Reason::MissingFile, reference,
         fmt::format("the definition file \"{}\" does not exist", path),
         "fix the path; relative paths are resolved against the template's directory"});
    return nullptr;
  }
  std::string error;
  std::unique_ptr<Source> source = read_source(path, error);
  if (!source) {
    embedding.unresolved.push_back({Unresolved::Reason::MissingFile, reference, error, ""});
  }
  return source;
}

const Document* view_of(Embedding& embedding, const Node& root) {
  auto document = std::make_unique<Document>(root.source());
  document->set_root(&root);
  embedding.documents.push_back(std::move(document));
  return embedding.documents.back().get();
}

std::string resolve_path(const std::string& directory, std::string_view path) {
  std::filesystem::path resolved(path);
  if (resolved.is_relative()) resolved = std::filesystem::path(directory) / resolved;
  return resolved.lexically_normal().generic_string();
}

}  // namespace wflint::embed
