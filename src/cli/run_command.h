#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "run/interpreter.h"

namespace wflint::cli {

// `wflint run DEFINITION`: executes a JSONPath-mode state machine once, locally, on a virtual
// clock, with Lambda answered by mocks or by an endpoint.
class RunCommand {
 public:
  explicit RunCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  // Fills `options` from the command line; prints what is wrong and returns false otherwise.
  bool prepare(run::RunOptions& options, std::optional<run::MockConfig>& mock_config,
               run::TestCaseMocks& mocks);

  CLI::App* command_;
  std::string definition_;
  std::string input_ = "{}";
  std::string mock_config_;
  std::string test_case_;
  std::string state_machine_name_;
  std::string lambda_endpoint_;
  std::string callback_;
  std::string format_ = "text";
  std::string start_time_;
  uint64_t seed_ = 0;
  bool trace_ = false;
  bool real_time_ = false;
  bool express_ = false;
};

}  // namespace wflint::cli
