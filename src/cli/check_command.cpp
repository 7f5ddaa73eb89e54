#include "cli/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/terminal.h"
#include "cli/version.h"
#include "engine/run.h"
#include "report/reporter.h"
#include "rules/catalogue.h"

namespace wflint::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSfnTypeOption = "--sfn-type";
// GitHub code scanning keeps at most this many results of a run.
constexpr std::size_t kSarifResultLimit = 25'000;

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

// The root of the git work tree holding the current directory (or the current directory when
// there is none), or `given` when set: SARIF and GitHub annotations name files relative to it.
SourceRoot source_root(const std::string& given) {
  std::error_code ec;
  fs::path root = given.empty() ? fs::current_path(ec) : fs::absolute(given, ec);
  if (given.empty()) {
    for (fs::path dir = root; !dir.empty(); dir = dir.parent_path()) {
      if (fs::exists(dir / ".git", ec)) {
        root = dir;
        break;
      }
      if (dir == dir.parent_path()) break;
    }
  }
  std::string text = fs::weakly_canonical(root, ec).generic_string();
  if (text.empty() || text.back() != '/') text += '/';
  return SourceRoot{text};
}

}  // namespace

CheckCommand::CheckCommand(CLI::App& app) {
  command_ = app.add_subcommand("check", "Check state machines and runbooks for mistakes");
  command_
      ->add_option("paths", paths_,
                   "Files or directories (walked for *.json, *.yaml, *.yml); '-' reads stdin")
      ->default_str(".");
  command_->add_option("--format", format_, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "compact"}))
      ->capture_default_str();
  command_->add_option("-o,--output", output_, "Write the report to this file instead of stdout");
  command_->add_flag("--statistics", statistics_,
                     "Print how many findings each rule made instead of the findings");
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
  command_->add_option("--source-root", source_root_,
                       "Directory SARIF and GitHub output name files relative to (default: the "
                       "root of the git repository, else the current directory)");
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
  if (statistics_ && format_ != "text" && format_ != "json") {
    std::cerr << "wflint: error: --statistics prints text or json, not " << format_ << '\n';
    return kExitUsage;
  }
  std::ofstream file;
  if (!output_.empty()) {
    file.open(output_, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "wflint: error: " << output_ << ": cannot write the report there\n";
      return kExitUsage;
    }
  }
  std::ostream& out = output_.empty() ? std::cout : file;

  RunOptions options;
  options.check.filter = std::move(*filter);
  if (!kind_.empty()) options.check.forced_kind = parse_document_kind(kind_);
  options.check.sfn_type = sfn_type_of(*command_);
  options.jobs = jobs_;
  options.stdin_filename = stdin_filename_;

  const InputList inputs = collect_inputs(paths_.empty() ? std::vector<std::string>{"."} : paths_);
  const std::optional<Severity> threshold = fail_threshold(fail_on_);
  std::unique_ptr<Reporter> reporter;
  if (statistics_) {
    reporter = make_statistics_reporter(out, format_ == "json");
  } else if (format_ == "json") {
    reporter = make_json_reporter(out);
  } else if (format_ == "sarif") {
    reporter = make_sarif_reporter(out, source_root(source_root_), rules::catalogue(), kVersion);
  } else if (format_ == "github") {
    reporter = make_github_reporter(out, source_root(source_root_));
  } else if (format_ == "junit") {
    reporter = make_junit_reporter(out, threshold);
  } else {
    const bool color = output_.empty() && use_color(color_, STDOUT_FILENO);
    const bool compact = format_ == "compact";
    reporter = make_text_reporter(out, TextOptions{color, quiet_ || compact, !compact});
  }

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
  for (const InputError& input : inputs.errors) {
    std::cerr << "wflint: error: " << input.message << '\n';
    FileReport unreadable;
    unreadable.path = input.path;
    unreadable.failure = input.message;
    reporter->add_file(unreadable);
  }
  reporter->finish(summary);
  out.flush();
  if (format_ == "sarif" && summary.total() > kSarifResultLimit) {
    std::cerr << fmt::format(
        "wflint: note: the SARIF holds the first {} of {} findings; GitHub code scanning keeps "
        "no more\n",
        kSarifResultLimit, summary.total());
  }
  if (!out) {
    std::cerr << "wflint: error: " << (output_.empty() ? "stdout" : output_)
              << ": writing the report failed\n";
    return kExitUsage;
  }
  if (had_failure) return kExitUsage;
  return failed_threshold ? kExitFindings : kExitClean;
}

}  // namespace wflint::cli
