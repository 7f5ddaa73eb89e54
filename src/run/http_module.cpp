#include "run/http_module.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

namespace wflint::run {

namespace {

constexpr const char* kModuleFile = "libwflint_http.so";
constexpr const char* kEntryPoint = "wflint_http_module";

std::vector<std::filesystem::path> module_candidates() {
  if (const char* configured = std::getenv("WFLINT_HTTP_MODULE")) return {configured};
  std::error_code ignored;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ignored);
  const std::filesystem::path directory = executable.parent_path();
  return {directory / kModuleFile, directory / ".." / "lib" / "wflint" / kModuleFile};
}

const HttpModule* load(std::string& error) {
  std::string tried;
  for (const std::filesystem::path& candidate : module_candidates()) {
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      tried += fmt::format("\n  {}", dlerror());
      continue;
    }
    using Entry = const HttpModule* (*)();
    const auto entry = reinterpret_cast<Entry>(dlsym(handle, kEntryPoint));
    const HttpModule* module = entry == nullptr ? nullptr : entry();
    if (module == nullptr || module->abi_version != kHttpModuleAbiVersion) {
      error = fmt::format("{} is not the HTTP module of this wflint build", candidate.string());
      return nullptr;
    }
    return module;
  }
  error = fmt::format("cannot load wflint's HTTP module ({}):{}", kModuleFile, tried);
  return nullptr;
}

}  // namespace

const HttpModule* http_module(std::string& error) {
  static std::once_flag once;
  static const HttpModule* module = nullptr;
  static std::string load_error;
  std::call_once(once, [] { module = load(load_error); });
  if (module == nullptr) error = load_error;
  return module;
}

}  // namespace wflint::run
