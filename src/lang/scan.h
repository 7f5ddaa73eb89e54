#pragma once

// Character classes and small helpers shared by the string-language parsers.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "lang/lang_error.h"

namespace wflint::lang {

inline uint32_t u32(std::size_t n) {
  return static_cast<uint32_t>(n);
}

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

inline bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Variable names are Unicode identifiers; any non-ASCII byte is taken as part of one.
inline bool is_identifier_start(char c) {
  return is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

inline bool is_identifier_char(char c) {
  return is_identifier_start(c) || is_digit(c);
}

// An error on [offset, offset + length) of `text`, kept inside it: one at the end of the text
// ("unexpected end of text") points at its last character.
inline LangError error_within(std::string_view text, std::size_t offset, std::size_t length,
                              std::string message, std::string help) {
  if (text.empty()) return LangError{0, 0, std::move(message), std::move(help)};
  offset = std::min(offset, text.size() - 1);
  length = std::clamp<std::size_t>(length, 1, text.size() - offset);
  return LangError{u32(offset), u32(length), std::move(message), std::move(help)};
}

// A character for a message: 'x', or a word for the invisible ones.
inline std::string describe(char c) {
  switch (c) {
    case '\0':
      return "end of text";
    case ' ':
      return "a space";
    case '\t':
      return "a tab";
    case '\n':
    case '\r':
      return "a line break";
    case '\'':
      return "\"'\"";
    default:
      break;
  }
  if (static_cast<unsigned char>(c) < 0x20) return "a control character";
  if (static_cast<unsigned char>(c) >= 0x80) return "a non-ASCII character";
  return fmt::format("'{}'", c);
}

}  // namespace wflint::lang
