#include "run/base64.h"

#include <nettle/base64.h>

#include <algorithm>
#include <cstdint>

namespace wflint::run {

namespace {

bool in_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(bytes.size()), '\0');
  nettle_base64_encode_raw(out.data(), bytes.size(),
                           reinterpret_cast<const uint8_t*>(bytes.data()));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text, Base64Input input) {
  std::string kept;
  if (input == Base64Input::Mime) {
    std::copy_if(text.begin(), text.end(), std::back_inserter(kept), in_alphabet);
    // Java's MIME decoder also takes text without its final padding.
    if (kept.find('=') == std::string::npos && kept.size() % 4 > 1) {
      kept.append(4 - kept.size() % 4, '=');
    }
    text = kept;
  } else if (!std::all_of(text.begin(), text.end(), in_alphabet)) {
    return std::nullopt;  // nettle would skip spaces; Strict does not
  }
  base64_decode_ctx context;
  nettle_base64_decode_init(&context);
  std::string out(BASE64_DECODE_LENGTH(text.size()), '\0');
  std::size_t length = out.size();
  if (nettle_base64_decode_update(&context, &length, reinterpret_cast<uint8_t*>(out.data()),
                                  text.size(), text.data()) != 1 ||
      nettle_base64_decode_final(&context) != 1) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace wflint::run
