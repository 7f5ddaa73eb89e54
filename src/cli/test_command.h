#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wflint::cli {

// `wflint test [SPEC_OR_DIR...]`: runs the cases of `*.wftest.yaml` specs (run/test_spec.h) with
// the local interpreter and reports which pass, with the differences of those that do not.
class TestCommand {
 public:
  explicit TestCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::vector<std::string> paths_;
  std::string format_ = "text";
  std::string output_;
  std::string case_filter_;
};

}  // namespace wflint::cli
