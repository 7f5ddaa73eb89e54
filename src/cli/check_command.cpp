#include "cli/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/config_problems.h"
#include "cli/terminal.h"
#include "cli/version.h"
#include "engine/run.h"
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

void print_error(std::string_view message) {
  std::cerr << "wflint: error: " << message << '\n';
}

// Reports and baselines may go to a directory that does not exist yet (ci/, reports/).
void create_parent_directories(const std::string& file) {
  std::error_code ec;
  const fs::path parent = fs::path(file).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
}

// Where the report goes: stdout, or the file of --output.
class Output {
 public:
  bool open(const std::string& path) {
    if (path.empty()) return true;
    create_parent_directories(path);
    file_.open(path, std::ios::binary | std::ios::trunc);
    if (!file_) print_error(fmt::format("{}: cannot write the report there", path));
    return static_cast<bool>(file_);
  }
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }

 private:
  std::ofstream file_;
};

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
      ->check(CLI::IsMember({"asl", "ssm", "cloudformation", "serverless", "azure-pipelines"}));
  command_->add_option(
      "--select", select_,
      "Only these rules: ids, names or id prefixes, comma-separated (e.g. ASL,WF001)");
  command_->add_option("--ignore", ignore_, "Skip these rules: ids, names or id prefixes");
  command_
      ->add_option(kSfnTypeOption,
                   "Type of the state machines: express ones cannot wait for callbacks "
                   "(default: unknown, checked as standard)")
      ->check(CLI::IsMember({"standard", "express"}));
  command_->add_option("--config", config_,
                       "Use this configuration file for every file instead of the nearest "
                       ".wflint.yaml");
  CLI::Option* no_config =
      command_->add_flag("--no-config", no_config_, "Use no configuration file");
  no_config->excludes(command_->get_option("--config"));
  CLI::Option* baseline = command_->add_option(
      "--baseline", baseline_, "Report only findings this baseline file does not record");
  command_
      ->add_option("--write-baseline", write_baseline_,
                   "Record the current findings in this baseline file and report nothing")
      ->excludes(baseline);
  command_
      ->add_flag("--show-fixed", show_fixed_,
                 "Also list the baseline's findings that are gone from the checked files")
      ->needs(baseline);
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
  if (!options_are_valid()) return kExitUsage;
  std::optional<Baseline> baseline;
  if (!baseline_.empty()) {
    std::string error;
    baseline = Baseline::read(baseline_, error);
    if (!baseline) {
      print_error(error);
      return kExitUsage;
    }
  }
  SettingsResolver settings(command_line_settings(), config_mode(), config_);
  InputList inputs = collect(settings);
  const std::size_t unconfigured = assign_settings(settings, inputs);
  for (const config::ConfigProblem& problem : settings.problems())
    print_config_problem(problem);
  if (!write_baseline_.empty()) return write_baseline(inputs);

  Output output;
  if (!output.open(output_)) return kExitUsage;
  std::unique_ptr<Reporter> reporter = make_reporter(output.stream());
  const Outcome outcome = check_and_report(inputs, baseline ? &*baseline : nullptr, *reporter);
  if (show_fixed_) show_fixed(*baseline, output.stream());
  output.stream().flush();
  if (!output.stream()) {
    print_error(fmt::format("{}: writing the report failed", output_.empty() ? "stdout" : output_));
    return kExitUsage;
  }
  if (unconfigured > 0) {
    print_error(fmt::format("{} {} not checked: the configuration that governs {} has errors",
                            unconfigured, unconfigured == 1 ? "file was" : "files were",
                            unconfigured == 1 ? "it" : "them"));
  }
  if (outcome.failure || !settings.problems().empty()) return kExitUsage;
  return outcome.failed_threshold ? kExitFindings : kExitClean;
}

bool CheckCommand::options_are_valid() const {
  std::string error;
  if (!RuleFilter::parse(select_, ignore_, error)) {
    print_error(error);
    return false;
  }
  if (statistics_ && format_ != "text" && format_ != "json") {
    print_error(fmt::format("--statistics prints text or json, not {}", format_));
    return false;
  }
  return true;
}

CommandLineSettings CheckCommand::command_line_settings() const {
  CommandLineSettings out;
  if (!select_.empty()) out.select = split_selectors(select_);
  out.ignore = split_selectors(ignore_);
  out.sfn_type = sfn_type_of(*command_);
  if (!kind_.empty()) out.forced_kind = parse_document_kind(kind_);
  return out;
}

SettingsResolver::Mode CheckCommand::config_mode() const {
  if (no_config_) return SettingsResolver::Mode::None;
  return config_.empty() ? SettingsResolver::Mode::Discover : SettingsResolver::Mode::Given;
}

InputList CheckCommand::collect(SettingsResolver& settings) const {
  return collect_inputs(
      paths_.empty() ? std::vector<std::string>{"."} : paths_,
      [&](const std::string& directory) { return settings.resolve(directory, true).excluded; });
}

