#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wflint::jsonata {

struct SignatureProblem {
  uint32_t offset;  // in the signature text
  std::string message;
};

// Checks a lambda signature such as "<a<n>n?:n>" the way jsonata-js does when it compiles it.
std::optional<SignatureProblem> check_signature(std::string_view signature);

}  // namespace wflint::jsonata
