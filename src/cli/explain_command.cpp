#include "cli/explain_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "cli/check_command.h"
#include "cli/terminal.h"
#include "engine/check.h"
#include "report/markdown_text.h"
#include "report/reporter.h"
#include "rules/catalogue.h"
#include "support/text.h"

namespace wflint::cli {
namespace {

// What `wflint check` prints for a bad example of a page, one line per finding, indented.
std::string findings_on(const PageExample& example) {
  if (example.verdict != "bad") return {};
  CheckOptions options;
  if (example.options.find("--sfn-type=express") != std::string_view::npos)
    options.sfn_type = StateMachineType::Express;
  const FileReport report =
      check_source(Source::from_bytes(fmt::format("example.{}", example.language), example.code),
                   Origin::Explicit, options);
  std::ostringstream lines;
  auto reporter = make_text_reporter(lines, TextOptions{false, true, false});
  reporter->add_file(report);
  std::string out = "  wflint reports:\n";
  std::istringstream split(lines.str());
  for (std::string line; std::getline(split, line);)
    out += "    " + line + "\n";
  return out;
}

std::string unknown_rule_message(const std::string& rule) {
  std::vector<std::string_view> candidates;
  for (const RuleDescription& known : rules::catalogue()) {
    candidates.push_back(known.id);
    candidates.push_back(known.name);
  }
  std::string message = fmt::format("'{}' is no rule id or name", rule);
  if (const std::string_view near = text::closest_match(rule, candidates); !near.empty())
    message += fmt::format("; did you mean '{}'?", near);
  return message + " (wflint rules lists them)";
}

}  // namespace

ExplainCommand::ExplainCommand(CLI::App& app) {
  command_ = app.add_subcommand("explain", "Show what a rule checks, why, and how to fix it");
  command_->add_option("rule", rule_, "A rule id (ASL001) or name (missing-start-state)")
      ->required();
  command_->add_option("--color", color_, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

int ExplainCommand::run() {
  const RuleDescription* rule = rules::describe(rule_);
  if (!rule) {
    std::cerr << "wflint: error: " << unknown_rule_message(rule_) << '\n';
    return kExitUsage;
  }
  MarkdownTextOptions options;
  options.color = use_color(color_, STDOUT_FILENO);
  options.after_example = &findings_on;
  std::cout << render_markdown(rule->page, options);
  return kExitClean;
}

}  // namespace wflint::cli
