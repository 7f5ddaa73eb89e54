#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/glob.h"
#include "model/document_kind.h"
#include "rules/rule_options.h"
#include "support/diagnostic.h"
#include "support/source.h"

namespace wflint::config {

// The names wflint looks for in each directory, nearest first; .yaml wins over .yml.
inline constexpr std::string_view kConfigFileNames[] = {".wflint.yaml", ".wflint.yml"};

// A mistake in a configuration file, where it is.
struct ConfigProblem {
  std::string location;  // "path:line:col"
  std::string message;
  std::string help;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct SeveritySetting {
  std::string selector;  // a rule id, name or id prefix
  Severity severity;
};

struct OptionSetting {
  std::string_view rule_id;  // static strings of the registry
  std::string_view option;
  rules::OptionValue value;
};

// What one level of the file sets: its top level, or one of its overrides.
struct Layer {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> ignore;
  std::vector<SeveritySetting> severities;
  std::vector<OptionSetting> options;
  std::optional<StateMachineType> sfn_type;
};

struct Override {
  std::vector<Glob> files;
  Layer layer;
};

// Findings of `rules` at `pointer` (or inside the node there) in the files `path` matches are not
// reported.
struct Suppression {
  Glob path;
  std::string pointer;  // "" is the whole document
  std::vector<std::string> rules;
  std::string reason;
};

// A configuration file, read and checked: every selector matches a rule, every option exists and
// has a value of its type, every pattern compiles.
struct ConfigFile {
  std::string path;       // absolute
  std::string directory;  // absolute, without a trailing '/': patterns are relative to it
  Layer base;
  std::vector<Glob> exclude;
  std::vector<Override> overrides;
  std::vector<Suppression> suppressions;

  // `file` (absolute) relative to `directory`, '/'-separated; nullopt when it is outside.
  std::optional<std::string> relative_path(std::string_view file) const;
  bool excludes(std::string_view relative) const;
};

// Reads the configuration file at `path` (absolute). On problems returns nullopt and adds them
// to `problems`: a file that is not entirely right is not used at all.
std::optional<ConfigFile> load_config(const std::string& path,
                                      std::vector<ConfigProblem>& problems);
// The same for configuration text already read; `path` names it in problems.
std::optional<ConfigFile> parse_config(const Source& source, std::vector<ConfigProblem>& problems);

}  // namespace wflint::config
