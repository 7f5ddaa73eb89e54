#include "lang/intrinsic.h"

#include <gtest/gtest.h>

#include <string>

namespace wflint::lang {
namespace {

std::string describe(const LangError& error) {
  return std::to_string(error.offset) + "+" + std::to_string(error.length) + ": " + error.message;
}

// "offset+length: message" of a syntax error, or "ok".
std::string parse_error(std::string_view text) {
  const IntrinsicResult result = parse_intrinsic(text);
  return result.ok() ? "ok" : describe(*result.error);
}

// The findings of parsing and checking `text`, one "offset+length: message" each.
std::vector<std::string> problems(std::string_view text) {
  const IntrinsicResult result = parse_intrinsic(text);
  if (!result.ok()) return {"syntax " + describe(*result.error)};
  std::vector<std::string> out;
  for (const LangError& error : check_intrinsic(result.intrinsic))
    out.push_back(describe(error));
  return out;
}

std::string help_of_first_problem(std::string_view text) {
  const IntrinsicResult result = parse_intrinsic(text);
  if (!result.ok()) return result.error->help;
  const std::vector<LangError> errors = check_intrinsic(result.intrinsic);
  return errors.empty() ? "" : errors.front().help;
}

using Problems = std::vector<std::string>;

TEST(IntrinsicTest, ParsesACallWithOffsets) {
  const IntrinsicResult result = parse_intrinsic("States.Format('x {}', $.a)");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.intrinsic.calls.size(), 1u);
  const IntrinsicCall& call = result.intrinsic.calls[0];
  EXPECT_EQ(call.name, "States.Format");
  EXPECT_EQ(call.offset, 0u);
  EXPECT_EQ(call.name_length, 13u);
  EXPECT_EQ(call.length, 26u);
  EXPECT_EQ(call.depth, 1u);
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(call.args[0].kind, ArgKind::String);
  EXPECT_EQ(call.args[0].value, "x {}");
  EXPECT_EQ(call.args[0].placeholders, 1u);
  EXPECT_EQ(call.args[0].offset, 14u);
  EXPECT_EQ(call.args[0].length, 6u);
  EXPECT_EQ(call.args[1].kind, ArgKind::Path);
  EXPECT_EQ(call.args[1].value, "$.a");
  EXPECT_EQ(call.args[1].offset, 22u);
  EXPECT_EQ(call.args[1].length, 3u);
  ASSERT_EQ(call.args[1].path.segments.size(), 1u);
  EXPECT_EQ(call.args[1].path.segments[0].name_offset, 24u);
}

TEST(IntrinsicTest, NestedCalls) {
  const IntrinsicResult result =
      parse_intrinsic("States.ArrayGetItem(States.StringSplit($.s, ','), 0)");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.intrinsic.calls.size(), 2u);
  const IntrinsicCall& outer = result.intrinsic.calls[0];
  ASSERT_EQ(outer.args.size(), 2u);
  EXPECT_EQ(outer.args[0].kind, ArgKind::Call);
  EXPECT_EQ(outer.args[0].call, 1u);
  EXPECT_EQ(outer.args[0].offset, 20u);
  EXPECT_EQ(outer.args[0].length, 28u);
  const IntrinsicCall& inner = result.intrinsic.calls[1];
  EXPECT_EQ(inner.name, "States.StringSplit");
  EXPECT_EQ(inner.offset, 20u);
  EXPECT_EQ(inner.depth, 2u);
  EXPECT_EQ(inner.args[1].value, ",");
}

TEST(IntrinsicTest, LiteralKinds) {
  const IntrinsicResult result = parse_intrinsic(
      "States.Array(1, -2.5, 1e3, 0.5E-2, true, false, null, 'a', $$.Execution.Id, $var.x, $[0])");
  ASSERT_TRUE(result.ok()) << describe(*result.error);
  std::vector<ArgKind> kinds;
  std::vector<std::string> values;
  for (const IntrinsicArg& arg : result.intrinsic.calls[0].args) {
    kinds.push_back(arg.kind);
    values.push_back(arg.value);
  }
  EXPECT_EQ(kinds, (std::vector<ArgKind>{ArgKind::Number, ArgKind::Number, ArgKind::Number,
                                         ArgKind::Number, ArgKind::Boolean, ArgKind::Boolean,
                                         ArgKind::Null, ArgKind::String, ArgKind::Path,
                                         ArgKind::Path, ArgKind::Path}));
  EXPECT_EQ(values, (std::vector<std::string>{"1", "-2.5", "1e3", "0.5E-2", "true", "false", "null",
                                              "a", "$$.Execution.Id", "$var.x", "$[0]"}));
  EXPECT_EQ(result.intrinsic.calls[0].args[8].path.root, PathRoot::Context);
  EXPECT_EQ(result.intrinsic.calls[0].args[9].path.root, PathRoot::Variable);
}

