#include "engine/inputs.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>

namespace wflint {
namespace fs = std::filesystem;

namespace {

// Larger files are refused rather than loaded: spans use 32-bit offsets, and no workflow
// definition comes near this size (AWS caps a state machine definition at 1 MiB).
constexpr std::uintmax_t kMaxFileSize = 1ull << 30;

bool is_skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return name == ".git" || name == "node_modules" || name == "build" || name == ".hg" ||
         name == ".svn";
}

bool has_workflow_extension(const fs::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml";
}

std::string display(const fs::path& path) {
  std::string text = path.generic_string();
  if (text.rfind("./", 0) == 0 && text.size() > 2) text.erase(0, 2);
  return text;
}

void walk_directory(const fs::path& root, InputList& out) {
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
      if (is_skipped_directory(entry.path())) it.disable_recursion_pending();
      continue;
    }
    if (!has_workflow_extension(entry.path())) continue;
    if (entry.is_symlink(type_ec) && !entry.exists(type_ec)) {
      out.errors.push_back(
          {display(entry.path()),
           fmt::format("{}: cannot read: the link points nowhere", display(entry.path()))});
      continue;
    }
    if (entry.is_regular_file(type_ec) || entry.is_symlink(type_ec)) {
      out.files.push_back(InputFile{display(entry.path()), Origin::Walked});
    }
  }
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths) {
  InputList out;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      out.files.push_back(InputFile{arg, Origin::Explicit});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (fs::is_directory(status)) {
      walk_directory(arg, out);
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

std::unique_ptr<Source> read_source(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("{}: cannot read: {}", path, std::strerror(errno));
    return nullptr;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    error = fmt::format("{}: cannot read: not a regular file", path);
    ::close(fd);
    return nullptr;
  }
  if (static_cast<std::uintmax_t>(info.st_size) > kMaxFileSize) {
    error = fmt::format("{}: cannot read: the file is larger than 1 GiB", path);
    ::close(fd);
    return nullptr;
  }
  auto source = Source::with_size(path, static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (done < source->size()) {
    const ssize_t n = ::read(fd, source->writable_data() + done, source->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = fmt::format("{}: cannot read: {}", path, std::strerror(errno));
      ::close(fd);
      return nullptr;
    }
    if (n == 0) break;  // the file shrank while being read
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  source->shrink_to(done);
  return source;
}

std::unique_ptr<Source> read_stdin(const std::string& display_path, std::string& error) {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) {
    error = "-: cannot read standard input";
    return nullptr;
  }
  return Source::from_bytes(display_path, bytes);
}

}  // namespace wflint
