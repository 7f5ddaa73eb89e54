#include <string>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {
namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Node's Buffer.from(str, "binary"): each UTF-16 code unit keeps its low byte.
std::string binary_bytes(std::string_view text) {
  std::string bytes;
  for (const char32_t cp : to_code_points(text)) {
    if (cp >= 0x10000) {
      const char32_t offset = cp - 0x10000;
      bytes.push_back(static_cast<char>((0xD800 + (offset >> 10)) & 0xFF));
      bytes.push_back(static_cast<char>((0xDC00 + (offset & 0x3FF)) & 0xFF));
    } else {
      bytes.push_back(static_cast<char>(cp & 0xFF));
    }
  }
  return bytes;
}

int base64_value(char c) {
  if (c == '-') return 62;  // Node also accepts the URL-safe alphabet
  if (c == '_') return 63;
  const size_t found = kBase64Alphabet.find(c);
  return found == std::string_view::npos ? -1 : static_cast<int>(found);
}

[[noreturn]] void malformed_url(const BuiltinCall& call, std::string_view function,
                                const std::string& text) {
  throw_error("D3140", call.position,
              "Malformed URL passed to $" + std::string(function) +
                  "(): " + json_for_message(Value::string(text)));
}

std::string percent_encode(const BuiltinCall& call, std::string_view function,
                           const std::string& text, std::string_view also_unescaped) {
  static constexpr std::string_view kUnreserved = "-_.!~*'()";
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9');
    if (alnum || (byte < 0x80 && (kUnreserved.find(text[i]) != std::string_view::npos ||
                                  also_unescaped.find(text[i]) != std::string_view::npos))) {
      out.push_back(text[i]);
      continue;
    }
    // A UTF-16 surrogate (ED A0..BF ..) has no UTF-8 form: JavaScript's encodeURI rejects it.
    const bool surrogate =
        byte == 0xED && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0;
    if (surrogate) malformed_url(call, function, text);
    static constexpr char kHex[] = "0123456789ABCDEF";
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<int> escaped_byte(const std::string& text, size_t i) {
  if (i + 2 >= text.size() || text[i] != '%') return std::nullopt;
  const int high = hex_value(text[i + 1]);
  const int low = hex_value(text[i + 2]);
  if (high < 0 || low < 0) return std::nullopt;
  return high * 16 + low;
}

// decodeURI/decodeURIComponent: %XX sequences must form valid UTF-8; decodeURI leaves the
// escapes of reserved characters as they are.
std::string percent_decode(const BuiltinCall& call, std::string_view function,
                           const std::string& text, std::string_view kept_reserved) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '%') {
      out.push_back(text[i++]);
      continue;
    }
    const std::optional<int> first = escaped_byte(text, i);
    if (!first) malformed_url(call, function, text);
    if (*first < 0x80) {
      const char c = static_cast<char>(*first);
      if (kept_reserved.find(c) != std::string_view::npos) {
        out += text.substr(i, 3);
      } else {
        out.push_back(c);
      }
      i += 3;
      continue;
    }
    const size_t length = *first >= 0xF0 && *first < 0xF8   ? 4
                          : *first >= 0xE0 && *first < 0xF0 ? 3
                          : *first >= 0xC2 && *first < 0xE0 ? 2
                                                            : 0;
    if (length == 0) malformed_url(call, function, text);
    std::string bytes(1, static_cast<char>(*first));
    for (size_t k = 1; k < length; ++k) {
      const size_t at = i + 3 * k;
      const std::optional<int> next = escaped_byte(text, at);
      if (!next || (*next & 0xC0) != 0x80) malformed_url(call, function, text);
      bytes.push_back(static_cast<char>(*next));
    }
    const std::u32string decoded = to_code_points(bytes);
    if (decoded.size() != 1 || (decoded[0] >= 0xD800 && decoded[0] < 0xE000) ||
        decoded[0] > 0x10FFFF || to_utf8(decoded) != bytes) {
      malformed_url(call, function, text);
    }
    out += bytes;
    i += 3 * length;
  }
  return out;
}

}  // namespace

Value fn_base64encode(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  const std::string bytes = binary_bytes(argument(call, 0).as_string());
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t chunk = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      chunk |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kBase64Alphabet[(chunk >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(chunk >> 12) & 0x3F]);
    out.push_back(i + 1 < bytes.size() ? kBase64Alphabet[(chunk >> 6) & 0x3F] : '=');
    out.push_back(i + 2 < bytes.size() ? kBase64Alphabet[chunk & 0x3F] : '=');
  }
  return Value::string(out);
}

// Node's Buffer.from(str, "base64").toString("binary"): invalid characters are skipped, decoding
// stops at "=", and every byte becomes the code point of the same value.
Value fn_base64decode(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  std::u32string decoded;
  uint32_t buffer = 0;
  int bits = 0;
  for (const char c : argument(call, 0).as_string()) {
    if (c == '=') break;
    const int value = base64_value(c);
    if (value < 0) continue;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      decoded.push_back(static_cast<char32_t>((buffer >> bits) & 0xFF));
    }
  }
  return Value::string(to_utf8(decoded));
}

Value fn_encode_url_component(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::string(
      percent_encode(call, "encodeUrlComponent", argument(call, 0).as_string(), ""));
}

Value fn_encode_url(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::string(
      percent_encode(call, "encodeUrl", argument(call, 0).as_string(), ";,/?:@&=+$#"));
}

Value fn_decode_url_component(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::string(
      percent_decode(call, "decodeUrlComponent", argument(call, 0).as_string(), ""));
}

Value fn_decode_url(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  return Value::string(
      percent_decode(call, "decodeUrl", argument(call, 0).as_string(), ";/?:@&=+$,#"));
}

}  // namespace wflint::jsonata
