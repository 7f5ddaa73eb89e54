// SARIF 2.1.0 as GitHub code scanning and the VS Code SARIF viewer read it: one run, every rule
// in the driver, file URIs relative to %SRCROOT% (the repository root), UTF-16 columns.
#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "report/markdown_text.h"
#include "report/reporter.h"
#include "report/source_path.h"
#include "support/paths.h"

namespace wflint {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/wflint/wflint";
constexpr std::string_view kRootId = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "wflint/v1";
// GitHub code scanning accepts at most this many results in a run.
constexpr std::size_t kMaxResults = 25'000;

std::string_view level_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

// GitHub's problem.severity vocabulary.
std::string_view problem_severity(Severity severity) {
  return severity == Severity::Info ? "recommendation" : level_of(severity);
}

// How often a rule's findings are real problems: error rules report what AWS rejects or what fails
// every run; warnings and notes include judgement calls.
std::string_view precision(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "very-high";
    case Severity::Warning:
      return "high";
    case Severity::Info:
      return "medium";
  }
  return "high";
}

std::string rule_help_uri(std::string_view id) {
  return fmt::format("{}/blob/main/rules/{}.md", kInformationUri, id);
}

Json describe_rule(const RuleDescription& rule) {
  Json properties = {{"tags", rule.tags},
                     {"precision", precision(rule.severity)},
                     {"problem.severity", problem_severity(rule.severity)}};
  return {{"id", rule.id},
          {"name", rule.name},
          {"shortDescription", {{"text", rule.summary}}},
          {"fullDescription",
           {{"text",
             rule.full_description.empty() ? std::string(rule.summary) : rule.full_description}}},
          {"help",
           {{"text", render_markdown(rule.page, MarkdownTextOptions{})}, {"markdown", rule.page}}},
          {"helpUri", rule_help_uri(rule.id)},
          {"defaultConfiguration", {{"level", level_of(rule.severity)}}},
          {"properties", std::move(properties)}};
}

// "message. Help." reads as two sentences, as SARIF viewers show it.
std::string sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
  return out;
}

std::string result_text(const Diagnostic& d) {
  std::string text = sentence(d.message);
  if (!d.help.empty()) {
    std::string help = sentence(d.help);
    help.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(help.front())));
    text += " " + help;
  }
  return text;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, SourceRoot root, std::span<const RuleDescription> rules,
                std::string_view version)
      : out_(out), root_(std::move(root)), rules_(rules), version_(version) {
    for (std::size_t i = 0; i < rules_.size(); ++i)
      rule_index_.emplace(rules_[i].id, i);
  }

  void add_file(const FileReport& report) override {
    if (!report.failure.empty()) {
      notifications_.push_back(failure_notification(report));
      return;
    }
    for (const Diagnostic& d : report.diagnostics) {
      if (results_.size() >= kMaxResults) {
        ++left_out_;
        continue;
      }
      results_.push_back(result(d));
    }
  }

  void finish(const Summary&) override {
    if (left_out_ > 0) {
      notifications_.push_back(
          {{"level", "warning"},
           {"message",
            {{"text", fmt::format("{} more results were left out: GitHub code scanning accepts "
                                  "at most {} results in a run",
                                  left_out_, kMaxResults)}}}});
    }
    Json invocation = {{"executionSuccessful", !failed_}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    Json run = {{"tool", driver()},
                {"invocations", Json::array({std::move(invocation)})},
                {"originalUriBaseIds", {{kRootId, {{"uri", root_uri()}}}}},
                {"columnKind", "utf16CodeUnits"},
                {"results", std::move(results_)}};
    Json log = {
        {"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
    out_ << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }

 private:
  Json driver() const {
    Json rules = Json::array();
    for (const RuleDescription& rule : rules_)
      rules.push_back(describe_rule(rule));
    return {{"driver",
             {{"name", "wflint"},
              {"version", version_},
              {"semanticVersion", version_},
              {"informationUri", kInformationUri},
              {"rules", std::move(rules)}}}};
  }

  std::string root_uri() const { return "file://" + percent_encode_path(root_.directory); }

  // Files under the root are named relative to it; others by an absolute file URI.
  Json artifact_location(const std::string& path) const {
    const std::string relative = path_under_root(path, root_);
    if (!relative.empty()) return {{"uri", percent_encode_path(relative)}, {"uriBaseId", kRootId}};
    return {{"uri", "file://" + percent_encode_path(absolute_path(path))}};
  }

  static Json region(const Location& loc) {
    return {{"startLine", loc.begin.line},
            {"startColumn", loc.begin.utf16_column},
            {"endLine", loc.end.line},
            {"endColumn", loc.end.utf16_column}};
  }

  Json physical_location(const Span& span) const {
    const Location loc = locate(span);
    return {{"artifactLocation", artifact_location(loc.file->path())}, {"region", region(loc)}};
  }

  static Json logical_locations(const Diagnostic& d) {
    Json out = Json::array();
    if (d.subject.kind != Subject::Kind::None) {
      out.push_back({{"name", d.subject.name},
                     {"fullyQualifiedName", d.subject.pointer},
                     {"kind", "object"}});
    }
    if (!d.pointer.empty() && d.pointer != d.subject.pointer) {
      const std::string_view last = std::string_view(d.pointer).substr(d.pointer.rfind('/') + 1);
      out.push_back({{"name", last}, {"fullyQualifiedName", d.pointer}, {"kind", "value"}});
    }
    return out;
  }

  Json result(const Diagnostic& d) const {
    Json location = {{"physicalLocation", physical_location(d.span)}};
    if (Json logical = logical_locations(d); !logical.empty())
      location["logicalLocations"] = std::move(logical);
    Json out = {{"ruleId", d.rule_id}};
    if (const auto it = rule_index_.find(d.rule_id); it != rule_index_.end())
      out["ruleIndex"] = it->second;
    out["level"] = level_of(d.severity);
    out["message"] = {{"text", result_text(d)}};
    out["locations"] = Json::array({std::move(location)});
    if (!d.related.empty()) {
      Json related = Json::array();
      for (std::size_t i = 0; i < d.related.size(); ++i) {
        related.push_back({{"id", i + 1},
                           {"physicalLocation", physical_location(d.related[i].span)},
                           {"message", {{"text", sentence(d.related[i].message)}}}});
      }
      out["relatedLocations"] = std::move(related);
    }
    out["partialFingerprints"] = {{kFingerprintKey, fingerprint_text(d.fingerprint)}};
    return out;
  }

  Json failure_notification(const FileReport& report) {
    failed_ = true;
    return {
        {"level", "error"},
        {"message", {{"text", sentence(report.failure)}}},
        {"locations", Json::array({{{"physicalLocation",
                                     {{"artifactLocation", artifact_location(report.path)}}}}})}};
  }

  std::ostream& out_;
  SourceRoot root_;
  std::span<const RuleDescription> rules_;
  std::string version_;
  std::unordered_map<std::string_view, std::size_t> rule_index_;
  Json results_ = Json::array();
  Json notifications_ = Json::array();
  std::size_t left_out_ = 0;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, SourceRoot root,
                                              std::span<const RuleDescription> rules,
                                              std::string_view version) {
  return std::make_unique<SarifReporter>(out, std::move(root), rules, version);
}

}  // namespace wflint
