#pragma once

namespace wflint {
inline constexpr const char* kVersion = WFLINT_VERSION;
}  // namespace wflint
