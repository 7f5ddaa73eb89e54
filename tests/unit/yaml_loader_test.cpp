#include <gtest/gtest.h>

#include <string>

#include "load/loader.h"
#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

using testing::spanned;

testing::LoadedText load(std::string_view text) {
  return testing::load_text("t.yaml", text, Syntax::Yaml);
}

TEST(YamlLoaderTest, ScalarSpansCoverTheirText) {
  testing::LoadedText doc = load(
      "plain: some words  # comment\n"
      "double: \"a \\\" b\"\n"
      "single: 'it''s'\n"
      "block: |\n"
      "  line one\n"
      "\n"
      "  line two\n"
      "next: 1\n");
  const Node& root = doc.root();
  EXPECT_EQ(spanned(root.find("plain")->span()), "some words");
  EXPECT_EQ(spanned(root.find("plain")->key_span()), "plain");
  EXPECT_EQ(spanned(root.find("double")->span()), "\"a \\\" b\"");
  EXPECT_EQ(root.find("double")->text(), "a \" b");
  EXPECT_EQ(spanned(root.find("single")->span()), "'it''s'");
  EXPECT_EQ(root.find("single")->text(), "it's");
  EXPECT_EQ(spanned(root.find("block")->span()), "|\n  line one\n\n  line two");
  EXPECT_EQ(root.find("block")->text(), "line one\n\nline two\n");
}

TEST(YamlLoaderTest, ResolvesCoreSchemaTypes) {
  testing::LoadedText doc =
      load("a: 12\nb: 1.5\nc: true\nd: ~\ne: '12'\nf: null\ng: 0.3\nh: yes\ni:\n");
  const Node& root = doc.root();
  EXPECT_TRUE(root.find("a")->is_number());
  EXPECT_EQ(root.find("a")->text(), "12");
  EXPECT_TRUE(root.find("b")->is_number());
  EXPECT_TRUE(root.find("c")->is_bool());
  EXPECT_TRUE(root.find("d")->is_null());
  EXPECT_TRUE(root.find("e")->is_string());
  EXPECT_TRUE(root.find("f")->is_null());
  EXPECT_EQ(root.find("g")->text(), "0.3");
  EXPECT_TRUE(root.find("h")->is_string());  // YAML 1.2: "yes" is a string
  EXPECT_TRUE(root.find("i")->is_null());
}

TEST(YamlLoaderTest, KeepsCloudFormationTags) {
  testing::LoadedText doc = load("Resource: !GetAtt Fn.Arn\nList: !Sub [\"${A}\", {A: 1}]\n");
  EXPECT_EQ(doc.root().find("Resource")->tag(), "!GetAtt");
  EXPECT_EQ(doc.root().find("Resource")->text(), "Fn.Arn");
  EXPECT_EQ(doc.root().find("List")->tag(), "!Sub");
  EXPECT_TRUE(doc.root().find("List")->is_array());
  // A tagged node's span includes its tag.
  EXPECT_EQ(spanned(doc.root().find("List")->span()), "!Sub [\"${A}\", {A: 1}]");
  EXPECT_EQ(spanned(doc.root().find("List")->children()[1].span()), "{A: 1}");
}

TEST(YamlLoaderTest, FlowAndBlockContainerSpans) {
  testing::LoadedText doc = load("a:\n  - x\n  - y\nb: {k: v, l: [1, 2]}\n");
  EXPECT_EQ(spanned(doc.root().find("a")->span()), "- x\n  - y");
  EXPECT_EQ(spanned(doc.root().find("b")->span()), "{k: v, l: [1, 2]}");
  EXPECT_EQ(spanned(doc.root().find("b")->find("l")->span()), "[1, 2]");
}

TEST(YamlLoaderTest, ExpandsAliases) {
  testing::LoadedText doc = load("base: &b {Type: Pass, End: true}\ncopy: *b\n");
  const Node& copy = *doc.root().find("copy");
  ASSERT_TRUE(copy.is_object());
  EXPECT_EQ(copy.find_string("Type"), "Pass");
  EXPECT_EQ(copy.find("Type")->json_pointer(), "/copy/Type");
}

TEST(YamlLoaderTest, AliasBombIsAFindingNotAnExplosion) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text += std::string(1, c) + ": &" + std::string(1, c) + " [*" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + "]\n";
  }
  text += "StartAt: x\nStates: {}\n";
  FileReport report = check_text("t.yaml", text);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "WF001");
  EXPECT_NE(report.diagnostics[0].message.find("aliases expand"), std::string::npos);
}

