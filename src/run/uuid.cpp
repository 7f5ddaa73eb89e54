#include "run/uuid.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>

namespace wflint::run {

std::string random_uuid(std::mt19937_64& random) {
  std::array<unsigned char, 16> bytes{};
  for (std::size_t half = 0; half < 2; ++half) {
    uint64_t bits = random();
    for (std::size_t i = 0; i < 8; ++i, bits >>= 8) {
      bytes[half * 8 + i] = static_cast<unsigned char>(bits & 0xFFu);
    }
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0Fu) | 0x40u);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3Fu) | 0x80u);  // RFC 4122 variant
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += fmt::format("{:02x}", bytes[i]);
  }
  return text;
}

}  // namespace wflint::run
