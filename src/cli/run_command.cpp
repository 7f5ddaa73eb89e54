#include "cli/run_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/check_command.h"
#include "run/http_module.h"
#include "run/loaded_file.h"
#include "run/run_arguments.h"
#include "run/run_report.h"
#include "run/timestamp.h"

namespace wflint::cli {

RunCommand::RunCommand(CLI::App& app) {
  command_ = app.add_subcommand(
      "run", "Execute a state machine locally, with mocked or local Lambda functions");
  command_->add_option("definition", definition_, "The state machine (JSON or YAML)")->required();
  command_->add_option("--input", input_, "Execution input: JSON text, or @FILE (JSON or YAML)");
  command_->add_option("--mock-config", mock_config_,
                       "A Step Functions Local MockConfigFile (JSON or YAML)");
  command_->add_option("--test-case", test_case_, "The mock file's test case to use");
  command_->add_option("--state-machine-name", state_machine_name_,
                       "The state machine's name (default: the definition file's name)");
  command_->add_option("--lambda-endpoint", lambda_endpoint_,
                       "Send unmocked Lambda invocations to this Lambda API endpoint "
                       "(e.g. http://127.0.0.1:3001)");
  command_
      ->add_option("--callback", callback_,
                   "How .waitForTaskToken tasks hear back: success:JSON, "
                   "failure[:ERROR[:CAUSE]], none")
      ->capture_default_str();
  command_->add_option("--format", format_, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command_->add_flag("--trace", trace_, "Print the execution history events");
  command_->add_option("--seed", seed_, "Seed for retry jitter, random values and task tokens")
      ->capture_default_str();
  command_->add_option("--start-time", start_time_,
                       "The virtual clock's start, e.g. 2024-01-01T00:00:00Z (default: now)");
  command_->add_flag("--real-time", real_time_, "Really wait in Wait states and retry intervals");
  command_->add_flag("--express", express_, "Run as an EXPRESS state machine (5-minute limit)");
}

bool RunCommand::prepare(run::RunOptions& options, std::optional<run::MockConfig>& mock_config,
                         run::TestCaseMocks& mocks) {
  auto input = run::read_input_argument(input_);
  if (!input.ok()) {
    std::cerr << "wflint: " << input.error().cause << '\n';
    return false;
  }
  options.input = std::move(input.value());
  options.state_machine_name =
      state_machine_name_.empty() ? run::state_machine_name_of(definition_) : state_machine_name_;
  if (!callback_.empty()) {
    auto callback = run::parse_callback(callback_);
    if (!callback.ok()) {
      std::cerr << "wflint: " << callback.error().cause << '\n';
      return false;
    }
    options.callback = std::move(callback.value());
  }
  if (!start_time_.empty()) {
    const auto start = run::parse_timestamp(start_time_);
    if (!start) {
      std::cerr << fmt::format(
          "wflint: --start-time '{}' is not a timestamp such as "
          "2024-01-01T00:00:00Z\n",
          start_time_);
      return false;
    }
    options.start_time_nanos = start->nanos;
  }
  if (mock_config_.empty() != test_case_.empty()) {
    std::cerr << "wflint: --mock-config and --test-case go together\n";
    return false;
  }
  if (!mock_config_.empty()) {
    std::string error;
    const auto file = run::load_file(mock_config_, error);
    if (!file) {
      std::cerr << "wflint: " << error << '\n';
      return false;
    }
    std::vector<std::string> problems;
    mock_config = run::MockConfig::read(*file->root(), problems);
    for (const std::string& problem : problems)
      std::cerr << problem << '\n';
    if (!mock_config) return false;
    auto selected = mock_config->test_case(options.state_machine_name, test_case_);
    if (!selected.ok()) {
      std::cerr << fmt::format("wflint: {}: {}\n", mock_config_, selected.error().cause);
      return false;
    }
    mocks = std::move(selected.value());
    options.mocks = &mocks;
  }
  options.seed = seed_;
  options.real_time = real_time_;
  options.express = express_;
  options.record_events = trace_;
  return true;
}

int RunCommand::run() {
  std::string error;
  const auto definition = run::load_file(definition_, error);
  if (!definition) {
    std::cerr << "wflint: " << error << '\n';
    return kExitUsage;
  }
  run::RunOptions options;
  std::optional<run::MockConfig> mock_config;
  run::TestCaseMocks mocks;
  if (!prepare(options, mock_config, mocks)) return kExitUsage;
  std::unique_ptr<run::LambdaInvoker> lambda;
  if (!lambda_endpoint_.empty()) {
    const run::HttpModule* http = run::http_module(error);
    if (http == nullptr || !http->is_valid_endpoint(lambda_endpoint_, error)) {
      std::cerr << "wflint: --lambda-endpoint: " << error << '\n';
      return kExitUsage;
    }
    lambda = http->new_lambda_invoker(lambda_endpoint_);
    options.lambda = lambda.get();
  }
  const run::RunResult result = run::run_state_machine(*definition->root(), options);
  if (format_ == "json") {
    std::cout << run::run_result_json(result, trace_)
                     .dump(2, ' ', false, run::Json::error_handler_t::replace)
              << '\n';
  } else {
    run::write_run_text(result, trace_, std::cout);
  }
  return result.status == run::RunStatus::Succeeded ? kExitClean : kExitFindings;
}

}  // namespace wflint::cli
