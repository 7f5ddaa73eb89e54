#include "load/json_syntax.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

struct SyntaxCase {
  const char* text;
  const char* position;  // "WF001 line:column" as reported through the whole pipeline
  const char* message_part;
};

class JsonSyntaxErrorTest : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(JsonSyntaxErrorTest, ReportsExactPositionAndPlainMessage) {
  const SyntaxCase& c = GetParam();
  FileReport report = testing::check_text("t.json", c.text);
  ASSERT_EQ(testing::finding_positions(report), std::vector<std::string>{c.position}) << c.text;
  EXPECT_NE(report.diagnostics[0].message.find(c.message_part), std::string::npos)
      << report.diagnostics[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonSyntaxErrorTest,
    ::testing::Values(SyntaxCase{"{\"a\": 1,\n}", "WF001 1:8", "trailing comma"},
                      SyntaxCase{"[1, 2,]", "WF001 1:6", "trailing comma"},
                      SyntaxCase{"{\"a\": 1\n \"b\": 2}", "WF001 2:2", "missing ','"},
                      SyntaxCase{"[1 2]", "WF001 1:4", "missing ','"},
                      SyntaxCase{"{\"a\" 1}", "WF001 1:6", "expected ':'"},
                      SyntaxCase{"{a: 1}", "WF001 1:2", "double quotes"},
                      SyntaxCase{"{'a': 1}", "WF001 1:2", "double quotes"},
                      SyntaxCase{"{\"a\": \"x\n\"}", "WF001 1:7",
                                 "not closed before the end of the line"},
                      SyntaxCase{"{\"a\": \"x", "WF001 1:7", "not closed"},
                      SyntaxCase{"{\"a\": \"\\q\"}", "WF001 1:8", "invalid escape"},
                      SyntaxCase{"{\"a\": \"\\u12\"}", "WF001 1:8", "four hexadecimal digits"},
                      SyntaxCase{"{\"a\": \"\t\"}", "WF001 1:8", "control character"},
                      SyntaxCase{"{\"a\": 01}", "WF001 1:7", "invalid number"},
                      SyntaxCase{"{\"a\": 1.}", "WF001 1:7", "invalid number"},
                      SyntaxCase{"{\"a\": tru}", "WF001 1:7", "unknown value 'tru'"},
                      SyntaxCase{"{\"a\": True}", "WF001 1:7", "unknown value 'True'"},
                      SyntaxCase{"{\"a\": 1} x", "WF001 1:10", "after the end"},
                      SyntaxCase{"{\"a\": [1, 2}", "WF001 1:12", "expected ',' or ']'"},
                      SyntaxCase{"{\"a\": [1, 2]", "WF001 1:1", "object is not closed"},
                      SyntaxCase{"// c\n{}", "WF001 1:1", "comments are not allowed"},
                      SyntaxCase{"{\"a\": }", "WF001 1:7", "expected a value"}));

TEST(JsonSyntaxTest, ValidDocumentsHaveNoError) {
  for (const char* text : {"{}", "[]", " 1 ", "\"x\"", "{\"a\": [1, -2.5e3, true, null, {}]}"}) {
    EXPECT_FALSE(find_json_syntax_error(text).has_value()) << text;
  }
}

TEST(JsonSyntaxTest, NumberGrammar) {
  for (const char* good : {"0", "-0", "1.5", "1e9", "1E+9", "-12.5e-3"}) {
    EXPECT_TRUE(is_json_number(good)) << good;
  }
  for (const char* bad : {"", "-", "01", "1.", ".5", "+1", "1e", "0x10", "NaN"}) {
    EXPECT_FALSE(is_json_number(bad)) << bad;
  }
}

}  // namespace
}  // namespace wflint
