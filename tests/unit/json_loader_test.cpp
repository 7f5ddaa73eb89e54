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
  return testing::load_text("t.json", text, Syntax::Json);
}

TEST(JsonLoaderTest, BuildsTreeInSourceOrderWithSpans) {
  testing::LoadedText doc = load(R"({"b": [1, "two", true, null], "a": {"x": {}}} )");
  const Node& root = doc.root();
  ASSERT_TRUE(root.is_object());
  ASSERT_EQ(root.size(), 2u);
  EXPECT_EQ(root.children()[0].key(), "b");
  EXPECT_EQ(root.children()[1].key(), "a");
  EXPECT_EQ(spanned(root.span()), R"({"b": [1, "two", true, null], "a": {"x": {}}})");
  const Node& b = *root.find("b");
  EXPECT_EQ(spanned(b.key_span()), "\"b\"");
  EXPECT_EQ(spanned(b.span()), R"([1, "two", true, null])");
  EXPECT_EQ(spanned(b.children()[1].span()), "\"two\"");
  EXPECT_EQ(b.children()[1].text(), "two");
  EXPECT_TRUE(b.children()[2].bool_value());
  EXPECT_TRUE(b.children()[3].is_null());
  EXPECT_EQ(spanned(root.find("a")->find("x")->span()), "{}");
}

TEST(JsonLoaderTest, NumbersKeepTheirSourceText) {
  testing::LoadedText doc =
      load(R"({"f": 1.0, "big": 123456789012345678901234567890, "e": -2E+3})");
  EXPECT_EQ(doc.root().find("f")->text(), "1.0");
  EXPECT_EQ(doc.root().find("big")->text(), "123456789012345678901234567890");
  EXPECT_EQ(doc.root().find("e")->text(), "-2E+3");
  EXPECT_TRUE(doc.root().find("big")->is_number());
}

TEST(JsonLoaderTest, DecodesEscapesInKeysAndValues) {
  testing::LoadedText doc = load(R"({"a\"b": "line\nnext \u00e9"})");
  const Node& member = doc.root().children()[0];
  EXPECT_EQ(member.key(), "a\"b");
  EXPECT_EQ(member.text(), "line\nnext \xC3\xA9");
  EXPECT_EQ(spanned(member.key_span()), R"("a\"b")");
}

TEST(JsonLoaderTest, ParentsAndPointers) {
  testing::LoadedText doc = load(R"({"States": {"A/B": {"Next": "C~D"}}, "list": [0, {"k": 1}]})");
  const Node& next = *doc.root().find("States")->find("A/B")->find("Next");
  EXPECT_EQ(next.json_pointer(), "/States/A~1B/Next");
  EXPECT_EQ(next.parent()->parent()->parent(), &doc.root());
  const Node& k = *doc.root().find("list")->children()[1].find("k");
  EXPECT_EQ(k.json_pointer(), "/list/1/k");
  EXPECT_EQ(doc.root().json_pointer(), "");
}

TEST(JsonLoaderTest, ReportsDuplicateKeysWithTheFirstOne) {
  FileReport report =
      check_text("t.json",
                 "{\"StartAt\": \"A\",\n \"States\": {\"A\": {\"Type\": \"Succeed\"}},\n "
                 "\"StartAt\": \"A\"}");
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"WF002 3:2"});
  const Location first = locate(report.diagnostics[0].related.at(0).span);
  EXPECT_EQ(first.begin.line, 1u);
  EXPECT_EQ(first.begin.column, 2u);
}

TEST(JsonLoaderTest, FindsDuplicatesAmongManyKeys) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\": 1, ";
  text += "\"k42\": 2}";
  testing::LoadedText doc = load(text);
  ASSERT_EQ(doc.documents[0].problems.size(), 1u);
  EXPECT_EQ(doc.documents[0].problems[0].kind, LoadProblem::Kind::DuplicateKey);
}

TEST(JsonLoaderTest, SkipsUtf8ByteOrderMark) {
  FileReport report = check_text("t.json", "\xEF\xBB\xBF{\"StartAt\": \"X\", \"States\": {}}");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"ASL001 1:13"});
}

TEST(JsonLoaderTest, RejectsUtf16) {
  FileReport report = check_text("t.json", std::string("\xFF\xFE{\0}\0", 6));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 1:1"});
  EXPECT_NE(report.diagnostics[0].message.find("UTF-16"), std::string::npos);
}

TEST(JsonLoaderTest, InvalidUtf8IsAFindingAtTheByte) {
  FileReport report = check_text("t.json", "{\n  \"StartAt\": \"caf\xE9\"\n}");
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{"WF001 2:18"});
  EXPECT_NE(report.diagnostics[0].message.find("0xE9"), std::string::npos);
}