TEST(IntrinsicTest, StringEscapesAndPlaceholders) {
  const IntrinsicResult result = parse_intrinsic(R"(States.Format('it\'s \{\} {} \\', $.a))");
  ASSERT_TRUE(result.ok());
  const IntrinsicArg& tmpl = result.intrinsic.calls[0].args[0];
  EXPECT_EQ(tmpl.value, R"(it's {} {} \)");
  EXPECT_EQ(tmpl.placeholders, 1u);
}

TEST(IntrinsicTest, PathArgumentsKeepTheirBracketsAndFilters) {
  const IntrinsicResult result =
      parse_intrinsic("States.Array($.a[0,1], $.b[?(@.c == ',')], $['x)'] )");
  ASSERT_TRUE(result.ok()) << describe(*result.error);
  const std::vector<IntrinsicArg>& args = result.intrinsic.calls[0].args;
  ASSERT_EQ(args.size(), 3u);
  EXPECT_EQ(args[0].value, "$.a[0,1]");
  EXPECT_EQ(args[1].value, "$.b[?(@.c == ',')]");
  EXPECT_EQ(args[2].value, "$['x)']");
}

TEST(IntrinsicTest, WhitespaceAroundTokens) {
  EXPECT_EQ(parse_error("States.UUID ( )  "), "ok");
  EXPECT_EQ(parse_error("  States.UUID()"), "0+2: intrinsic function call starts with whitespace");
  EXPECT_EQ(parse_error("States.Format( '{}' ,$.a , 2 )"), "ok");
  EXPECT_EQ(parse_error("States.ArrayGetItem( States.StringSplit($.detail.object.key , '/'), 0)"),
            "ok");
}

TEST(IntrinsicTest, LooksLikeIntrinsic) {
  EXPECT_TRUE(looks_like_intrinsic("States.Format('x')"));
  EXPECT_TRUE(looks_like_intrinsic(" Foo.Bar ($.x)"));
  EXPECT_TRUE(looks_like_intrinsic("States.Format"));
  EXPECT_FALSE(looks_like_intrinsic("$.a"));
  EXPECT_FALSE(looks_like_intrinsic("hello"));
  EXPECT_FALSE(looks_like_intrinsic("hello world(1)"));
  EXPECT_FALSE(looks_like_intrinsic(""));
}

TEST(IntrinsicTest, SyntaxErrorsAtExactOffsets) {
  EXPECT_EQ(parse_error("States.Format('x'"), "13+1: unclosed '(' of States.Format");
  EXPECT_EQ(parse_error("States.Format('x)"), "14+3: unclosed string literal");
  EXPECT_EQ(parse_error("States.Format(\"x\")"),
            "14+1: string literals are written in single "
            "quotes");
  EXPECT_EQ(parse_error(R"(States.Format('a\nb'))"),
            "16+2: invalid escape sequence \\n in a string literal");
  EXPECT_EQ(parse_error("States.UUID() x"), "14+1: unexpected text after the function call");
  EXPECT_EQ(parse_error("States.Format('{}' $.a)"), "19+1: unexpected '$'; expected ',' or ')'");
  EXPECT_EQ(parse_error("States.Format('{}', foo)"),
            "20+3: unexpected \"foo\"; expected an "
            "argument");
  EXPECT_EQ(parse_error("States.Format('{}', )"), "20+1: unexpected ')'; expected an argument");
  EXPECT_EQ(parse_error("States.Format"),
            "0+13: function name \"States.Format\" is not followed "
            "by '('");
  EXPECT_EQ(parse_error("(1)"), "0+1: unexpected '('; expected a function name");
  EXPECT_EQ(parse_error("States.MathAdd(-, 1)"), "15+1: '-' is not followed by a number");
  EXPECT_EQ(parse_error("States.Array($.a b)"),
            "15+3: field name \"a b\" after '.' contains whitespace");
  EXPECT_EQ(parse_error("States.Array($.a[0)"), "18+1: unexpected ')'; expected ']'");
}

