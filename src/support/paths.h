#pragma once

#include <string>
#include <string_view>

namespace wflint {

// `path` made absolute against the current directory and normalized lexically ("a/../b" is "b"),
// with '/' separators; symbolic links are not followed. Configuration patterns, baselines and
// reports all compare paths in this form.
std::string absolute_path(std::string_view path);

}  // namespace wflint
