// Built-in functions, with expected values from jsonata-js 2.0.5 (the node oracle) and, for the
// Step Functions additions, from the conformance corpus.

#include <gtest/gtest.h>

#include <string>

#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/json_text.h"
#include "jsonata/parser.h"

namespace wflint::jsonata {
namespace {

std::string run(const std::string& expression, const std::string& input_json = "{}",
                bool step_functions = false) {
  ParseResult parsed = parse(expression);
  if (!parsed.ast) return "PARSE ERROR";
  const auto ast = std::make_shared<const Ast>(std::move(*parsed.ast));
  auto bindings =
      std::make_shared<Environment>(step_functions ? step_functions_library() : standard_library());
  EvaluationOptions options;
  options.now_millis = 1510067557121;
  options.random = [] { return 0.5; };
  options.uuid = [] { return std::string("11111111-2222-4333-8444-555555555555"); };
  const std::optional<Value> input = parse_json(input_json);
  const EvaluationResult result = evaluate(ast, input ? *input : Value(), bindings, options);
  if (result.error) return "ERR " + result.error->code + " " + result.error->message;
  if (result.value.is_undefined()) return "UNDEFINED";
  return stringify(result.value);
}

std::string sfn(const std::string& expression, const std::string& input_json = "{}") {
  return run(expression, input_json, true);
}

TEST(JsonText, FormatNumberLikeJavaScript) {
  EXPECT_EQ(format_number(1), "1");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1e21), "1e+21");
  EXPECT_EQ(format_number(1.5e-7), "1.5e-7");
  EXPECT_EQ(format_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(format_number(0.000001), "0.000001");
}

TEST(JsonText, ParseJsonRejectsBadTextAndDeepNesting) {
  EXPECT_FALSE(parse_json("{\"a\":}").has_value());
  EXPECT_FALSE(parse_json("01").has_value());
  EXPECT_FALSE(parse_json(std::string(20000, '[') + std::string(20000, ']')).has_value());
  ASSERT_TRUE(parse_json(std::string(100, '[') + std::string(100, ']')).has_value());
  EXPECT_EQ(stringify(*parse_json(R"({"a": [1, 2.5, "x\u00e9"], "b": null})")),
            "{\"a\":[1,2.5,\"x\xc3\xa9\"],\"b\":null}");
}

TEST(Functions, Sum) {
  EXPECT_EQ(run("$sum([1,2,3.5])"), "6.5");
  EXPECT_EQ(run("$sum(5)"), "5");
  EXPECT_EQ(run("$sum(nothing)"), "UNDEFINED");
  EXPECT_EQ(run("$sum([1,\"a\"])"),
            "ERR T0412 Argument 1 of function \"sum\" must be an array of \"numbers\"");
}
TEST(Functions, Count) {
  EXPECT_EQ(run("$count([1,2])"), "2");
  EXPECT_EQ(run("$count(nothing)"), "0");
}
TEST(Functions, Max) {
  EXPECT_EQ(run("$max([1,5,3])"), "5");
  EXPECT_EQ(run("$max([])"), "UNDEFINED");
}
TEST(Functions, Min) {
  EXPECT_EQ(run("$min([4,-1,3])"), "-1");
}
TEST(Functions, Average) {
  EXPECT_EQ(run("$average([1,2,3,4])"), "2.5");
  EXPECT_EQ(run("$average([])"), "UNDEFINED");
}

TEST(Functions, String) {
  EXPECT_EQ(run("$string(1/3)"), "\"0.333333333333333\"");
  EXPECT_EQ(run("$string(12345678901234567)"), "\"12345678901234600\"");
  EXPECT_EQ(run("$string([1,$string])"), "\"[1,\\\"\\\"]\"");
  EXPECT_EQ(run("$string({\"a\":[1,null]}, true)"),
            "\"{\\n  \\\"a\\\": [\\n    1,\\n    null\\n  ]\\n}\"");
  EXPECT_EQ(run("$string(nothing)"), "UNDEFINED");
}

TEST(Functions, Substring) {
  EXPECT_EQ(run("$substring(\"hello\", 1, 3)"), "\"ell\"");
  EXPECT_EQ(run("$substring(\"hello\", -3)"), "\"llo\"");
  EXPECT_EQ(run("$substring(\"hello\", -3, 2)"), "\"ll\"");
  EXPECT_EQ(run("$substring(\"hello\", \"a\")"),
            "ERR T0410 Argument 2 of function \"substring\" does not match function signature");
  EXPECT_EQ(run("$substring()"),
            "ERR T0410 Argument 1 of function \"substring\" does not match function signature");
}
TEST(Functions, SubstringBefore) {
  EXPECT_EQ(run("$substringBefore(\"a-b-c\", \"-\")"), "\"a\"");
}
TEST(Functions, SubstringAfter) {
  EXPECT_EQ(run("$substringAfter(\"a-b-c\", \"-\")"), "\"b-c\"");
}
TEST(Functions, Lowercase) {
  EXPECT_EQ(run("$lowercase(\"AbÉ\")"), "\"ab\xc3\xa9\"");
}
TEST(Functions, Uppercase) {
  EXPECT_EQ(run("$uppercase(\"abé\")"), "\"AB\xc3\x89\"");
  EXPECT_EQ(
      run("$uppercase()"),
      "ERR T0411 Context value is not a compatible type with argument 1 of function \"uppercase\"");
  EXPECT_EQ(run("name.$uppercase()", R"({"name":"x"})"), "\"X\"");
}
TEST(Functions, Length) {
  EXPECT_EQ(run("$length(\"h\xc3\xa9llo\")"), "5");
}
TEST(Functions, Trim) {
  EXPECT_EQ(run("$trim(\"  a  b \")"), "\"a b\"");
}
TEST(Functions, Pad) {
  EXPECT_EQ(run("$pad(\"x\", -5, \"ab\")"), "\"ababx\"");
  EXPECT_EQ(run("$pad(\"x\", 3)"), "\"x  \"");
}
TEST(Functions, Contains) {
  EXPECT_EQ(run("$contains(\"abc\", \"b\")"), "true");
  EXPECT_EQ(run("$contains(\"abc\", /B/i)"), "true");
}
TEST(Functions, Match) {
  EXPECT_EQ(
      run("$match(\"ab12cd3\", /[0-9]+/)"),
      "[{\"match\":\"12\",\"index\":2,\"groups\":[]},{\"match\":\"3\",\"index\":6,\"groups\":[]}]");
  EXPECT_EQ(run("$match(\"a\", /a/, -1)"),
            "ERR D3040 Third argument of match function must evaluate to a positive number");
}
TEST(Functions, Replace) {
  EXPECT_EQ(run("$replace(\"a-b-c\", \"-\", \"+\", 1)"), "\"a+b-c\"");
  EXPECT_EQ(run("$replace(\"John Smith\", /(\\w+)\\s(\\w+)/, \"$2, $1\")"), "\"Smith, John\"");
  EXPECT_EQ(run("$replace(\"abc\", \"\", \"x\")"),
            "ERR D3010 Second argument of replace function cannot be an empty string");
}
TEST(Functions, Split) {
  EXPECT_EQ(run("$split(\"a,b,c\", \",\", 2)"), "[\"a\",\"b\"]");
  EXPECT_EQ(run("$split(\"a1b22c\", /[0-9]+/)"), "[\"a\",\"b\",\"c\"]");
}
TEST(Functions, Join) {
  EXPECT_EQ(run("$join([\"a\",\"b\"], \"-\")"), "\"a-b\"");
}

TEST(Functions, FormatNumber) {
  EXPECT_EQ(run("$formatNumber(1234.5678, \"#,##0.00\")"), "\"1,234.57\"");
  EXPECT_EQ(run("$formatNumber(0.14, \"#%\")"), "\"14%\"");
  EXPECT_EQ(run("$formatNumber(-12, \"000\")"), "\"-012\"");
}
TEST(Functions, FormatBase) {
  EXPECT_EQ(run("$formatBase(255, 16)"), "\"ff\"");
}
TEST(Functions, FormatInteger) {
  EXPECT_EQ(run("$formatInteger(1234, \"#,##0\")"), "\"1,234\"");
  EXPECT_EQ(run("$formatInteger(21, \"w\")"), "\"twenty-one\"");
  EXPECT_EQ(run("$formatInteger(1999, \"I\")"), "\"MCMXCIX\"");
}
TEST(Functions, ParseInteger) {
  EXPECT_EQ(run("$parseInteger(\"1,234\", \"#,##0\")"), "1234");
}
TEST(Functions, Number) {
  EXPECT_EQ(run("$number(\"0x1F\")"), "31");
  EXPECT_EQ(run("$number(\"1.5e2\")"), "150");
  EXPECT_EQ(run("$number(\"abc\")"), "ERR D3030 Unable to cast value to a number: \"abc\"");
}
TEST(Functions, Floor) {
  EXPECT_EQ(run("$floor(-1.5)"), "-2");
}
TEST(Functions, Ceil) {
  EXPECT_EQ(run("$ceil(1.2)"), "2");
}
TEST(Functions, Round) {
  EXPECT_EQ(run("$round(2.5)"), "2");
  EXPECT_EQ(run("$round(3.5)"), "4");
  EXPECT_EQ(run("$round(1.255, 2)"), "1.26");
  EXPECT_EQ(run("$round(1234, -2)"), "1200");
}
TEST(Functions, Abs) {
  EXPECT_EQ(run("$abs(-3)"), "3");
}
TEST(Functions, Sqrt) {
  EXPECT_EQ(run("$sqrt(16)"), "4");
  EXPECT_EQ(run("$sqrt(-1)"),
            "ERR D3060 The sqrt function cannot be applied to a negative number: -1");
}
TEST(Functions, Power) {
  EXPECT_EQ(run("$power(2, 10)"), "1024");
}
TEST(Functions, Random) {
  EXPECT_EQ(run("$random()"), "0.5");
}
TEST(Functions, Boolean) {
  EXPECT_EQ(run("$boolean([0,\"\"])"), "false");
  EXPECT_EQ(run("$boolean({\"a\":1})"), "true");
}
TEST(Functions, Not) {
  EXPECT_EQ(run("$not(\"\")"), "true");
}

TEST(Functions, Map) {
  EXPECT_EQ(run("$map([1,2,3], function($v){$v*2})"), "[2,4,6]");
  EXPECT_EQ(run("$map([1,2], function($v,$i){$i})"), "[0,1]");
  EXPECT_EQ(run("$map([\"a\"], $uppercase)"), "\"A\"");
}
TEST(Functions, Zip) {
  EXPECT_EQ(run("$zip([1,2],[3])"), "[[1,3]]");
}
TEST(Functions, Filter) {
  EXPECT_EQ(run("$filter([1,2,3,4], function($v){$v%2=0})"), "[2,4]");
}
TEST(Functions, Single) {
  EXPECT_EQ(run("$single([1,2,3], function($v){$v=2})"), "2");
  EXPECT_EQ(run("$single([1,2], function($v){$v>0})"),
            "ERR D3138 The $single() function expected exactly 1 matching result.  Instead it "
            "matched more.");
}
TEST(Functions, Reduce) {
  EXPECT_EQ(run("$reduce([1,2,3], function($a,$b){$a+$b})"), "6");
  EXPECT_EQ(run("$reduce([1,2,3], function($a,$b){$a+$b}, 10)"), "16");
}
TEST(Functions, Sift) {
  EXPECT_EQ(run("$sift({\"a\":1,\"b\":2}, function($v){$v>1})"), "{\"b\":2}");
}
TEST(Functions, Keys) {
  EXPECT_EQ(run("$keys([{\"a\":1},{\"b\":2,\"a\":3}])"), "[\"a\",\"b\"]");
}
TEST(Functions, Lookup) {
  EXPECT_EQ(run("$lookup([{\"a\":1},{\"a\":[2,3]}], \"a\")"), "[1,2,3]");
}
TEST(Functions, Append) {
  EXPECT_EQ(run("$append(1, [2])"), "[1,2]");
}
TEST(Functions, Exists) {
  EXPECT_EQ(run("$exists(nothing)"), "false");
}
TEST(Functions, Spread) {
  EXPECT_EQ(run("$spread({\"a\":1,\"b\":2})"), "[{\"a\":1},{\"b\":2}]");
}
TEST(Functions, Merge) {
  EXPECT_EQ(run("$merge([{\"a\":1},{\"a\":2,\"b\":3}])"), "{\"a\":2,\"b\":3}");
}
TEST(Functions, Reverse) {
  EXPECT_EQ(run("$reverse([1,2,3])"), "[3,2,1]");
}
TEST(Functions, Each) {
  EXPECT_EQ(run("$each({\"a\":1}, function($v,$k){$k&$v})"), "\"a1\"");
}
TEST(Functions, Error) {
  EXPECT_EQ(run("$error(\"boom\")"), "ERR D3137 boom");
}
TEST(Functions, Assert) {
  EXPECT_EQ(run("$assert(false, \"bad\")"), "ERR D3141 bad");
  EXPECT_EQ(run("$assert(true)"), "UNDEFINED");
}
TEST(Functions, Type) {
  EXPECT_EQ(run("$type(null)"), "\"null\"");
  EXPECT_EQ(run("$type($sum)"), "\"function\"");
}
TEST(Functions, Sort) {
  EXPECT_EQ(run("$sort([3,1,2])"), "[1,2,3]");
  EXPECT_EQ(run("$sort([\"b\",\"a\"], function($a,$b){$a<$b})"), "[\"b\",\"a\"]");
  EXPECT_EQ(run("$sort([1,\"a\"])").substr(0, 9), "ERR D3070");
}
TEST(Functions, Shuffle) {
  EXPECT_EQ(run("$count($shuffle([1,2,3]))"), "3");
}
TEST(Functions, Distinct) {
  EXPECT_EQ(run("$distinct([1,[1],1,{\"a\":1},{\"a\":1}])"), "[1,[1],{\"a\":1}]");
}
TEST(Functions, Base64encode) {
  EXPECT_EQ(run("$base64encode(\"hello\")"), "\"aGVsbG8=\"");
}
TEST(Functions, Base64decode) {
  EXPECT_EQ(run("$base64decode(\"aGVsbG8=\")"), "\"hello\"");
}
TEST(Functions, EncodeUrlComponent) {
  EXPECT_EQ(run("$encodeUrlComponent(\"a b/\xc3\xa9\")"), "\"a%20b%2F%C3%A9\"");
}
TEST(Functions, EncodeUrl) {
  EXPECT_EQ(run("$encodeUrl(\"http://x/a b?q=1\")"), "\"http://x/a%20b?q=1\"");
}
TEST(Functions, DecodeUrlComponent) {
  EXPECT_EQ(run("$decodeUrlComponent(\"a%20b%2F\")"), "\"a b/\"");
}
TEST(Functions, DecodeUrl) {
  EXPECT_EQ(run("$decodeUrl(\"a%20b%2F\")"), "\"a b%2F\"");
  EXPECT_EQ(run("$decodeUrl(\"%E0%A4%A\")"),
            "ERR D3140 Malformed URL passed to $decodeUrl(): \"%E0%A4%A\"");
}
TEST(Functions, Eval) {
  EXPECT_EQ(run("$eval(\"1+2\")"), "3");
}
TEST(Functions, ToMillis) {
  EXPECT_EQ(run("$toMillis(\"2017-11-07T15:12:37.121Z\")"), "1510067557121");
  EXPECT_EQ(run("$toMillis(\"x\")").substr(0, 9), "ERR D3110");
}
TEST(Functions, FromMillis) {
  EXPECT_EQ(run("$fromMillis(1510067557121)"), "\"2017-11-07T15:12:37.121Z\"");
  EXPECT_EQ(run("$fromMillis(1510067557121, \"[Y0001]-[M01]-[D01] [H01]:[m01]\", \"-0500\")"),
            "\"2017-11-07 10:12\"");
  EXPECT_EQ(run("$fromMillis(0, \"[FNn], [D1o] [MNn] [Y] [h]:[m01][P] [z]\")"),
            "\"Thursday, 1st January 1970 12:00am GMT+00:00\"");
}
TEST(Functions, Clone) {
  EXPECT_EQ(run("$clone({\"a\":[1]})"), "{\"a\":[1]}");
}
TEST(Functions, Now) {
  EXPECT_EQ(run("$now()"), "\"2017-11-07T15:12:37.121Z\"");
}
TEST(Functions, Millis) {
  EXPECT_EQ(run("$millis()"), "1510067557121");
}

TEST(StepFunctions, Partition) {
  EXPECT_EQ(sfn("$partition([0,1,2,3], 3)"), "[[0,1,2],[3]]");
  EXPECT_EQ(sfn("$partition([0], 1)"), "[[0]]");
}
TEST(StepFunctions, Range) {
  EXPECT_EQ(sfn("$range(0, 10, 3)"), "[0,3,6,9]");
  EXPECT_EQ(sfn("$range(1, 9, 9)"), "1");
  EXPECT_EQ(sfn("$range(5, 1, -2)"), "[5,3,1]");
}
TEST(StepFunctions, Hash) {
  EXPECT_EQ(sfn("$hash(\"abc\", \"MD5\")"), "\"900150983cd24fb0d6963f7d28e17f72\"");
  EXPECT_EQ(sfn("$hash(\"abc\", \"SHA-256\")"),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
}
TEST(StepFunctions, SeededRandom) {
  EXPECT_EQ(sfn("$random(7) = $random(7)"), "true");
  EXPECT_EQ(sfn("$random()"), "0.5");
}
TEST(StepFunctions, Uuid) {
  EXPECT_EQ(sfn("$uuid()"), "\"11111111-2222-4333-8444-555555555555\"");
}
TEST(StepFunctions, Parse) {
  EXPECT_EQ(sfn("$parse(\"-0\")"), "0");
  EXPECT_EQ(sfn("$parse(\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\")"), "{\"Arg1\":1,\"Arg2\":[]}");
  EXPECT_EQ(sfn("$parse(\"{\")").substr(0, 3), "ERR");
  EXPECT_EQ(sfn("$eval(\"1\")").substr(0, 3), "ERR");
}

}  // namespace
}  // namespace wflint::jsonata
