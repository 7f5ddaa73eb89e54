#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/check_command.h"
#include "cli/config_command.h"
#include "cli/explain_command.h"
#include "cli/mock_lambda_command.h"
#include "cli/rules_command.h"
#include "cli/run_command.h"
#include "cli/test_command.h"
#include "cli/version.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{
      "wflint: a static analyzer for AWS Step Functions state machines and SSM "
      "Automation runbooks"};
  app.set_version_flag("--version", std::string("wflint ") + wflint::kVersion);
  app.require_subcommand(1);
  wflint::cli::CheckCommand check(app);
  wflint::cli::RulesCommand rules(app);
  wflint::cli::ExplainCommand explain(app);
  wflint::cli::ConfigCommand config(app);
  wflint::cli::RunCommand run(app);
  wflint::cli::TestCommand test(app);
  wflint::cli::MockLambdaCommand mock_lambda(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : wflint::cli::kExitUsage;
  }
  if (check.parsed()) return check.run();
  if (rules.parsed()) return rules.run();
  if (explain.parsed()) return explain.run();
  if (config.parsed()) return config.run();
  if (run.parsed()) return run.run();
  if (test.parsed()) return test.run();
  if (mock_lambda.parsed()) return mock_lambda.run();
  return wflint::cli::kExitUsage;
}
