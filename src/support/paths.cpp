#include "support/paths.h"

#include <filesystem>
#include <system_error>

namespace wflint {

std::string absolute_path(std::string_view path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(path), ec);
  return (ec ? std::filesystem::path(path) : absolute).lexically_normal().generic_string();
}

}  // namespace wflint
