#include "lang/ssm_reference.h"

#include <optional>

#include "lang/scan.h"

namespace wflint::lang {

namespace {

bool is_name_char(char c) {
  return is_ascii_letter(c) || is_digit(c) || c == '_';
}

// What may follow "prefix:": SSM parameter names hold slashes, dots and dashes too.
bool is_prefixed_name_char(char c) {
  return is_name_char(c) || c == '.' || c == '-' || c == '/' || c == ':';
}

std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
    ++at;
  return at;
}

std::size_t skip_while(std::string_view text, std::size_t at, bool (*accept)(char)) {
  while (at < text.size() && accept(text[at]))
    ++at;
  return at;
}

// Reads the name inside "{{ }}" starting at `at` (after the opening braces and blanks), up to the
// blanks before "}}". Returns the reference without offset and length, or nothing when the
// braces do not hold a reference name.
std::optional<SsmReference> read_name(std::string_view text, std::size_t at, std::size_t& end) {
  const std::size_t word_end = skip_while(text, at, is_name_char);
  if (word_end == at) return std::nullopt;
  SsmReference ref;
  if (word_end < text.size() && text[word_end] == ':') {
    ref.kind = SsmReference::Kind::Prefixed;
    ref.prefix = text.substr(at, word_end - at);
    const std::size_t name_begin = word_end + 1;
    end = skip_while(text, name_begin, is_prefixed_name_char);
    ref.name = text.substr(name_begin, end - name_begin);
    ref.name_offset = u32(name_begin);
    return ref;
  }
  ref.name = text.substr(at, word_end - at);
  ref.name_offset = u32(at);
  end = word_end;
  if (word_end < text.size() && text[word_end] == '.') {
    ref.kind = SsmReference::Kind::StepOutput;
    const std::size_t output_begin = word_end + 1;
    end = skip_while(text, output_begin, [](char c) { return is_name_char(c) || c == '.'; });
    ref.output = text.substr(output_begin, end - output_begin);
    ref.output_offset = u32(output_begin);
  }
  return ref;
}

bool closes_at(std::string_view text, std::size_t at) {
  return text.substr(at, 2) == "}}";
}

// The reference whose "{{" is at `open`, with `next` set past it; nothing when there is none. A
// reference inside a reference is read one level deep only: "{{ {{ {{" is no reference, and
// reading it stays linear however many braces follow.
std::optional<SsmReference> read_reference(std::string_view text, std::size_t open,
                                           std::size_t& next, bool outermost = true) {
  const std::size_t inner = skip_blanks(text, open + 2);
  if (text.substr(inner, 2) == "{{") {
    if (!outermost) return std::nullopt;
    std::size_t inner_next = 0;
    std::optional<SsmReference> nested = read_reference(text, inner, inner_next, false);
    const std::size_t close = skip_blanks(text, inner_next);
    if (!nested || !closes_at(text, close)) return std::nullopt;
    nested->kind = SsmReference::Kind::Nested;
    nested->name = text.substr(inner, inner_next - inner);
    nested->name_offset = u32(inner);
    nested->offset = u32(open);
    nested->length = u32(close + 2 - open);
    next = close + 2;
    return nested;
  }
  std::size_t name_end = 0;
  std::optional<SsmReference> ref = read_name(text, inner, name_end);
  const std::size_t close = skip_blanks(text, name_end);
  if (!ref || !closes_at(text, close)) return std::nullopt;
  ref->offset = u32(open);
  ref->length = u32(close + 2 - open);
  next = close + 2;
  return ref;
}

}  // namespace

std::vector<SsmReference> find_ssm_references(std::string_view text) {
  std::vector<SsmReference> found;
  std::size_t at = text.find("{{");
  while (at != std::string_view::npos) {
    std::size_t next = 0;
    if (std::optional<SsmReference> ref = read_reference(text, at, next)) {
      found.push_back(*ref);
      at = text.find("{{", next);
    } else {
      at = text.find("{{", at + 1);
    }
  }
  return found;
}

bool split_step_output(std::string_view text, std::string_view& step, std::string_view& output) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return false;
  step = text.substr(0, dot);
  output = text.substr(dot + 1);
  return true;
}

}  // namespace wflint::lang