TEST(JsonLoaderTest, EmptyFileIsASyntaxError) {
  EXPECT_EQ(finding_positions(check_text("t.json", "")), std::vector<std::string>{"WF001 1:1"});
  EXPECT_EQ(finding_positions(check_text("t.json", "  \n")), std::vector<std::string>{"WF001 2:1"});
}

TEST(JsonLoaderTest, DeepNestingIsAFindingNotACrash) {
  const std::size_t depth = 100'000;
  std::string text =
      "{\"StartAt\": \"A\", \"States\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  FileReport report = check_text("t.json", text);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "WF001");
  EXPECT_NE(report.diagnostics[0].message.find("deeper than 1000"), std::string::npos);
  // The 1000th bracket is where reading stopped: the object is level 1.
  EXPECT_EQ(locate(report.diagnostics[0].span).begin.column, 28u + 999u);
}

TEST(JsonLoaderTest, LargeDocumentLoads) {
  std::string text = "{\"StartAt\": \"S0\", \"States\": {";
  const int states = 200'000;
  for (int i = 0; i < states; ++i) {
    text += "\"S" + std::to_string(i) + "\": {\"Type\": \"Pass\", \"Next\": \"S" +
            std::to_string(i + 1) + "\"},\n";
  }
  text += "\"S" + std::to_string(states) + "\": {\"Type\": \"Succeed\"}}}";
  testing::LoadedText doc = load(text);
  EXPECT_EQ(doc.root().find("States")->size(), static_cast<std::size_t>(states + 1));
  const Node& last = doc.root().find("States")->children().back();
  EXPECT_EQ(doc.source->position(last.key_span().begin).line, static_cast<uint32_t>(states + 1));
}

TEST(JsonLoaderTest, ScalarRootLoads) {
  testing::LoadedText doc = load("  \"just a string\" ");
  ASSERT_NE(doc.documents.at(0).document->root(), nullptr);
  EXPECT_TRUE(doc.root().is_string());
  EXPECT_EQ(doc.root().text(), "just a string");
}

TEST(JsonLoaderTest, ScalarRootWithTrailingContentIsAnError) {
  testing::LoadedText doc = load("\"x\" 1");
  EXPECT_EQ(doc.documents.at(0).document->root(), nullptr);
  ASSERT_EQ(doc.documents.at(0).problems.size(), 1u);
  EXPECT_EQ(doc.documents.at(0).problems[0].span.begin, 4u);
}

}  // namespace
}  // namespace wflint

namespace wflint {
namespace {

// Findings inside a string (a bad path segment, a JSONata syntax error) underline the exact
// characters as written, escapes included.
TEST(TextSpanTest, MapsDecodedOffsetsThroughEscapes) {
  const auto loaded = testing::load_text(
      "t.json", R"({"a": "x\"y\u00e9z\ud83d\ude00w", "plain": "abc"})", Syntax::Json);
  const Node& value = *loaded.root().find("a");
  ASSERT_EQ(value.text(), "x\"y\xC3\xA9z\xF0\x9F\x98\x80w");
  EXPECT_EQ(testing::spanned(value.text_span(1, 1)), R"(\")");
  EXPECT_EQ(testing::spanned(value.text_span(2, 1)), "y");
  EXPECT_EQ(testing::spanned(value.text_span(3, 2)), R"(\u00e9)");
  EXPECT_EQ(testing::spanned(value.text_span(3, 1)), R"(\u00e9)");
  EXPECT_EQ(testing::spanned(value.text_span(6, 4)), R"(\ud83d\ude00)");
  EXPECT_EQ(testing::spanned(value.text_span(2, 9)), R"(y\u00e9z\ud83d\ude00w)");
  EXPECT_EQ(testing::spanned(value.text_span(11, 0)), "");
  EXPECT_EQ(testing::spanned(loaded.root().find("plain")->text_span(1, 2)), "bc");
}

TEST(TextSpanTest, YamlDoubleQuotedEscapes) {
  const auto loaded =
      testing::load_text("t.yaml", "a: \"tab\\there \\x41 \\u00e9!\"\n", Syntax::Yaml);
  const Node& value = *loaded.root().find("a");
  ASSERT_EQ(value.text(), "tab\there A \xC3\xA9!");
  EXPECT_EQ(testing::spanned(value.text_span(4, 4)), "here");
  EXPECT_EQ(testing::spanned(value.text_span(9, 1)), "\\x41");
  EXPECT_EQ(testing::spanned(value.text_span(13, 1)), "!");
}

}  // namespace
}  // namespace wflint
