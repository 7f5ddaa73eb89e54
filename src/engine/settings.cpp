#include "engine/settings.h"

#include <filesystem>
#include <system_error>

#include "rules/registry.h"
#include "support/paths.h"

namespace wflint {

namespace fs = std::filesystem;

namespace {

void apply_severities(const std::vector<config::SeveritySetting>& settings, CheckOptions& out) {
  for (const config::SeveritySetting& setting : settings) {
    for (const rules::Rule* rule : rules::all_rules()) {
      if (!selector_matches(setting.selector, rule->info)) continue;
      auto same = [&](const auto& entry) { return entry.first == rule->info.id; };
      auto it = std::find_if(out.severities.begin(), out.severities.end(), same);
      if (it != out.severities.end()) {
        it->second = setting.severity;
      } else {
        out.severities.emplace_back(rule->info.id, setting.severity);
      }
    }
  }
}

void apply_layer(const config::Layer& layer, CheckOptions& out) {
  out.filter.apply(layer.select, layer.ignore);
  apply_severities(layer.severities, out);
  for (const config::OptionSetting& option : layer.options)
    out.rule_options.set(option.rule_id, option.option, option.value);
  if (layer.sfn_type) out.sfn_type = layer.sfn_type;
}

// `path` relative to the current directory when it is below it, as wflint shows paths.
std::string shown(const std::string& path) {
  std::error_code ec;
  const fs::path relative = fs::path(path).lexically_relative(fs::current_path(ec));
  if (ec || relative.empty() || *relative.begin() == "..") return path;
  return relative.generic_string();
}

}  // namespace

SettingsResolver::SettingsResolver(CommandLineSettings command_line, Mode mode,
                                   const std::string& config_path)
    : command_line_(std::move(command_line)), mode_(mode) {
  if (mode_ == Mode::Given) given_ = load(absolute_path(config_path));
}

SettingsResolver::Governing SettingsResolver::load(const std::string& file) {
  std::optional<config::ConfigFile> config = config::load_config(shown(file), problems_);
  if (!config) return Governing{nullptr, true};
  files_.push_back(std::make_unique<config::ConfigFile>(std::move(*config)));
  return Governing{files_.back().get(), false};
}

SettingsResolver::Governing SettingsResolver::governing(const std::string& directory) {
  std::vector<std::string> visited;
  Governing found;
  std::error_code ec;
  for (fs::path dir(directory);; dir = dir.parent_path()) {
    const std::string key = dir.generic_string();
    if (const auto it = by_directory_.find(key); it != by_directory_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    const auto file =
        std::find_if(std::begin(config::kConfigFileNames), std::end(config::kConfigFileNames),
                     [&](std::string_view name) { return fs::is_regular_file(dir / name, ec); });
    if (file != std::end(config::kConfigFileNames)) {
      found = load((dir / *file).generic_string());
      break;
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
  }
  for (const std::string& dir : visited)
    by_directory_.emplace(dir, found);
  return found;
}

SettingsResolver::Resolution SettingsResolver::resolve(const std::string& path, bool directory) {
  Resolution out;
  if (mode_ == Mode::None) return out;
  const std::string absolute = absolute_path(path);
  const Governing governing_file =
      mode_ == Mode::Given
          ? given_
          : governing(directory ? absolute : fs::path(absolute).parent_path().generic_string());
  out.config = governing_file.config;
  out.broken = governing_file.broken;
  if (!out.config) return out;
  const std::optional<std::string> relative = out.config->relative_path(absolute);
  if (!relative) return out;
  // A directory is excluded when everything below it is.
  out.excluded = out.config->excludes(directory ? *relative + "/" : *relative);
  for (std::size_t i = 0; i < out.config->overrides.size(); ++i) {
    const auto& files = out.config->overrides[i].files;
    if (std::any_of(files.begin(), files.end(),
                    [&](const config::Glob& glob) { return glob.matches(*relative); })) {
      out.overrides.push_back(i);
    }
  }
  return out;
}

const CheckOptions& SettingsResolver::options_of(const Resolution& resolution) {
  auto [it, inserted] =
      options_.try_emplace({resolution.config, resolution.overrides}, CheckOptions{});
  CheckOptions& options = it->second;
  if (!inserted) return options;
  options.forced_kind = command_line_.forced_kind;
  if (resolution.config) {
    apply_layer(resolution.config->base, options);
    for (std::size_t index : resolution.overrides)
      apply_layer(resolution.config->overrides[index].layer, options);
    options.config = resolution.config;
  }
  options.filter.apply(command_line_.select, command_line_.ignore);
  if (command_line_.sfn_type) options.sfn_type = command_line_.sfn_type;
  return options;
}

}  // namespace wflint
