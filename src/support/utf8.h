#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wflint::utf8 {

std::size_t count_code_points(std::string_view text);
// Code points at or above U+10000 count two units.
std::size_t count_utf16_units(std::string_view text);
// Length of the valid UTF-8 sequence that starts at `at`, or 0 when the byte there does not
// start one.
std::size_t sequence_length(std::string_view text, std::size_t at);
// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
std::optional<std::size_t> first_invalid_byte(std::string_view text);

// Appends the UTF-8 encoding of one code point.
void append_code_point(std::string& out, char32_t code_point);

inline bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace wflint::utf8
