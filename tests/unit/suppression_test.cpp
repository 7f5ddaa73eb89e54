// Inline suppressions: wflint-disable comments in YAML, wflint-disable in Comment and
// description fields, and WF010 unused-suppression.
#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

std::vector<std::string> findings(const std::string& path, std::string_view text,
                                  const CheckOptions& options = testing::all_rules()) {
  return finding_positions(check_text(path, text, Origin::Explicit, options));
}

std::vector<std::string> messages(const std::string& path, std::string_view text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_text(path, text).diagnostics)
    out.push_back(std::string(d.rule_id) + " " + d.message);
  return out;
}

// A Lambda task with no Retry: LMB015 on its Resource, line 5.
constexpr std::string_view kYamlTask = R"(StartAt: Resize
States:
  Resize:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:resize
    End: true
)";

TEST(SuppressionTest, UnsuppressedFindingForReference) {
  EXPECT_EQ(findings("a.yaml", kYamlTask), std::vector<std::string>{"LMB015 5:15"});
}

TEST(SuppressionTest, NextLineSkipsBlankAndCommentLines) {
  EXPECT_EQ(findings("a.yaml", R"(StartAt: Resize
States:
  Resize:
    Type: Task
    # wflint-disable-next-line LMB015 -- the function retries on its own

    # the ARN is filled in by the deploy script
    Resource: arn:aws:lambda:us-east-1:123456789012:function:resize
    End: true
)"),
            std::vector<std::string>{});
}

TEST(SuppressionTest, SameLineAndWholeFileAndByName) {
  EXPECT_EQ(findings("a.yaml", R"(StartAt: Resize
States:
  Resize:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:resize  # wflint-disable-line lmb015
    End: true
)"),
            std::vector<std::string>{});
  EXPECT_EQ(findings("a.yaml", std::string("# wflint-disable-file missing-lambda-retry\n") +
                                   std::string(kYamlTask)),
            std::vector<std::string>{});
}

TEST(SuppressionTest, OnlyTheNamedRulesAreSuppressed) {
  EXPECT_EQ(findings("a.yaml", R"(StartAt: Resize
States:
  Resize:
    Type: Task
    # wflint-disable-next-line ASL101
    Resource: arn:aws:lambda:us-east-1:123456789012:function:resize
    End: true
)"),
            (std::vector<std::string>{"WF010 5:32", "LMB015 6:15"}));
}

TEST(SuppressionTest, TextInsideStringsIsNotAComment) {
  EXPECT_EQ(findings("a.yaml", R"(StartAt: Resize
States:
  Resize:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:resize
    Parameters:
      quoted: "see # wflint-disable-file LMB015"
      block: |
        # wflint-disable-file LMB015
    End: true
)"),
            std::vector<std::string>{"LMB015 5:15"});
}

TEST(SuppressionTest, CommentFieldCoversItsStateInJson) {
  const std::string machine = R"({
  "StartAt": "Resize",
  "States": {
    "Resize": {
      "Type": "Task",
      "Comment": "Resizes images. wflint-disable LMB015 -- the function retries on its own",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:resize",
      "Next": "Thumb"
    },
    "Thumb": {
      "Type": "Task",
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:thumb",
      "End": true
    }
  }
})";
  EXPECT_EQ(findings("a.json", machine), std::vector<std::string>{"LMB015 12:19"});
}

TEST(SuppressionTest, TopLevelCommentCoversTheWholeStateMachine) {
  EXPECT_EQ(
      findings("a.yaml", std::string("Comment: wflint-disable LMB015\n") + std::string(kYamlTask)),
      std::vector<std::string>{});
}

TEST(SuppressionTest, DescriptionFieldCoversItsStepInARunbook) {
  EXPECT_EQ(findings("a.yaml", R"(schemaVersion: '0.3'
mainSteps:
  - name: restart
    description: wflint-disable SSM101 -- the function stops itself in time
    action: aws:invokeLambdaFunction
    timeoutSeconds: 600
    inputs:
      FunctionName: restart
  - name: again
    action: aws:invokeLambdaFunction
    timeoutSeconds: 600
    inputs:
      FunctionName: restart
)"),
            std::vector<std::string>{"SSM101 11:21"});
}

TEST(SuppressionTest, UnusedAndMistakenSuppressionsAreReported) {
  EXPECT_EQ(messages("a.yaml", R"(# wflint-disable-file LMB005
StartAt: Resize
States:
  Resize:
    Type: Pass
    Comment: wflint-disable-next-line ASL104
    # wflint-disable-next-line
    Next: Done  # wflint-disable-line NOPE, WF001
  Done:
    Type: Succeed
    # wflint-disable ASL101
)"),
            (std::vector<std::string>{
                "WF010 wflint-disable-file names LMB005, but the file has no LMB005 finding",
                "WF010 wflint-disable-next-line cannot suppress anything here",
                "WF010 wflint-disable-next-line names no rule",
                "WF010 \"NOPE\" is not a rule",
                "WF010 syntax errors (WF001) cannot be suppressed",
                "WF010 wflint-disable cannot suppress anything here",
            }));
}

TEST(SuppressionTest, SuppressionOfADisabledRuleIsNotReported) {
  const std::string text = std::string("# wflint-disable-file LMB015\n") + "StartAt: P\n" +
                           "States:\n  P:\n    Type: Pass\n    End: true\n";
  EXPECT_EQ(findings("a.yaml", text), std::vector<std::string>{"WF010 1:23"});
  std::string error;
  CheckOptions without_lmb015;
  without_lmb015.filter = *RuleFilter::parse("", "LMB015", error);
  EXPECT_EQ(findings("a.yaml", text, without_lmb015), std::vector<std::string>{});
}

TEST(SuppressionTest, RulesOfAnotherDocumentKindAreUnused) {
  EXPECT_EQ(messages("a.yaml", R"(# wflint-disable-file SSM101
StartAt: P
States:
  P: {Type: Pass, End: true}
)"),
            std::vector<std::string>{
                "WF010 wflint-disable-file names SSM101, but the file has no SSM101 finding"});
}

TEST(SuppressionTest, FilesThatAreNotWorkflowsAreLeftAlone) {
  const std::string pipeline = "# wflint-disable-file LMB015\non: push\njobs: {}\n";
  EXPECT_EQ(finding_positions(check_text("ci.yaml", pipeline, Origin::Walked)),
            std::vector<std::string>{});
}

TEST(SuppressionTest, SyntaxErrorsAreNeverSuppressedNorSuppressionsJudged) {
  EXPECT_EQ(findings("a.yaml", "# wflint-disable-file WF001 LMB015\nStartAt: [\n"),
            std::vector<std::string>{"WF001 3:1"});
}

TEST(SuppressionTest, EscapedCommentFieldUnderlinesTheRuleAsWritten) {
  // The rule name in the Comment comes after an escaped quote: the finding underlines it where it
  // is in the file.
  EXPECT_EQ(findings("a.json", R"({"StartAt": "P", "States": {"P": {"Type": "Pass",
  "Comment": "say \"hi\" wflint-disable LMB099", "End": true}}})"),
            std::vector<std::string>{"WF010 2:41"});
}

}  // namespace
}  // namespace wflint
