#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace wflint::cli {

// `wflint rules`: the rule catalogue as a table or JSON.
class RulesCommand {
 public:
  explicit RulesCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::string format_ = "text";
  std::string select_;
};

}  // namespace wflint::cli
