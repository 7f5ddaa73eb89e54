#pragma once

// What the fuzz targets share: turning the fuzzer's bytes into text, and checking the invariants
// every parser promises beyond "does not crash" (spans inside the text they describe).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace wflint::fuzz {

inline std::string_view as_text(const uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run with a report, like a sanitizer would, when a promise is broken.
inline void require(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

inline void require_inside(std::size_t offset, std::size_t length, std::size_t text_size,
                           const char* what) {
  require(offset <= text_size && length <= text_size - offset, what);
}

}  // namespace wflint::fuzz
