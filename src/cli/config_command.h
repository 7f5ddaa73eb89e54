#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace wflint::cli {

// `wflint config --show FILE`: the settings wflint would check FILE with, and where they come
// from.
class ConfigCommand {
 public:
  explicit ConfigCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::string file_;
  std::string config_;
  bool no_config_ = false;
};

}  // namespace wflint::cli
