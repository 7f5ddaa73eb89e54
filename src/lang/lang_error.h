#pragma once

#include <cstdint>
#include <string>

namespace wflint::lang {

// A problem found by one of the string-language parsers, at an offset of the decoded string.
struct LangError {
  uint32_t offset = 0;
  uint32_t length = 1;
  std::string message;
  std::string help;
};

}  // namespace wflint::lang
