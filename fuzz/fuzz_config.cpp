// The configuration file (.wflint.yaml): YAML, its schema, rule selectors, options and globs. The
// globs a file compiles are then matched against a few paths.
#include <array>
#include <string_view>

#include "config/config_file.h"
#include "fuzz_support.h"

namespace {

constexpr std::array<std::string_view, 4> kPaths = {
    "state-machines/order.asl.json", "runbooks/deep/a/b/c.yaml", "", "a/**/b[c].json"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace wflint;
  const auto source = Source::from_bytes("/fuzz/.wflint.yaml", fuzz::as_text(data, size));
  std::vector<config::ConfigProblem> problems;
  const auto config = config::parse_config(*source, problems);
  fuzz::require(config.has_value() == problems.empty(), "a configuration or its problems");
  if (!config) return 0;
  for (const std::string_view path : kPaths) {
    (void)config->excludes(path);
    for (const config::Override& override : config->overrides)
      for (const config::Glob& glob : override.files)
        (void)glob.matches(path);
    for (const config::Suppression& suppression : config->suppressions)
      (void)suppression.path.matches(path);
  }
  return 0;
}
