// `wflint check` on one file of any kind, end to end: loading, classification, the model, every
// rule, and the text, JSON and SARIF reports. The file's name follows its content, so seeds from
// corpus/ and tests/ can be used as they are: JSON when it starts with '{' or '[', Terraform when
// it declares a block Terraform has, YAML otherwise.
#include <algorithm>
#include <sstream>
#include <vector>

#include "engine/check.h"
#include "fuzz_support.h"
#include "report/reporter.h"
#include "rules/catalogue.h"

namespace {

using namespace wflint;

std::string file_name_for(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
    return "fuzz.json";
  for (const std::string_view block : {"resource \"", "module \"", "locals {", "data \""})
    if (text.find(block) != std::string_view::npos) return "fuzz.tf";
  return "fuzz.yaml";
}

void require_located(const FileReport& report) {
  for (const Diagnostic& diagnostic : report.diagnostics) {
    fuzz::require(diagnostic.span.valid(), "a finding has a span");
    const Location location = locate(diagnostic.span);
    fuzz::require(location.begin_offset <= location.end_offset, "a finding's span is ordered");
    fuzz::require(!diagnostic.message.empty(), "a finding says what is wrong");
  }
}

// The rules of the report's findings: SARIF describes every rule it is given, and rendering all
// the pages would cost each input fifty times what checking it does.
std::vector<RuleDescription> rules_found(const FileReport& report) {
  std::vector<RuleDescription> found;
  for (const RuleDescription& rule : rules::catalogue()) {
    const bool fired = std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                                   [&](const Diagnostic& d) { return d.rule_id == rule.id; });
    if (fired) found.push_back(rule);
  }
  return found;
}

void report_in_every_format(const FileReport& report) {
  std::ostringstream out;
  const std::vector<RuleDescription> rules = rules_found(report);
  const std::unique_ptr<Reporter> reporters[] = {
      make_text_reporter(out, TextOptions{false, false, true}), make_json_reporter(out),
      make_sarif_reporter(out, SourceRoot{"/fuzz/"}, rules, "0.0.0")};
  Summary summary;
  summary.add(report);
  for (const auto& reporter : reporters) {
    reporter->add_file(report);
    reporter->finish(summary);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const FileReport report =
      check_source(Source::from_bytes(file_name_for(text), text), Origin::Explicit, CheckOptions{});
  require_located(report);
  report_in_every_format(report);
  return 0;
}