std::string nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i)
    text += "States.Array(";
  return text + std::string(static_cast<std::size_t>(depth), ')');
}

TEST(IntrinsicTest, NestingBeyondTenLevelsIsReported) {
  EXPECT_EQ(parse_error(nested(10)), "ok");
  EXPECT_EQ(parse_error(nested(11)),
            "130+12: intrinsic functions are nested more than 10 levels "
            "deep");
  // Parsing stops at the eleventh level, so no input can exhaust the stack.
  EXPECT_EQ(parse_error(nested(100000)),
            "130+12: intrinsic functions are nested more than 10 "
            "levels deep");
}

TEST(IntrinsicCheckTest, ValidCallsHaveNoProblems) {
  for (std::string_view text : {
           "States.Format('{} and {}', $.a, 'b')",
           "States.Format('no placeholders')",
           "States.Format($.template, $.a)",
           "States.Format(' \\{} {}', 1.5)",
           "States.StringToJson($.s)",
           "States.JsonToString($)",
           "States.Array()",
           "States.ArrayPartition($.a, 2)",
           "States.ArrayContains($.a, 'x')",
           "States.ArrayRange(1, 9, 2)",
           "States.ArrayRange(10, 0, -1)",
           "States.ArrayGetItem($.a, 0)",
           "States.ArrayLength($.a)",
           "States.ArrayUnique($.a)",
           "States.Base64Encode('abc')",
           "States.Base64Decode($.b)",
           "States.Hash($.a, 'SHA-512')",
           "States.Hash('x', $.algorithm)",
           "States.JsonMerge($.a, States.StringToJson($.b), false)",
           "States.MathRandom(1, 10)",
           "States.MathRandom(1.5, 10.25, 7)",
           "States.MathAdd($.count, -1)",
           "States.MathAdd(1.5, 2.25)",
           "States.StringSplit($.s, ',')",
           "States.UUID()",
       }) {
    EXPECT_EQ(problems(text), Problems{}) << text;
  }
}

TEST(IntrinsicCheckTest, UnknownFunctions) {
  EXPECT_EQ(problems("States.Formt('x')"),
            Problems{"0+12: unknown intrinsic function \"States.Formt\""});
  EXPECT_EQ(help_of_first_problem("States.Formt('x')"), "did you mean \"States.Format\"?");
  EXPECT_EQ(help_of_first_problem("States.format('x')"), "did you mean \"States.Format\"?");
  EXPECT_EQ(problems("Foo.Bar()"), Problems{"0+7: unknown intrinsic function \"Foo.Bar\""});
  EXPECT_TRUE(help_of_first_problem("Foo.Bar()")
                  .starts_with("the intrinsic functions are "
                               "States.Format, "));
}

TEST(IntrinsicCheckTest, ArgumentCounts) {
  EXPECT_EQ(problems("States.MathRandom(1)"),
            Problems{"0+20: States.MathRandom takes 2 or 3 arguments but is given 1"});
  EXPECT_EQ(help_of_first_problem("States.MathRandom(1)"),
            "call it as States.MathRandom(start, end[, seed])");
  EXPECT_EQ(problems("States.UUID(1)"),
            Problems{"0+14: States.UUID takes no arguments but is given 1"});
  EXPECT_EQ(problems("States.Format()"),
            Problems{"0+15: States.Format takes at least 1 argument but is given 0"});
  EXPECT_EQ(problems("States.JsonToString($.a, $.b)"),
            Problems{"0+29: States.JsonToString takes 1 argument but is given 2"});
  EXPECT_EQ(problems("States.ArrayRange(1, 2)"),
            Problems{"0+23: States.ArrayRange takes 3 arguments but is given 2"});
}