std::size_t CheckCommand::assign_settings(SettingsResolver& settings, InputList& inputs) const {
  std::size_t unconfigured = 0;
  std::erase_if(inputs.files, [&](InputFile& file) {
    const bool standard_input = file.path == "-";
    const SettingsResolver::Resolution resolution =
        settings.resolve(standard_input ? stdin_filename_ : file.path);
    if (resolution.broken) ++unconfigured;
    if (resolution.broken || (resolution.excluded && !standard_input)) return true;
    file.options = &settings.options_of(resolution);
    return false;
  });
  return unconfigured;
}

std::unique_ptr<Reporter> CheckCommand::make_reporter(std::ostream& out) const {
  if (statistics_) return make_statistics_reporter(out, format_ == "json");
  if (format_ == "json") return make_json_reporter(out);
  if (format_ == "sarif")
    return make_sarif_reporter(out, source_root(source_root_), rules::catalogue(), kVersion);
  if (format_ == "github") return make_github_reporter(out, source_root(source_root_));
  if (format_ == "junit") return make_junit_reporter(out, fail_threshold(fail_on_));
  const bool color = output_.empty() && use_color(color_, STDOUT_FILENO);
  const bool compact = format_ == "compact";
  return make_text_reporter(out, TextOptions{color, quiet_ || compact, !compact});
}

CheckCommand::Outcome CheckCommand::check_and_report(const InputList& inputs, Baseline* baseline,
                                                     Reporter& reporter) const {
  const std::optional<Severity> threshold = fail_threshold(fail_on_);
  RunOptions options;
  options.jobs = jobs_;
  options.stdin_filename = stdin_filename_;
  options.checked_alone = checked_alone_in(inputs);
  Outcome outcome;
  outcome.failure = !inputs.errors.empty();
  Summary summary;
  std::size_t in_baseline = 0;
  check_inputs(inputs.files, options, [&](FileReport&& report) {
    if (!report.failure.empty()) {
      print_error(report.failure);
      outcome.failure = true;
    }
    if (baseline) in_baseline += baseline->drop_known(report);
    for (const Diagnostic& d : report.diagnostics) {
      if (threshold && d.severity >= *threshold) outcome.failed_threshold = true;
    }
    summary.add(report);
    reporter.add_file(report);
  });
  for (const InputError& input : inputs.errors) {
    print_error(input.message);
    FileReport unreadable;
    unreadable.path = input.path;
    unreadable.failure = input.message;
    reporter.add_file(unreadable);
  }
  reporter.finish(summary);
  if (format_ == "sarif" && summary.total() > kSarifResultLimit) {
    std::cerr << fmt::format(
        "wflint: note: the SARIF holds the first {} of {} findings; GitHub code scanning keeps "
        "no more\n",
        kSarifResultLimit, summary.total());
  }
  if (in_baseline > 0 && !quiet_) {
    std::cerr << fmt::format("wflint: note: {} {} recorded in {} left out\n", in_baseline,
                             in_baseline == 1 ? "finding" : "findings", baseline_);
  }
  return outcome;
}

int CheckCommand::write_baseline(const InputList& inputs) const {
  create_parent_directories(write_baseline_);
  BaselineWriter writer(write_baseline_, fmt::format("wflint {}", kVersion));
  RunOptions options;
  options.jobs = jobs_;
  options.stdin_filename = stdin_filename_;
  options.checked_alone = checked_alone_in(inputs);
  bool failure = !inputs.errors.empty();
  check_inputs(inputs.files, options, [&](FileReport&& report) {
    if (!report.failure.empty()) {
      print_error(report.failure);
      failure = true;
    }
    writer.add(report);
  });
  for (const InputError& input : inputs.errors)
    print_error(input.message);
  std::string error;
  if (!writer.write(error)) {
    print_error(error);
    return kExitUsage;
  }
  std::cerr << fmt::format("wflint: recorded {} {} in {}\n", writer.size(),
                           writer.size() == 1 ? "finding" : "findings", write_baseline_);
  return failure ? kExitUsage : kExitClean;
}

// Baseline entries whose findings are gone: in the text report for people, on stderr otherwise so
// machine formats stay parseable.
void CheckCommand::show_fixed(const Baseline& baseline, std::ostream& out) const {
  const std::vector<Baseline::Fixed> fixed = baseline.fixed();
  const bool text = format_ == "text" && !statistics_;
  std::ostream& stream = text ? out : std::cerr;
  if (fixed.empty()) {
    stream << fmt::format("No finding of {} is fixed.\n", baseline_);
    return;
  }
  stream << fmt::format("Fixed since {} ({}):\n", baseline_, fixed.size());
  for (const Baseline::Fixed& gone : fixed) {
    stream << fmt::format("  {}: {}: {} (was line {})\n", gone.path, gone.entry->rule,
                          gone.entry->message, gone.entry->line);
  }
}

}  // namespace wflint::cli
