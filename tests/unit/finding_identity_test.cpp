// What identifies a finding beyond its position: the state or step it is in, and a fingerprint
// that survives edits elsewhere in the file (baselines and SARIF partialFingerprints rely on it).
#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

const Diagnostic& only(const FileReport& report, std::string_view rule) {
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule_id == rule) return d;
  }
  throw std::runtime_error("no finding of " + std::string(rule));
}

TEST(SubjectTest, TheInnermostStateIsNamed) {
  const FileReport report = testing::check_text("a.json", R"({
  "StartAt": "Fan out",
  "States": {
    "Fan out": {
      "Type": "Parallel",
      "Branches": [{"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Secnds": 1, "End": true}}}],
      "End": true
    }
  }
})");
  const Diagnostic& finding = only(report, "ASL003");
  EXPECT_EQ(finding.subject.kind, Subject::Kind::State);
  EXPECT_EQ(finding.subject.name, "Wait");
  EXPECT_EQ(finding.subject.pointer, "/States/Fan out/Branches/0/States/Wait");
}

TEST(SubjectTest, StepsAreNamedByTheirNameEvenInsideLoops) {
  const FileReport report = testing::check_text("a.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: each
    action: aws:loop
    inputs:
      Iterators: [a, b]
      Steps:
        - name: restart
          action: aws:invokeLambdaFunction
          timeoutSeconds: 600
          inputs: {FunctionName: restart}
)");
  const Diagnostic& finding = only(report, "SSM101");
  EXPECT_EQ(finding.subject.kind, Subject::Kind::Step);
  EXPECT_EQ(finding.subject.name, "restart");
  EXPECT_EQ(finding.subject.pointer, "/mainSteps/0/inputs/Steps/0");
}

TEST(SubjectTest, TopLevelFindingsHaveNone) {
  const FileReport report =
      testing::check_text("a.json", R"({"StartAt": "B", "States": {"A": {"Type": "Succeed"}}})");
  EXPECT_EQ(only(report, "ASL001").subject.kind, Subject::Kind::None);
}

constexpr std::string_view kMachine = R"({
  "StartAt": "A",
  "States": {
    "A": {"Type": "Wait", "Secnds": 1, "Next": "B"},
    "B": {"Type": "Wait", "Secnds": 1, "End": true}
  }
})";

uint64_t fingerprint_of(std::string_view text, std::string_view pointer) {
  for (const Diagnostic& d : testing::check_text("a.json", text).diagnostics) {
    if (d.pointer == pointer) return d.fingerprint;
  }
  return 0;
}

TEST(FingerprintTest, SurvivesEditsElsewhereInTheFile) {
  const uint64_t before = fingerprint_of(kMachine, "/States/B/Secnds");
  ASSERT_NE(before, 0u);
  std::string edited(kMachine);
  edited.insert(edited.find("\"StartAt\""), "\"Comment\": \"a new line\",\n\n  ");
  edited.replace(edited.find("\"Type\": \"Wait\""), 14, "\"Type\":   \"Wait\"");
  EXPECT_EQ(fingerprint_of(edited, "/States/B/Secnds"), before);
}

TEST(FingerprintTest, DiffersBetweenFindingsAndChangesWithWhatIsUnderlined) {
  const uint64_t a = fingerprint_of(kMachine, "/States/A/Secnds");
  const uint64_t b = fingerprint_of(kMachine, "/States/B/Secnds");
  EXPECT_NE(a, b);
  std::string renamed(kMachine);
  renamed.replace(renamed.rfind("Secnds"), 6, "Secs");
  EXPECT_NE(fingerprint_of(renamed, "/States/B/Secs"), b);
}

TEST(FingerprintTest, RepeatedFindingsOfOneNodeAreTold) {
  // Two unknown placeholders in one reference string: same rule, same pointer.
  const FileReport report = testing::check_text("a.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: greet
    action: aws:sleep
    inputs:
      Duration: '{{ First }}{{ First }}'
)");
  std::vector<uint64_t> prints;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.rule_id == "SSM005") prints.push_back(d.fingerprint);
  }
  ASSERT_EQ(prints.size(), 2u);
  EXPECT_NE(prints[0], prints[1]);
}

}  // namespace
}  // namespace wflint
