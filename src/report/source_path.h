#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace wflint {

// The path of a checked file relative to `root`, with forward slashes ("flows/order.asl.json");
// empty when the file is outside the root. `path` is as wflint shows it (relative to the current
// directory, or absolute).
std::string path_under_root(std::string_view path, const SourceRoot& root);

// `path` as a URI reference: every byte outside RFC 3986's unreserved set and '/' percent-encoded.
std::string percent_encode_path(std::string_view path);

}  // namespace wflint
