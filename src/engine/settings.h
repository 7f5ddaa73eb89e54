#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config_file.h"
#include "engine/check.h"

namespace wflint {

// What the command line sets for every file; it overrides the configuration files.
struct CommandLineSettings {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::optional<StateMachineType> sfn_type;
  std::optional<DocumentKind> forced_kind;
};

// Finds the configuration file that governs each checked path and combines it with the command
// line into the CheckOptions of the file.
//
// Without --config, a file is governed by the nearest .wflint.yaml (or .wflint.yml) in its
// directory or above it, up to the root of its git repository; files are not merged. Settings then
// apply in layers: the file's top level, each of its overrides whose patterns match the path (in
// order), the command line. Not thread-safe: paths are resolved while collecting inputs.
class SettingsResolver {
 public:
  enum class Mode { Discover, Given, None };
  SettingsResolver(CommandLineSettings command_line, Mode mode,
                   const std::string& config_path = {});
  SettingsResolver(const SettingsResolver&) = delete;
  SettingsResolver& operator=(const SettingsResolver&) = delete;

  struct Resolution {
    const config::ConfigFile* config = nullptr;  // nullptr when none governs the path
    bool broken = false;                         // the governing file has problems
    std::vector<std::size_t> overrides;          // indexes of the overrides that apply
    bool excluded = false;
  };
  // `path` as shown to the user: relative to the current directory, or absolute.
  Resolution resolve(const std::string& path, bool directory = false);
  // The options of a resolved path that is not broken: computed once per configuration and set of
  // overrides.
  const CheckOptions& options_of(const Resolution& resolution);

  // Problems of every configuration file read so far, each once.
  const std::vector<config::ConfigProblem>& problems() const { return problems_; }

 private:
  struct Governing {
    const config::ConfigFile* config = nullptr;
    bool broken = false;
  };
  Governing governing(const std::string& directory);
  Governing load(const std::string& file);

  CommandLineSettings command_line_;
  Mode mode_;
  Governing given_;
  std::vector<std::unique_ptr<config::ConfigFile>> files_;
  std::unordered_map<std::string, Governing> by_directory_;
  std::map<std::pair<const config::ConfigFile*, std::vector<std::size_t>>, CheckOptions> options_;
  std::vector<config::ConfigProblem> problems_;
};

}  // namespace wflint