TEST(IntrinsicCheckTest, LiteralArgumentTypes) {
  EXPECT_EQ(problems("States.MathAdd('1', 2)"),
            Problems{"15+3: argument 1 of States.MathAdd must be a number, not a string"});
  EXPECT_EQ(problems("States.Format(true)"),
            Problems{"14+4: argument 1 of States.Format must be a string, not a boolean"});
  EXPECT_EQ(problems("States.StringToJson(null)"),
            Problems{"20+4: argument 1 of States.StringToJson must be a string, not null"});
  EXPECT_EQ(problems("States.StringSplit($.s, 1)"),
            Problems{"24+1: argument 2 of States.StringSplit must be a string, not a number"});
  EXPECT_EQ(problems("States.ArrayLength('abc')"),
            Problems{"19+5: argument 1 of States.ArrayLength must be an array, not a string"});
  EXPECT_EQ(problems("States.JsonMerge('a', $.b, false)"),
            Problems{"17+3: argument 1 of States.JsonMerge must be an object, not a string"});
  EXPECT_EQ(problems("States.JsonToString('x')"),
            Problems{"20+3: argument 1 of States.JsonToString must be a path, not a string"});
  EXPECT_EQ(problems("States.ArrayRange('1', 9, 2)"),
            Problems{"18+3: argument 1 of States.ArrayRange must be a number, not a string"});
  EXPECT_EQ(problems("States.MathRandom(1, '10')"),
            Problems{"21+4: argument 2 of States.MathRandom must be a number, not a string"});
}

TEST(IntrinsicCheckTest, LiteralArgumentValues) {
  EXPECT_EQ(problems("States.Hash($.a, 'SHA256')"),
            Problems{"17+8: unknown hash algorithm 'SHA256'"});
  EXPECT_EQ(help_of_first_problem("States.Hash($.a, 'SHA256')"), "did you mean 'SHA-256'?");
  EXPECT_EQ(problems("States.Hash($.a, 1)"),
            Problems{"17+1: argument 2 of States.Hash must be a string, not a number"});
  EXPECT_EQ(problems("States.JsonMerge($.a, $.b, true)"),
            Problems{"27+4: States.JsonMerge supports only a shallow merge, so its third argument "
                     "must be false"});
  EXPECT_EQ(problems("States.JsonMerge($.a, $.b, 'false')"),
            Problems{"27+7: argument 3 of States.JsonMerge must be false, not a string"});
  EXPECT_EQ(
      problems("States.ArrayPartition($.a, 0)"),
      Problems{"27+1: argument 2 of States.ArrayPartition must be a positive integer, not 0"});
  EXPECT_EQ(
      problems("States.ArrayPartition($.a, 2.5)"),
      Problems{"27+3: argument 2 of States.ArrayPartition must be a positive integer, not 2.5"});
  EXPECT_EQ(
      problems("States.ArrayGetItem($.a, -1)"),
      Problems{"25+2: argument 2 of States.ArrayGetItem must be a non-negative integer, not -1"});
  EXPECT_EQ(problems("States.ArrayRange(1, 5, 0)"),
            Problems{"24+1: step of States.ArrayRange is 0"});
  EXPECT_EQ(problems("States.ArrayRange(0, 2000, 1)"),
            Problems{"0+29: States.ArrayRange would create 2001 elements, more than the 1000 "
                     "allowed"});
}

TEST(IntrinsicCheckTest, FormatPlaceholders) {
  EXPECT_EQ(problems("States.Format('{} {}', $.a)"),
            Problems{"14+7: template has 2 placeholders but 1 value is given"});
  EXPECT_EQ(problems("States.Format('{}', 'a', 1)"),
            Problems{"14+4: template has 1 placeholder but 2 values are given"});
  EXPECT_EQ(problems("States.Format('\\{} {}', $.a)"), Problems{});
}

TEST(IntrinsicCheckTest, NestedCallsAreCheckedToo) {
  EXPECT_EQ(problems("States.Format('{}', States.Formt('x'))"),
            Problems{"20+12: unknown intrinsic function \"States.Formt\""});
  EXPECT_EQ(problems("States.Formt(States.UUID(1))"),
            (Problems{"0+12: unknown intrinsic function \"States.Formt\"",
                      "13+14: States.UUID takes no arguments but is given 1"}));
}

TEST(IntrinsicCheckTest, NamesListsAllEighteenFunctions) {
  EXPECT_EQ(intrinsic_function_names().size(), 18u);
}

}  // namespace
}  // namespace wflint::lang
