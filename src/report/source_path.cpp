#include "report/source_path.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "support/paths.h"

namespace wflint {

namespace fs = std::filesystem;

std::string path_under_root(std::string_view path, const SourceRoot& root) {
  // Symbolic links resolved, as GitHub code scanning asks of SARIF paths.
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::path(absolute_path(path)), ec);
  if (ec) absolute = absolute_path(path);
  const fs::path relative = absolute.lexically_relative(fs::path(root.directory));
  if (relative.empty() || *relative.begin() == "." || *relative.begin() == "..") return {};
  return relative.generic_string();
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

}  // namespace wflint