TEST(YamlLoaderTest, ChecksEveryDocumentOfAStream) {
  FileReport report = check_text("t.yaml",
                                 "StartAt: A\nStates:\n  A: {Type: Succeed}\n---\nStartAt: "
                                 "B\nStates:\n  A: {Type: Succeed}\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"ASL001 5:10"});
}

TEST(YamlLoaderTest, DuplicateKeys) {
  FileReport report =
      check_text("t.yaml", "StartAt: A\nStates:\n  A: {Type: Succeed}\nStartAt: A\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF002 4:1"});
  report =
      check_text("t.yaml", "StartAt: A\nStates:\n  A: {Type: Succeed, Comment: a, Comment: b}\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF002 3:34"});
  EXPECT_EQ(report.diagnostics[0].pointer, "/States/A/Comment");
}

TEST(YamlLoaderTest, EmptyFileNamedExplicitlyHoldsNoDocument) {
  for (const char* text : {"", "# only a comment\n"}) {
    FileReport report = check_text("t.yaml", text);
    EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF003 1:1"}) << text;
  }
  EXPECT_TRUE(check_text("t.yaml", "", Origin::Walked).diagnostics.empty());
}

TEST(YamlLoaderTest, SyntaxErrorPositions) {
  EXPECT_EQ(finding_positions(check_text("t.yaml", "StartAt: A\nStates: [1, 2\n")),
            std::vector<std::string>{"WF001 3:1"});
  EXPECT_EQ(finding_positions(check_text("t.yaml", "StartAt: A\n  bad: indent\n")),
            std::vector<std::string>{"WF001 2:6"});
}

TEST(YamlLoaderTest, StrayFlowIndicatorIsAnErrorNotAnEndlessLoop) {
  // yaml-cpp 0.7 keeps starting empty documents at a leading ','.
  FileReport report = check_text("t.yaml", ",description: x");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 1:1"});
  EXPECT_EQ(report.diagnostics[0].message, "unexpected ',' here");
}

TEST(YamlLoaderTest, TabIndentationIsNamed) {
  FileReport report = check_text("t.yaml", "StartAt: A\nStates:\n  A:\n\tType: Pass\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 4:2"});
  EXPECT_EQ(report.diagnostics[0].message, "tabs cannot indent YAML; use spaces");
}

TEST(YamlLoaderTest, UnclosedDoubleQuoteAtEndIsAnError) {
  // yaml-cpp 0.7 accepts this one when a line break follows; we do not.
  FileReport report = check_text("t.yaml", "StartAt: A\nStates: \"open\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 2:9"});
  report = check_text("t.yaml", "StartAt: A\nStates: \"open");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 2:14"});
  EXPECT_NE(report.diagnostics[0].message.find("ends inside a quoted string"), std::string::npos);
}

TEST(YamlLoaderTest, DeepNestingIsAFindingNotACrash) {
  const std::size_t depth = 100'000;
  std::string text = "StartAt: A\nStates: " + std::string(depth, '[') + std::string(depth, ']');
  FileReport report = check_text("t.yaml", text);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "WF001");
}

TEST(YamlLoaderTest, NonAsciiColumnsCountCodePoints) {
  FileReport report = check_text("t.yaml", "Comment: \"café ☕\"\nStartAt: Stärt\nStates: {}\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"ASL001 2:10"});
  EXPECT_EQ(locate(report.diagnostics[0].span).end.column, 15u);
}

TEST(YamlLoaderTest, CrLfLineEndings) {
  FileReport report = check_text("t.yaml", "StartAt: B\r\nStates:\r\n  A: {Type: Succeed}\r\n");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"ASL001 1:10"});
  EXPECT_EQ(locate(report.diagnostics[0].span).end.column, 11u);
}

// Found by fuzz_yaml_load: an empty key has no bytes behind it, and hashing it passed a null
// pointer to memcpy (undefined behaviour, even for zero bytes).
TEST(YamlLoaderTest, EmptyKeysAreFound) {
  testing::LoadedText doc = load("\"\": first\n'': second\nStartAt: A\n");
  ASSERT_NE(doc.root().find(""), nullptr);
  EXPECT_EQ(doc.root().find("")->text(), "second");
  EXPECT_EQ(doc.root().find("StartAt")->text(), "A");
}

}  // namespace
}  // namespace wflint
