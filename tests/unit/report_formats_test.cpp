// Every report format on the same two files (tests/report/), compared with golden outputs beside
// them: tests/report/report.<format>. Regenerate after an intended change with
//   WFLINT_UPDATE_GOLDEN=1 build/tests/wflint_tests --gtest_filter='ReportFormats*'
// and review the diff. The files are named as if checked in /repo, so outputs do not depend on
// where the tests run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "report/reporter.h"
#include "rules/catalogue.h"
#include "schema/json_schema.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kReportDir = fs::path(WFLINT_SOURCE_DIR) / "tests" / "report";
const SourceRoot kRoot{"/repo/"};

std::vector<FileReport> golden_reports() {
  std::vector<FileReport> reports;
  for (const char* name : {"order.asl.json", "restart.yaml"}) {
    const std::string text = testing::read_file((kReportDir / name).string());
    reports.push_back(testing::check_text(std::string("/repo/flows/") + name, text));
  }
  FileReport unreadable;
  unreadable.path = "/repo/flows/locked.json";
  unreadable.failure = "/repo/flows/locked.json: cannot read: Permission denied";
  reports.push_back(std::move(unreadable));
  return reports;
}

// The rules the golden files have findings of: the SARIF golden lists those only, so it changes
// when their pages change, not when any page does.
std::vector<RuleDescription> rules_found(const std::vector<FileReport>& reports) {
  std::set<std::string_view> ids;
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics)
      ids.insert(d.rule_id);
  }
  std::vector<RuleDescription> out;
  for (const RuleDescription& rule : rules::catalogue()) {
    if (ids.contains(rule.id)) out.push_back(rule);
  }
  return out;
}

std::string render(const std::function<std::unique_ptr<Reporter>(std::ostream&)>& make) {
  const std::vector<FileReport> reports = golden_reports();
  std::ostringstream out;
  std::unique_ptr<Reporter> reporter = make(out);
  Summary summary;
  for (const FileReport& report : reports) {
    summary.add(report);
    reporter->add_file(report);
  }
  reporter->finish(summary);
  return out.str();
}

std::string render_format(const std::string& format) {
  const std::vector<RuleDescription> rules = rules_found(golden_reports());
  return render([&](std::ostream& out) -> std::unique_ptr<Reporter> {
    if (format == "text") return make_text_reporter(out, TextOptions{});
    if (format == "compact") return make_text_reporter(out, TextOptions{false, true, false});
    if (format == "json") return make_json_reporter(out);
    if (format == "github") return make_github_reporter(out, kRoot);
    if (format == "junit") return make_junit_reporter(out, Severity::Warning);
    if (format == "statistics") return make_statistics_reporter(out, false);
    if (format == "statistics.json") return make_statistics_reporter(out, true);
    return make_sarif_reporter(out, kRoot, rules, "0.1.0");
  });
}

