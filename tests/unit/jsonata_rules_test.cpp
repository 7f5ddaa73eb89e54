// JSN001 jsonata-syntax-error and JSN002 malformed-expression-delimiters: which strings are
// JSONata expressions, and where their syntax errors are underlined.
#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

FileReport check_jsn(const std::string& name, std::string_view text) {
  std::string error;
  CheckOptions options{*RuleFilter::parse("JSN", "", error), std::nullopt};
  return check_text(name, text, Origin::Explicit, options);
}

std::vector<std::string> underlined(const std::string& name, std::string_view text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_jsn(name, text).diagnostics)
    out.push_back(std::string(d.rule_id) + " " + std::string(testing::spanned(d.span)));
  return out;
}

TEST(JsonataSyntaxErrorTest, UnderlinesTheCharacterInsideTheString) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": {"n": "{% 10 + * 2 %}"}, "End": true}}})";
  const FileReport report = check_jsn("t.json", machine);
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"JSN001 2:52"});
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "*");
}

TEST(JsonataSyntaxErrorTest, PositionsSurviveJsonEscapes) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": "{% \"a\\n\" & ) %}", "End": true}}})";
  EXPECT_EQ(underlined("t.json", machine), std::vector<std::string>{"JSN001 )"});
}

TEST(JsonataSyntaxErrorTest, YamlScalars) {
  const char* machine =
      "QueryLanguage: JSONata\n"
      "StartAt: P\n"
      "States:\n"
      "  P:\n"
      "    Type: Pass\n"
      "    Output: '{% $sum($states.input.items %}'\n"
      "    End: true\n";
  const FileReport report = check_jsn("t.yaml", machine);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "JSN001");
  EXPECT_EQ(locate(report.diagnostics[0].span).begin.line, 6u);
}

TEST(JsonataSyntaxErrorTest, EveryJsonataFieldAtAnyDepth) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Condition": "{% $x = %}", "Next": "T"}], "Default": "T"},
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"Payload": {"ids": ["{% ( %}"]}},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% [ %}", "Next": "F"}],
          "End": true},
    "F": {"Type": "Fail", "Error": "{% $states.input. %}"}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)),
            (std::vector<std::string>{"JSN001 2:64", "JSN001 4:51", "JSN001 5:69", "JSN001 7:55"}));
}

TEST(JsonataSyntaxErrorTest, NestedStatesFollowTheirOwnQueryLanguage) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "J", "States": {
      "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% ) %}", "End": true}}}},
    "Literal": {"Type": "Pass", "Result": "{% ) %}", "End": true}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)),
            std::vector<std::string>{"JSN001 3:71"});
}

TEST(JsonataSyntaxErrorTest, ConstantsCommentsAndPlaceholdersAreNotExpressions) {
  const char* machine = R"({"QueryLanguage": "JSONata", "Comment": "write {% expr %}",
    "StartAt": "C", "States": {
    "C": {"Type": "Choice", "Comment": "{% not an expression",
          "Choices": [{"Condition": "{% ${Enabled} = true %}", "Next": "D", "Comment": "{% x"}],
          "Default": "D"},
    "D": {"Type": "Succeed"}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)), std::vector<std::string>{});
}

TEST(MalformedExpressionDelimitersTest, OneDelimiterOnly) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": {"a": "{% $states.input.a %", "b": "$states.input.b %}",
          "c": "{%}", "d": "100 %", "e": "{% 1 %}"}, "End": true}}})";
  const FileReport report = check_jsn("t.json", machine);
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{"JSN002 2:43", "JSN002 2:72", "JSN002 3:16"}));
  EXPECT_NE(report.diagnostics[0].message.find("does not end with \"%}\""), std::string::npos);
  EXPECT_NE(report.diagnostics[1].message.find("does not start with \"{%\""), std::string::npos);
}

}  // namespace
}  // namespace wflint
