#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/baseline.h"
#include "engine/inputs.h"
#include "engine/settings.h"
#include "report/reporter.h"

namespace wflint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// `wflint check [PATH...]`.
class CheckCommand {
 public:
  explicit CheckCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  // What a run found, for the exit code.
  struct Outcome {
    bool failed_threshold = false;  // a finding at or above --fail-on
    bool failure = false;           // a path or configuration that could not be used
  };

  bool options_are_valid() const;
  CommandLineSettings command_line_settings() const;
  SettingsResolver::Mode config_mode() const;
  InputList collect(SettingsResolver& settings) const;
  // Gives each input the options of its configuration; drops the files it excludes, and drops
  // (and counts) those whose configuration has problems.
  std::size_t assign_settings(SettingsResolver& settings, InputList& inputs) const;
  std::unique_ptr<Reporter> make_reporter(std::ostream& out) const;
  Outcome check_and_report(const InputList& inputs, Baseline* baseline, Reporter& reporter) const;
  int write_baseline(const InputList& inputs) const;
  void show_fixed(const Baseline& baseline, std::ostream& out) const;

  CLI::App* command_;
  std::vector<std::string> paths_;
  std::string format_ = "text";
  std::string output_;
  std::string fail_on_ = "error";
  std::string kind_;
  std::string select_;
  std::string ignore_;
  std::string stdin_filename_ = "<stdin>";
  std::string color_ = "auto";
  std::string source_root_;
  std::string config_;
  std::string baseline_;
  std::string write_baseline_;
  unsigned jobs_ = 0;
  bool no_config_ = false;
  bool show_fixed_ = false;
  bool quiet_ = false;
  bool statistics_ = false;
};

}  // namespace wflint::cli