class ReportFormats : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportFormats, OutputMatchesGolden) {
  testing::expect_golden((kReportDir / ("report." + GetParam())).string(),
                         render_format(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Golden, ReportFormats,
                         ::testing::Values("text", "compact", "json", "sarif", "github", "junit",
                                           "statistics", "statistics.json"),
                         [](const auto& test) { return testing::parameter_name(test.param); });

using Json = nlohmann::json;

Json golden_sarif() {
  return Json::parse(render_format("sarif"));
}

// What GitHub code scanning requires of an uploaded SARIF file, beyond the schema.
TEST(SarifReport, MeetsGithubCodeScanningRules) {
  const Json log = golden_sarif();
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  const Json& rules = run["tool"]["driver"]["rules"];
  ASSERT_FALSE(rules.empty());
  for (const Json& rule : rules) {
    for (const char* field : {"shortDescription", "fullDescription", "help"}) {
      const std::string text = rule[field]["text"];
      EXPECT_FALSE(text.empty()) << rule["id"] << " " << field;
      if (std::string(field) != "help") {
        EXPECT_LE(text.size(), 1024u) << rule["id"] << " " << field;
      }
    }
    EXPECT_LE(rule["name"].get<std::string>().size(), 255u);
    EXPECT_FALSE(rule["help"]["markdown"].get<std::string>().empty());
    EXPECT_LE(rule["properties"]["tags"].size(), 20u);
  }
  for (const Json& result : run["results"]) {
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    ASSERT_EQ(result["locations"].size(), 1u);
    const Json& physical = result["locations"][0]["physicalLocation"];
    const std::string uri = physical["artifactLocation"]["uri"];
    EXPECT_FALSE(uri.empty());
    EXPECT_NE(uri.front(), '/') << uri;
    EXPECT_EQ(uri.substr(0, uri.find('/')).find(':'), std::string::npos) << uri;
    EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    for (const char* field : {"startLine", "startColumn", "endLine", "endColumn"})
      EXPECT_GE(physical["region"][field].get<int>(), 1) << field;
    EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
    EXPECT_FALSE(result["partialFingerprints"]["wflint/v1"].get<std::string>().empty());
  }
}

TEST(SarifReport, CountsColumnsInUtf16CodeUnits) {
  // "StartAt": "Größe prüfen 🚀 " -- the emoji is one code point but two UTF-16 code units.
  const Json run = golden_sarif()["runs"][0];
  const Json& region = run["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(run["results"][0]["ruleId"], "ASL001");
  EXPECT_EQ(region["startColumn"], 14);
  EXPECT_EQ(region["endColumn"], 32);
  const Json findings = Json::parse(render_format("json"));
  EXPECT_EQ(findings[0]["endColumn"], 31);  // code points
}

TEST(SarifReport, NamesTheStateAndTheNodeAsLogicalLocations) {
  const Json run = golden_sarif()["runs"][0];
  for (const Json& result : run["results"]) {
    if (result["ruleId"] != "ASL003") continue;
    const Json& logical = result["locations"][0]["logicalLocations"];
    ASSERT_EQ(logical.size(), 2u);
    EXPECT_EQ(logical[0]["name"], "Notify");
    EXPECT_EQ(logical[0]["fullyQualifiedName"], "/States/Fan out/Branches/0/States/Notify");
    EXPECT_EQ(logical[1]["fullyQualifiedName"], "/States/Fan out/Branches/0/States/Notify/Second");
    return;
  }
  FAIL() << "no ASL003 result";
}

TEST(SarifReport, RelatedLocationsAndUnreadableFiles) {
  const Json run = golden_sarif()["runs"][0];
  bool related = false;
  for (const Json& result : run["results"]) {
    if (result["ruleId"] != "WF002") continue;
    related = true;
    EXPECT_EQ(result["relatedLocations"][0]["message"]["text"], "first defined here.");
    EXPECT_EQ(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 9);
  }
  EXPECT_TRUE(related);
  const Json& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
                      ["artifactLocation"]["uri"],
            "flows/locked.json");
}

// The JSON format is documented by schemas/wflint-findings.schema.json; the golden output follows
// it, and the schema rejects what it should.
TEST(JsonReport, FollowsItsPublishedSchema) {
  const schema::JsonSchema findings_schema(
      "wflint-findings.schema.json",
      testing::read_file(
          (fs::path(WFLINT_SOURCE_DIR) / "schemas/wflint-findings.schema.json").string()));
  const auto violations_of = [&](const std::string& text) {
    const testing::LoadedText loaded = testing::load_text("findings.json", text, Syntax::Json);
    return findings_schema.validate(loaded.root()).size();
  };
  EXPECT_EQ(violations_of(render_format("json")), 0u);
  EXPECT_EQ(violations_of("[]"), 0u);
  EXPECT_EQ(violations_of(R"([{"file": "a.json", "line": 0, "column": 1, "endLine": 1,
      "endColumn": 2, "rule": "ASL001", "name": "x", "severity": "fatal", "message": "m",
      "pointer": "", "fingerprint": "0", "extra": 1}])"),
            3u);
}

}  // namespace
}  // namespace wflint
