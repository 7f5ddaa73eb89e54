#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace wflint::cli {

// `wflint explain ID`: a rule's page, rendered for a terminal, with what wflint reports on its
// bad examples.
class ExplainCommand {
 public:
  explicit ExplainCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::string rule_;
  std::string color_ = "auto";
};

}  // namespace wflint::cli
