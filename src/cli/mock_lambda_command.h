#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace wflint::cli {

// `wflint mock-lambda --functions FILE [--host H] [--port N]`: serves the Lambda Invoke API on a
// local port from the functions FILE until SIGINT or SIGTERM, for Step Functions Local, the AWS
// CLI and SDKs (endpoint URL http://H:N), and `wflint run`.
class MockLambdaCommand {
 public:
  explicit MockLambdaCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::string functions_;
  std::string host_ = "127.0.0.1";
  int port_ = 3001;
  bool quiet_ = false;
};

}  // namespace wflint::cli
