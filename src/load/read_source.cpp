#include "load/read_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

namespace wflint {
namespace {

// Larger files are refused from their size alone, so memory stays bounded whatever a repository
// holds. No workflow comes near it: AWS caps a state machine definition and a CloudFormation
// template at 1 MiB, an SSM document at 64 KiB.
constexpr std::uintmax_t kMaxFileMiB = 128;
constexpr std::uintmax_t kMaxFileSize = kMaxFileMiB << 20;

std::uintmax_t mebibytes_rounded_up(std::uintmax_t bytes) {
  return (bytes + (1u << 20) - 1) >> 20;
}

}  // namespace

std::unique_ptr<Source> read_source(const std::string& path, std::string& error) {
  // Non-blocking, so that a named pipe is refused below instead of waited on; regular files
  // ignore the flag.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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
    error =
        fmt::format("{}: cannot read: the file is {} MiB, more than the {} MiB wflint reads", path,
                    mebibytes_rounded_up(static_cast<std::uintmax_t>(info.st_size)), kMaxFileMiB);
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
