#include "engine/inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <system_error>
#include <unordered_set>

namespace wflint {
namespace fs = std::filesystem;

namespace {

bool is_skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return name == ".git" || name == "node_modules" || name == "build" || name == ".hg" ||
         name == ".svn";
}

bool has_workflow_extension(const fs::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".tf";
}

bool is_config_file(const fs::path& file) {
  const std::string name = file.filename().string();
  return std::find(std::begin(config::kConfigFileNames), std::end(config::kConfigFileNames),
                   name) != std::end(config::kConfigFileNames);
}

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().generic_string();
}

std::string display(const fs::path& path) {
  std::string text = path.generic_string();
  if (text.rfind("./", 0) == 0 && text.size() > 2) text.erase(0, 2);
  return text;
}

// Why a symbolic link cannot be followed, or nullopt when it leads somewhere.
std::optional<std::string> broken_link(const fs::path& link) {
  std::error_code ec;
  const fs::file_status target = fs::status(link, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) return "the link loops";
  if (ec || target.type() == fs::file_type::not_found) return "the link points nowhere";
  return std::nullopt;
}

void walk_directory(const fs::path& root, const DirectoryFilter& excluded, InputList& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) {
    out.errors.push_back(
        {display(root), fmt::format("{}: cannot read directory: {}", display(root), ec.message())});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.errors.push_back({display(it->path()), fmt::format("{}: cannot read directory: {}",
                                                             display(it->path()), ec.message())});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      if (is_skipped_directory(entry.path()) || (excluded && excluded(display(entry.path()))))
        it.disable_recursion_pending();
      continue;
    }
    if (!has_workflow_extension(entry.path()) || is_config_file(entry.path())) continue;
    if (entry.is_symlink(type_ec)) {
      if (const std::optional<std::string> broken = broken_link(entry.path())) {
        out.errors.push_back({display(entry.path()),
                              fmt::format("{}: cannot read: {}", display(entry.path()), *broken)});
        continue;
      }
    }
    if (entry.is_regular_file(type_ec) || entry.is_symlink(type_ec)) {
      out.files.push_back(InputFile{display(entry.path()), Origin::Walked});
    }
  }
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths, const DirectoryFilter& excluded) {
  InputList out;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.files.push_back(InputFile{arg, Origin::Explicit});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (fs::is_directory(status)) {
      walk_directory(arg, excluded, out);
    } else if (fs::exists(status)) {
      out.files.push_back(InputFile{display(arg), Origin::Explicit});
    } else {
      out.errors.push_back({arg, fmt::format("{}: no such file or directory", arg)});
    }
  }
  std::stable_sort(out.files.begin(), out.files.end(),
                   [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  // A file both named and found by walking counts as named.
  out.files.erase(
      std::unique(out.files.begin(), out.files.end(),
                  [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
      out.files.end());
  return out;
}

CheckedAlone checked_alone_in(const InputList& inputs) {
  // Built on the first question, which only a template naming a file asks: most runs never pay
  // for a second copy of every path.
  struct Paths {
    std::once_flag built;
    std::unordered_set<std::string> absolute;
  };
  auto paths = std::make_shared<Paths>();
  return [paths, &inputs](const std::string& path) {
    std::call_once(paths->built, [&] {
      for (const InputFile& file : inputs.files) {
        if (file.path != "-") paths->absolute.insert(absolute_normal(file.path));
      }
    });
    return paths->absolute.contains(absolute_normal(path));
  };
}

}  // namespace wflint
