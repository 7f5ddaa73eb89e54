#include "load/loader.h"

#include <fmt/format.h>

#include "load/json_loader.h"
#include "load/placeholders.h"
#include "load/yaml_loader.h"
#include "load/yaml_tag_lines.h"
#include "support/utf8.h"

namespace wflint {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<LoadedDocument> file_problem(const Source& source, uint32_t begin, uint32_t end,
                                         std::string message, std::string help) {
  std::vector<LoadedDocument> out(1);
  out[0].document = std::make_unique<Document>(source, 0);
  out[0].problems.push_back(LoadProblem{LoadProblem::Kind::Syntax,
                                        Span{&source, begin, end},
                                        std::move(message),
                                        {},
                                        std::move(help)});
  return out;
}

bool starts_with_utf16_bom(std::string_view text) {
  return text.size() >= 2 &&
         ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
}

}  // namespace

Syntax detect_syntax(std::string_view path, std::string_view text) {
  if (ends_with(path, ".json")) return Syntax::Json;
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) return Syntax::Yaml;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[' ? Syntax::Json : Syntax::Yaml;
  }
  return Syntax::Yaml;
}

std::vector<LoadedDocument> load_documents(const Source& source, Syntax syntax) {
  const std::string_view text = source.text();
  if (starts_with_utf16_bom(text)) {
    return file_problem(source, 0, 2, "the file is encoded as UTF-16; wflint reads UTF-8",
                        "save the file as UTF-8 (AWS accepts only UTF-8 definitions)");
  }
  if (!is_valid_utf8(text)) {
    auto at = static_cast<uint32_t>(utf8::first_invalid_byte(text).value_or(0));
    return file_problem(source, at, at + 1,
                        fmt::format("invalid UTF-8: byte 0x{:02X} does not start or continue a "
                                    "character",
                                    static_cast<unsigned char>(text[at])),
                        "save the file as UTF-8");
  }
  const uint32_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (syntax == Syntax::Json) {
    std::vector<LoadedDocument> out;
    if (has_bare_placeholder(text)) {
      std::unique_ptr<Source> filled =
          Source::sub_source(source, quote_bare_placeholders(text), {{0, 0}});
      out.push_back(load_json(*filled, start));
      out.back().filled_text = std::move(filled);
    } else {
      out.push_back(load_json(source, start));
    }
    return out;
  }
  if (std::optional<JoinedTagLines> joined = join_tag_lines(text)) {
    std::unique_ptr<Source> filled =
        Source::sub_source(source, joined->text, std::move(joined->anchors));
    std::vector<LoadedDocument> out = load_yaml(*filled, start);
    if (!out.empty()) out.front().filled_text = std::move(filled);
    return out;
  }
  return load_yaml(source, start);
}

}  // namespace wflint
