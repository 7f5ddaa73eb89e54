#include "cli/config_command.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/check_command.h"
#include "cli/config_problems.h"
#include "engine/settings.h"
#include "rules/registry.h"
#include "support/paths.h"
#include "support/text.h"

namespace wflint::cli {
namespace {

std::string quoted_list(const auto& items) {
  std::vector<std::string> quoted;
  for (const auto& item : items)
    quoted.push_back(text::json_quote(item));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

std::string overrides_text(const config::ConfigFile& config,
                           const std::vector<std::size_t>& indexes) {
  std::vector<std::string> out;
  for (std::size_t index : indexes) {
    std::vector<std::string_view> patterns;
    for (const config::Glob& glob : config.overrides[index].files)
      patterns.push_back(glob.pattern());
    out.push_back(fmt::format("{} (files {})", index + 1, quoted_list(patterns)));
  }
  return out.empty() ? "none" : fmt::format("{}", fmt::join(out, ", "));
}

void print_rules(const CheckOptions& options) {
  std::vector<std::string_view> disabled;
  for (const rules::Rule* rule : rules::all_rules()) {
    if (!options.filter.enabled(rule->info.id)) disabled.push_back(rule->info.id);
  }
  std::cout << fmt::format("rules: {} of {} enabled\n", options.filter.enabled_ids().size(),
                           rules::all_rules().size());
  if (!disabled.empty()) std::cout << fmt::format("disabled: {}\n", fmt::join(disabled, ", "));
  if (options.severities.empty()) return;
  std::cout << "severity:\n";
  for (const auto& [id, severity] : options.severities)
    std::cout << fmt::format("  {}: {}\n", id, to_string(severity));
}

std::string option_value(const CheckOptions& options, const rules::Rule& rule,
                         const rules::OptionSpec& spec) {
  const bool set = options.rule_options.find(rule.info.id, spec.name) != nullptr;
  const std::string value = spec.type == rules::OptionSpec::Type::Integer
                                ? std::to_string(options.rule_options.integer(rule, spec.name))
                                : quoted_list(options.rule_options.strings(rule, spec.name));
  return set ? value : value + "  # default";
}

void print_options(const CheckOptions& options) {
  std::cout << "options:\n";
  for (const rules::Rule* rule : rules::all_rules()) {
    if (rule->options.empty()) continue;
    std::cout << fmt::format("  {}:  # {}\n", rule->info.id, rule->info.name);
    for (const rules::OptionSpec& spec : rule->options)
      std::cout << fmt::format("    {}: {}\n", spec.name, option_value(options, *rule, spec));
  }
}

void print_suppressions(const config::ConfigFile& config, const std::string& absolute) {
  const std::optional<std::string> relative = config.relative_path(absolute);
  bool first = true;
  for (const config::Suppression& suppression : config.suppressions) {
    if (!relative || !suppression.path.matches(*relative)) continue;
    if (first) std::cout << "suppressions:\n";
    first = false;
    std::cout << fmt::format(
        "  - pointer: {}\n    rules: {}\n",
        text::json_quote(suppression.pointer.empty() ? "" : suppression.pointer),
        quoted_list(suppression.rules));
    if (!suppression.reason.empty())
      std::cout << fmt::format("    reason: {}\n", text::json_quote(suppression.reason));
  }
}

}  // namespace

ConfigCommand::ConfigCommand(CLI::App& app) {
  command_ = app.add_subcommand("config", "Show the settings wflint checks a file with");
  command_->add_option("--show", file_, "The file (or directory) whose settings to show")
      ->required();
  command_->add_option("--config", config_, "Use this configuration file instead of the nearest");
  command_->add_flag("--no-config", no_config_, "Use no configuration file");
}

int ConfigCommand::run() {
  const auto mode = no_config_        ? SettingsResolver::Mode::None
                    : config_.empty() ? SettingsResolver::Mode::Discover
                                      : SettingsResolver::Mode::Given;
  SettingsResolver settings(CommandLineSettings{}, mode, config_);
  std::error_code ec;
  const bool directory = std::filesystem::is_directory(file_, ec);
  const SettingsResolver::Resolution resolution = settings.resolve(file_, directory);
  if (resolution.broken) {
    for (const config::ConfigProblem& problem : settings.problems())
      print_config_problem(problem);
    return kExitUsage;
  }
  const CheckOptions& options = settings.options_of(resolution);
  std::cout << fmt::format("# the settings wflint checks {} with\n", file_);
  std::cout << fmt::format("config: {}\n", resolution.config
                                               ? text::json_quote(resolution.config->path)
                                               : "none (the defaults)");
  if (resolution.config)
    std::cout << fmt::format("overrides: {}\n",
                             overrides_text(*resolution.config, resolution.overrides));
  std::cout << fmt::format("excluded: {}\n", resolution.excluded ? "yes" : "no");
  std::cout << fmt::format("sfn-type: {}\n", !options.sfn_type ? "unknown (checked as standard)"
                                             : *options.sfn_type == StateMachineType::Express
                                                 ? "express"
                                                 : "standard");
  print_rules(options);
  print_options(options);
  if (resolution.config) {
    print_suppressions(*resolution.config, absolute_path(file_));
  }
  return kExitClean;
}

}  // namespace wflint::cli
