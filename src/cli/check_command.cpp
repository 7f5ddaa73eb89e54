#include "cli/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "engine/run.h"
#include "report/reporter.h"

namespace wflint::cli {
namespace {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

constexpr const char* kSfnTypeOption = "--sfn-type";

// The state machine type given with --sfn-type; nullopt when not given.
std::optional<StateMachineType> sfn_type_of(const CLI::App& command) {
  const CLI::Option* option = command.get_option(kSfnTypeOption);
  if (option->count() == 0) return std::nullopt;
  return option->as<std::string>() == "express" ? StateMachineType::Express
                                                : StateMachineType::Standard;
}

// The lowest severity that fails the run; nullopt for "never".
std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return parse_severity(fail_on);
}

}  // namespace

CheckCommand::CheckCommand(CLI::App& app) {
  command_ = app.add_subcommand("check", "Check state machines and runbooks for mistakes");
  command_
      ->add_option("paths", paths_,
                   "Files or directories (walked for *.json, *.yaml, *.yml); '-' reads stdin")
      ->default_str(".");
  command_->add_option("--format", format_, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command_->add_option("--fail-on", fail_on_, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  command_->add_option("--kind", kind_, "Check every document as this kind instead of detecting it")
      ->check(CLI::IsMember({"asl", "ssm"}));
  command_->add_option(
      "--select", select_,
      "Only these rules: ids, names or id prefixes, comma-separated (e.g. ASL,WF001)");
  command_->add_option("--ignore", ignore_, "Skip these rules: ids, names or id prefixes");
  command_
      ->add_option(kSfnTypeOption,
                   "Type of the state machines: express ones cannot wait for callbacks "
                   "(default: unknown, checked as standard)")
      ->check(CLI::IsMember({"standard", "express"}));
  command_->add_option("--stdin-filename", stdin_filename_, "Path to show for input read from '-'");
  command_->add_option("--color", color_, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command_->add_option("-j,--jobs", jobs_, "Files checked in parallel (default: one per core)");
  command_->add_flag("-q,--quiet", quiet_, "Print findings only, without the summary line");
}

int CheckCommand::run() {
  std::string error;
  auto filter = RuleFilter::parse(select_, ignore_, error);
  if (!filter) {
    std::cerr << "wflint: error: " << error << '\n';
    return kExitUsage;
  }
  RunOptions options;
  options.check.filter = std::move(*filter);
  if (!kind_.empty()) options.check.forced_kind = parse_document_kind(kind_);
  options.check.sfn_type = sfn_type_of(*command_);
  options.jobs = jobs_;
  options.stdin_filename = stdin_filename_;

  const InputList inputs = collect_inputs(paths_.empty() ? std::vector<std::string>{"."} : paths_);
  std::unique_ptr<Reporter> reporter =
      format_ == "json" ? make_json_reporter(std::cout)
                        : make_text_reporter(std::cout, TextOptions{use_color(color_), quiet_});

  const std::optional<Severity> threshold = fail_threshold(fail_on_);
  bool failed_threshold = false;
  bool had_failure = !inputs.errors.empty();
  Summary summary;
  check_inputs(inputs.files, options, [&](FileReport&& report) {
    if (!report.failure.empty()) {
      std::cerr << "wflint: error: " << report.failure << '\n';
      had_failure = true;
    }
    for (const Diagnostic& d : report.diagnostics) {
      if (threshold && d.severity >= *threshold) failed_threshold = true;
    }
    summary.add(report);
    reporter->add_file(report);
  });
  reporter->finish(summary);
  std::cout.flush();
  for (const std::string& message : inputs.errors)
    std::cerr << "wflint: error: " << message << '\n';
  if (had_failure) return kExitUsage;
  return failed_threshold ? kExitFindings : kExitClean;
}

}  // namespace wflint::cli
