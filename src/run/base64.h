#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wflint::run {

// Standard base64 (RFC 4648 alphabet, '=' padding), through nettle.
std::string base64_encode(std::string_view bytes);

enum class Base64Input {
  Strict,  // only the alphabet and final padding
  Mime,    // characters outside the alphabet (line breaks and such) are skipped, as Java's MIME
           // decoder does
};

// The decoded bytes; nullopt when `text` is not base64.
std::optional<std::string> base64_decode(std::string_view text, Base64Input input);

}  // namespace wflint::run
