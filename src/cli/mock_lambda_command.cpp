#include "cli/mock_lambda_command.h"

#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <mutex>

#include "cli/check_command.h"
#include "run/http_module.h"

namespace wflint::cli {
namespace {

void print_error(std::string_view message) {
  std::cerr << "wflint: error: " << message << '\n';
}

// SIGINT and SIGTERM, blocked in every thread so that sigwait() in the main thread receives them.
// Must run before the server starts its threads, which inherit the mask.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

// One stderr line per call: "mock-lambda: POST Hello:prod RequestResponse -> 200 Unhandled".
void log_call(const run::MockLambdaCall& call) {
  static std::mutex mutex;
  const std::string qualified =
      call.qualifier.empty() ? call.function_name : call.function_name + ":" + call.qualifier;
  std::string outcome = std::to_string(call.status);
  if (!call.error_code.empty()) outcome += " " + call.error_code;
  if (!call.function_error.empty()) outcome += " FunctionError=" + call.function_error;
  // An unknown operation has no invocation type; its "name" is the path it asked for.
  const std::string line = call.error_code == "UnknownOperationException"
                               ? fmt::format("mock-lambda: {} -> {}\n", call.function_name, outcome)
                               : fmt::format("mock-lambda: {} {} -> {}\n", qualified,
                                             run::to_string(call.invocation_type), outcome);
  std::lock_guard lock(mutex);
  std::cerr << line << std::flush;
}

}  // namespace

MockLambdaCommand::MockLambdaCommand(CLI::App& app) {
  command_ = app.add_subcommand(
      "mock-lambda",
      "Serve the Lambda Invoke API locally with functions that answer as a file says");
  command_
      ->add_option("--functions", functions_,
                   "YAML or JSON file listing the functions and what they return")
      ->required();
  command_->add_option("--host", host_, "Address to listen on")->capture_default_str();
  command_->add_option("--port", port_, "Port to listen on; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command_->add_flag("-q,--quiet", quiet_, "Do not print a line on stderr for each call");
}

int MockLambdaCommand::run() {
  std::string error;
  std::optional<run::MockLambdaFunctions> functions =
      run::read_mock_lambda_functions(functions_, error);
  if (!functions) {
    print_error(error);
    return kExitUsage;
  }
  const run::HttpModule* http = run::http_module(error);
  if (http == nullptr) {
    print_error(error);
    return kExitUsage;
  }
  sigset_t stop_signals = block_stop_signals();
  const std::unique_ptr<run::MockLambdaService> server =
      http->new_mock_lambda_service(std::move(*functions));
  if (!quiet_) server->on_call(log_call);
  if (!server->start(host_, port_, error)) {
    print_error(error);
    return kExitUsage;
  }
  std::cout << "wflint mock-lambda listening on http://" << url_host(host_) << ':' << server->port()
            << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  server->stop();
  return kExitClean;
}

}  // namespace wflint::cli
