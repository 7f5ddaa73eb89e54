#include <gtest/gtest.h>

#include <random>
#include <string>

#include "run/intrinsic_eval.h"
#include "run/jsonpath.h"

namespace wflint::run {
namespace {

class IntrinsicEvalTest : public ::testing::Test {
 protected:
  // The compact JSON of the result, or "<error>: <cause>".
  std::string eval(std::string_view text) {
    IntrinsicEnvironment env{&random_, &input_};
    const PathLookup lookup = [this](const lang::Path& path,
                                     std::string_view) -> std::optional<Json> {
      return resolve(path);
    };
    const Outcome<Json> result = evaluate_intrinsic(text, lookup, env);
    if (!result.ok()) return result.error().error + ": " + result.error().cause;
    return to_text(result.value());
  }

  // The error name of a failed evaluation, or "ok".
  std::string error_of(std::string_view text) {
    const std::string out = eval(text);
    const std::size_t colon = out.find(": ");
    return out.starts_with("States.") && colon != std::string::npos ? out.substr(0, colon) : "ok";
  }

  void set_input(std::string_view json) { input_ = Json::parse(json); }

  std::mt19937_64 random_{7};

 private:
  // Follows field segments only: enough for these tests.
  std::optional<Json> resolve(const lang::Path& path) const {
    const Json* node = path.root == lang::PathRoot::Context ? &context_ : &input_;
    for (const lang::PathSegment& segment : path.segments) {
      if (segment.kind != lang::SegmentKind::Field || !node->is_object()) return std::nullopt;
      const auto member = node->find(segment.name);
      if (member == node->end()) return std::nullopt;
      node = &*member;
    }
    return *node;
  }

  Json input_ = Json::parse(R"({
    "word": "tea", "empty": "", "space": " ", "count": 4, "ratio": 2.25, "yes": true,
    "nothing": null, "list": [10, 20, 30], "obj": {"k": 1, "inner": ["x", {"z": null}]},
    "json_text": "{\"n\": 1.0, \"s\": [true]}", "template": "<{}|{}>"
  })");
  Json context_ = Json::parse(R"({"Execution": {"Name": "run-42"}})");
};

// States.Format

TEST_F(IntrinsicEvalTest, FormatRendersStringsBareAndScalarsAsJson) {
  EXPECT_EQ(eval("States.Format('[{}][{}][{}]', $.word, $.empty, $.space)"), R"("[tea][][ ]")");
  EXPECT_EQ(eval("States.Format('{} {} {} {}', $.count, $.ratio, $.yes, $.nothing)"),
            R"("4 2.25 true null")");
  EXPECT_EQ(eval("States.Format('{}', $.json_text)"), R"("{\"n\": 1.0, \"s\": [true]}")");
}

TEST_F(IntrinsicEvalTest, FormatRendersObjectsAndArraysJavaStyle) {
  EXPECT_EQ(eval("States.Format('{}', $.obj)"), R"("{k=1, inner=[x, {z=null}]}")");
  EXPECT_EQ(eval("States.Format('{}', $.list)"), R"("[10, 20, 30]")");
  EXPECT_EQ(eval("States.Format('{}', States.Array())"), R"("[]")");
}

TEST_F(IntrinsicEvalTest, FormatKeepsEscapedBracesLiteral) {
  EXPECT_EQ(eval(R"(States.Format('\{} {} \\ it\'s', $.word))"), R"("{} tea \\ it's")");
  EXPECT_EQ(eval(R"(States.Format('{\}'))"), R"("{}")");
  EXPECT_EQ(eval(R"(States.Format('{{}}', 1))"), R"("{1}")");
}

TEST_F(IntrinsicEvalTest, FormatTakesItsTemplateFromAPath) {
  EXPECT_EQ(eval("States.Format($.template, 1, 'b')"), R"("<1|b>")");
  EXPECT_EQ(error_of("States.Format($.count)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, FormatNeedsOneValuePerPlaceholder) {
  EXPECT_EQ(eval("States.Format($.template, 1)"),
            "States.IntrinsicFailure: The function 'States.Format($.template, 1)' had the "
            "following error: the template of States.Format has 2 placeholders but 1 value is "
            "given");
  EXPECT_EQ(error_of("States.Format('none', 1)"), "States.IntrinsicFailure");
}

// States.StringToJson and States.JsonToString

TEST_F(IntrinsicEvalTest, StringToJsonParsesAndKeepsNumberSpelling) {
  EXPECT_EQ(eval("States.StringToJson($.json_text)"), R"({"n":1.0,"s":[true]})");
  EXPECT_EQ(eval("States.StringToJson('-0')"), "0");
  EXPECT_EQ(eval("States.StringToJson('12')"), "12");
  EXPECT_EQ(eval("States.StringToJson('0.5')"), "0.5");
  EXPECT_EQ(eval("States.StringToJson('\"quoted\"')"), R"("quoted")");
  EXPECT_EQ(eval("States.StringToJson(' false ')"), "false");
}

TEST_F(IntrinsicEvalTest, StringToJsonOfBlankTextIsNull) {
  EXPECT_EQ(eval("States.StringToJson($.empty)"), "null");
  EXPECT_EQ(eval("States.StringToJson($.space)"), "null");
  EXPECT_EQ(eval("States.StringToJson('null')"), "null");
}

TEST_F(IntrinsicEvalTest, StringToJsonRejectsInvalidTextAndNonStrings) {
  EXPECT_EQ(error_of("States.StringToJson('{oops')"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.StringToJson('1 2')"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.StringToJson($.count)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, StringToJsonBoundsNesting) {
  set_input(R"({"deep": ")" + std::string(5000, '[') + std::string(5000, ']') + R"("})");
  EXPECT_EQ(error_of("States.StringToJson($.deep)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, JsonToStringIsCompact) {
  EXPECT_EQ(eval("States.JsonToString($.obj)"), R"("{\"k\":1,\"inner\":[\"x\",{\"z\":null}]}")");
  EXPECT_EQ(eval("States.JsonToString($.word)"), R"("\"tea\"")");
  EXPECT_EQ(eval("States.JsonToString($.ratio)"), R"("2.25")");
  EXPECT_EQ(eval("States.JsonToString($.nothing)"), R"("null")");
}

// Arrays

TEST_F(IntrinsicEvalTest, ArrayCollectsItsArguments) {
  EXPECT_EQ(eval("States.Array()"), "[]");
  EXPECT_EQ(eval("States.Array('a', 2, 2.5, true, null, $.list)"),
            R"(["a",2,2.5,true,null,[10,20,30]])");
}

TEST_F(IntrinsicEvalTest, ArrayPartitionMakesChunksWithAShorterLastOne) {
  EXPECT_EQ(eval("States.ArrayPartition(States.Array(1, 2, 3, 4, 5), 2)"), "[[1,2],[3,4],[5]]");
  EXPECT_EQ(eval("States.ArrayPartition($.list, 7)"), "[[10,20,30]]");
  EXPECT_EQ(eval("States.ArrayPartition(States.Array(), 3)"), "[]");
  EXPECT_EQ(eval("States.ArrayPartition($.list, 1.0)"), "[[10],[20],[30]]");
}

TEST_F(IntrinsicEvalTest, ArrayPartitionNeedsAPositiveIntegerSize) {
  EXPECT_EQ(error_of("States.ArrayPartition($.list, 0)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayPartition($.list, 1.5)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayPartition($.word, 1)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayContainsComparesDeeply) {
  EXPECT_EQ(eval("States.ArrayContains($.list, 20)"), "true");
  EXPECT_EQ(eval("States.ArrayContains($.list, 20.0)"), "true");
  EXPECT_EQ(eval("States.ArrayContains($.list, '20')"), "false");
  EXPECT_EQ(eval("States.ArrayContains(States.Array($.obj), $.obj)"), "true");
  EXPECT_EQ(eval("States.ArrayContains(States.Array(States.Array()), States.Array())"), "true");
  EXPECT_EQ(eval("States.ArrayContains(States.Array(), null)"), "false");
  EXPECT_EQ(eval("States.ArrayContains(States.Array(false), false)"), "true");
  EXPECT_EQ(error_of("States.ArrayContains($.obj, 1)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayRangeIncludesTheLastValueItReaches) {
  EXPECT_EQ(eval("States.ArrayRange(2, 10, 4)"), "[2,6,10]");
  EXPECT_EQ(eval("States.ArrayRange(2, 11, 4)"), "[2,6,10]");
  EXPECT_EQ(eval("States.ArrayRange(5, 5, 3)"), "[5]");
  EXPECT_EQ(eval("States.ArrayRange(3, 5, 8)"), "[3]");
  EXPECT_EQ(eval("States.ArrayRange(6, 0, -3)"), "[6,3,0]");
  EXPECT_EQ(eval("States.ArrayRange(0, 5, -1)"), "[]");
}

TEST_F(IntrinsicEvalTest, ArrayRangeHoldsAtMostAThousandItems) {
  EXPECT_EQ(eval("States.ArrayLength(States.ArrayRange(1, 1000, 1))"), "1000");
  EXPECT_EQ(eval("States.ArrayRange(0, 1000, 1)"),
            "States.IntrinsicFailure: The function 'States.ArrayRange(0, 1000, 1)' had the "
            "following error: States.ArrayRange would create 1001 items, more than the 1000 an "
            "array may hold");
  EXPECT_EQ(error_of("States.ArrayRange(-2147483648, 2147483647, 1)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayRangeNeedsIntegersAndANonZeroStep) {
  EXPECT_EQ(error_of("States.ArrayRange(1, 5, 0)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayRange(1.5, 5, 1)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayRange('1', 5, 1)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayRange(1, 3000000000, 1)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayGetItemReturnsTheItemAtAnIndex) {
  EXPECT_EQ(eval("States.ArrayGetItem($.list, 0)"), "10");
  EXPECT_EQ(eval("States.ArrayGetItem($.list, 2)"), "30");
  EXPECT_EQ(eval("States.ArrayGetItem(States.Array($.obj), 0)"),
            R"({"k":1,"inner":["x",{"z":null}]})");
}

TEST_F(IntrinsicEvalTest, ArrayGetItemRejectsIndexesOutsideTheArray) {
  EXPECT_EQ(eval("States.ArrayGetItem($.list, 3)"),
            "States.IntrinsicFailure: The function 'States.ArrayGetItem($.list, 3)' had the "
            "following error: index 3 of States.ArrayGetItem is out of bounds for an array of 3 "
            "items");
  EXPECT_EQ(error_of("States.ArrayGetItem($.list, -1)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.ArrayGetItem($.list, 0.5)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayLengthIsAnInteger) {
  EXPECT_EQ(eval("States.ArrayLength($.list)"), "3");
  EXPECT_EQ(eval("States.ArrayLength(States.Array())"), "0");
  EXPECT_EQ(error_of("States.ArrayLength($.word)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, ArrayUniqueKeepsFirstOccurrences) {
  set_input(R"({"items": [3, "3", 3, 1, 3.0, {"a": 1, "b": [2]}, {"b": [2], "a": 1},
                          {"a": 2}, [], [], [null], null, null, true, false, true]})");
  EXPECT_EQ(eval("States.ArrayUnique($.items)"),
            R"([3,"3",1,{"a":1,"b":[2]},{"a":2},[],[null],null,true,false])");
  EXPECT_EQ(eval("States.ArrayUnique(States.Array())"), "[]");
}

// Encoding and hashing

TEST_F(IntrinsicEvalTest, Base64EncodesUtf8Text) {
  EXPECT_EQ(eval("States.Base64Encode('Step')"), R"("U3RlcA==")");
  EXPECT_EQ(eval("States.Base64Encode('Steps')"), R"("U3RlcHM=")");
  EXPECT_EQ(eval("States.Base64Encode('Stepsy')"), R"("U3RlcHN5")");
  EXPECT_EQ(eval("States.Base64Encode($.empty)"), R"("")");
  EXPECT_EQ(eval("States.Base64Encode('é')"), R"("w6k=")");
}

TEST_F(IntrinsicEvalTest, Base64DecodesMimeText) {
  EXPECT_EQ(eval("States.Base64Decode('U3RlcHM=')"), R"("Steps")");
  EXPECT_EQ(eval("States.Base64Decode('U3Rl\ncHM=')"), R"("Steps")");
  EXPECT_EQ(eval("States.Base64Decode('U3RlcHM')"), R"("Steps")");
  EXPECT_EQ(eval("States.Base64Decode($.empty)"), R"("")");
  EXPECT_EQ(eval("States.Base64Decode('w6k=')"), R"("é")");
  EXPECT_EQ(eval("States.Base64Decode('/w==')"), R"("�")");  // a lone 0xFF byte
  EXPECT_EQ(error_of("States.Base64Decode('U3R=lcHM')"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.Base64Decode('U')"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.Base64Decode($.list)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, Base64TakesAtMostTenThousandCharacters) {
  set_input(R"({"max": ")" + std::string(10000, 'A') + R"(", "over": ")" + std::string(10001, 'A') +
            R"("})");
  EXPECT_EQ(error_of("States.Base64Encode($.max)"), "ok");
  EXPECT_EQ(error_of("States.Base64Decode($.max)"), "ok");
  EXPECT_EQ(eval("States.Base64Encode($.over)"),
            "States.IntrinsicFailure: The function 'States.Base64Encode($.over)' had the "
            "following error: argument 1 of States.Base64Encode has 10001 characters, more than "
            "the 10000 allowed");
  EXPECT_EQ(error_of("States.Base64Decode($.over)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, HashGivesLowercaseHex) {
  EXPECT_EQ(eval("States.Hash('abc', 'MD5')"), R"("900150983cd24fb0d6963f7d28e17f72")");
  EXPECT_EQ(eval("States.Hash('abc', 'SHA-1')"), R"("a9993e364706816aba3e25717850c26c9cd0d89d")");
  EXPECT_EQ(eval("States.Hash('abc', 'SHA-256')"),
            R"("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")");
  EXPECT_EQ(eval("States.Hash('abc', 'SHA-384')"),
            R"("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed)"
            R"(8086072ba1e7cc2358baeca134c825a7")");
  EXPECT_EQ(eval("States.Hash('abc', 'SHA-512')"),
            R"("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a)"
            R"(2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")");
}

TEST_F(IntrinsicEvalTest, HashRejectsUnknownAlgorithmsAndLongData) {
  EXPECT_EQ(error_of("States.Hash('abc', 'SHA256')"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.Hash('abc', $.count)"), "States.IntrinsicFailure");
  set_input(R"({"over": ")" + std::string(10001, 'x') + R"("})");
  EXPECT_EQ(error_of("States.Hash($.over, 'MD5')"), "States.IntrinsicFailure");
}

// Objects

TEST_F(IntrinsicEvalTest, JsonMergeIsShallow) {
  set_input(R"({"a": {"x": {"deep": 1}, "keep": 1, "same": 0},
                "b": {"x": {"other": 2}, "same": 9, "new": true}})");
  EXPECT_EQ(eval("States.JsonMerge($.a, $.b, false)"),
            R"({"x":{"other":2},"keep":1,"same":9,"new":true})");
  EXPECT_EQ(eval("States.JsonMerge(States.StringToJson('{}'), $.b, false)"),
            R"({"x":{"other":2},"same":9,"new":true})");
}

TEST_F(IntrinsicEvalTest, JsonMergeNeedsObjectsAndFalse) {
  set_input(R"({"a": {"k": 1}, "deep": true})");
  EXPECT_EQ(error_of("States.JsonMerge($.a, $.a, $.deep)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.JsonMerge($.a, States.Array(), false)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.JsonMerge($.a, $.a, 'false')"), "States.IntrinsicFailure");
}

// Numbers and identifiers

TEST_F(IntrinsicEvalTest, MathAddRoundsHalvesUpLikeJava) {
  EXPECT_EQ(eval("States.MathAdd(40, -2)"), "38");
  EXPECT_EQ(eval("States.MathAdd(4.5, 0)"), "5");
  EXPECT_EQ(eval("States.MathAdd(-4.5, 0)"), "-4");
  EXPECT_EQ(eval("States.MathAdd(-4.51, 0)"), "-5");
  EXPECT_EQ(eval("States.MathAdd(2.49, 2.49)"), "4");
  EXPECT_EQ(eval("States.MathAdd(-0.5, -0.5)"), "0");
  EXPECT_EQ(eval("States.MathAdd($.ratio, 1.0)"), "3");
  EXPECT_EQ(eval("States.MathAdd(2147483647, 2147483647)"), "4294967294");
}

TEST_F(IntrinsicEvalTest, MathAddNeedsJavaIntNumbers) {
  EXPECT_EQ(error_of("States.MathAdd('1', 2)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.MathAdd($.nothing, 2)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.MathAdd(2147483648, 0)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, MathRandomStaysWithinItsBounds) {
  for (int i = 0; i < 200; ++i) {
    const int value = std::stoi(eval("States.MathRandom(-3, 3)"));
    EXPECT_GE(value, -3);
    EXPECT_LE(value, 3);
  }
  EXPECT_EQ(eval("States.MathRandom(8, 8)"), "8");
  EXPECT_EQ(eval("States.MathRandom(7.5, 8.4)"), "8");
  EXPECT_EQ(error_of("States.MathRandom(9, 1)"), "States.IntrinsicFailure");
  EXPECT_EQ(error_of("States.MathRandom('1', 9)"), "States.IntrinsicFailure");
}

TEST_F(IntrinsicEvalTest, MathRandomWithASeedIsRepeatable) {
  const std::string first = eval("States.MathRandom(0, 1000000, 11)");
  EXPECT_EQ(eval("States.MathRandom(0, 1000000, 11)"), first);
  random_.seed(99);
  EXPECT_EQ(eval("States.MathRandom(0, 1000000, 11)"), first);
}

TEST_F(IntrinsicEvalTest, MathRandomWithoutASeedFollowsTheRunGenerator) {
  random_.seed(5);
  const std::string a = eval("States.MathRandom(0, 1000000)");
  const std::string b = eval("States.MathRandom(0, 1000000)");
  random_.seed(5);
  EXPECT_EQ(eval("States.MathRandom(0, 1000000)"), a);
  EXPECT_EQ(eval("States.MathRandom(0, 1000000)"), b);
}

TEST_F(IntrinsicEvalTest, StringSplitSplitsOnEachDelimiterCharacter) {
  EXPECT_EQ(eval("States.StringSplit('a-b_c', '-_')"), R"(["a","b","c"])");
  EXPECT_EQ(eval("States.StringSplit('--a--b-', '-')"), R"(["a","b"])");
  EXPECT_EQ(eval("States.StringSplit('---', '-')"), "[]");
  EXPECT_EQ(eval("States.StringSplit(' ; ', ';')"), R"([" "," "])");
  EXPECT_EQ(eval("States.StringSplit('no delimiter', ',')"), R"(["no delimiter"])");
  EXPECT_EQ(eval("States.StringSplit('one\ntwo\tthree', '\t\n')"), R"(["one","two","three"])");
  EXPECT_EQ(eval("States.StringSplit('x→y→z', '→')"), R"(["x","y","z"])");
  EXPECT_EQ(eval("States.StringSplit($$.Execution.Name, '-')"), R"(["run","42"])");
  EXPECT_EQ(error_of("States.StringSplit($.list, ',')"), "States.IntrinsicFailure");
}

// Lowercase 8-4-4-4-12 hex with version 4 and the RFC 4122 variant.
bool is_uuid_v4(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (c == '-')) return false;
    if (!dash && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return text[14] == '4' && std::string_view("89ab").find(text[19]) != std::string_view::npos;
}

TEST_F(IntrinsicEvalTest, UuidIsVersion4AndFollowsTheRunGenerator) {
  random_.seed(3);
  const std::string first = eval("States.UUID()");
  const std::string second = eval("States.UUID()");
  ASSERT_EQ(first.size(), 38u);
  EXPECT_TRUE(is_uuid_v4(first.substr(1, 36))) << first;
  EXPECT_NE(first, second);
  random_.seed(3);
  EXPECT_EQ(eval("States.UUID()"), first);
}

// Nesting and errors

TEST_F(IntrinsicEvalTest, NestedCallsFeedTheirResults) {
  EXPECT_EQ(eval("States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'), "
                 "States.MathAdd(States.ArrayLength(States.StringSplit($$.Execution.Name, '-')), "
                 "-1))"),
            R"("42")");
  EXPECT_EQ(eval("States.Format('{}', States.JsonToString(States.StringToJson('[1, 2.0]')))"),
            R"("[1,2.0]")");
}

TEST_F(IntrinsicEvalTest, APathThatSelectsNothingIsARuntimeError) {
  set_input(R"({"a": 1})");
  EXPECT_EQ(eval("States.Format('{} {}', $.a, $.b.c)"),
            "States.Runtime: The function 'States.Format('{} {}', $.a, $.b.c)' had the following "
            "error: The JsonPath argument for the field '$.b.c' could not be found in the input "
            "'{\"a\":1}'");
  EXPECT_EQ(eval("States.Array(States.Array($$.Execution.Missing))"),
            "States.Runtime: The function 'States.Array(States.Array($$.Execution.Missing))' had "
            "the following error: The JsonPath argument for the field '$.Execution.Missing' "
            "could not be found in the input '{\"a\":1}'");
}

TEST_F(IntrinsicEvalTest, APresentNullIsAValue) {
  EXPECT_EQ(eval("States.Array($.nothing)"), "[null]");
}

TEST_F(IntrinsicEvalTest, InvalidCallsAreRuntimeErrors) {
  EXPECT_EQ(eval("States.Nope(1)"),
            "States.Runtime: The function 'States.Nope(1)' had the following error: unknown "
            "function States.Nope");
  EXPECT_EQ(eval("States.ArrayLength($.list, 1)"),
            "States.Runtime: The function 'States.ArrayLength($.list, 1)' had the following "
            "error: States.ArrayLength takes 1 argument but is given 2");
  EXPECT_EQ(error_of("States.MathRandom(1)"), "States.Runtime");
  EXPECT_EQ(error_of("States.UUID(1)"), "States.Runtime");
  EXPECT_EQ(error_of("States.Format('x"), "States.Runtime");
  EXPECT_EQ(error_of(R"(States.Format('\n'))"), "States.Runtime");
}

TEST_F(IntrinsicEvalTest, AnArgumentErrorNamesTheWholeExpression) {
  EXPECT_EQ(eval("States.Array(States.ArrayLength($.word))"),
            "States.IntrinsicFailure: The function 'States.Array(States.ArrayLength($.word))' "
            "had the following error: argument 1 of States.ArrayLength must be an array, not the "
            "string \"tea\"");
}

TEST_F(IntrinsicEvalTest, AParsedCallCanBeEvaluatedDirectly) {
  const std::string text = "States.MathAdd($.count, 1)";
  const lang::IntrinsicResult parsed = lang::parse_intrinsic(text);
  ASSERT_TRUE(parsed.ok());
  const Json input = Json::parse(R"({"count": 41})");
  IntrinsicEnvironment env{nullptr, &input};
  const PathLookup lookup = [&](const lang::Path&, std::string_view) -> std::optional<Json> {
    return input["count"];
  };
  const Outcome<Json> result = evaluate_intrinsic(parsed.intrinsic, text, lookup, env);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(to_text(result.value()), "42");
}

// Found by fuzz_intrinsic: a path argument's offsets count in the whole call, and a lookup that
// read its bracket segments from the argument's own text ran past its end (`wflint run` aborted
// on States.Format('item {}', $.list[1])). This lookup reads brackets as the interpreter's does.
TEST(IntrinsicPathTextTest, BracketSegmentsOfAPathArgumentAreReadFromTheCall) {
  const Json input = Json::parse(R"({"list": ["a", "b"], "m": {"k x": 1}})");
  IntrinsicEnvironment env{nullptr, &input};
  const PathLookup lookup = [&](const lang::Path& path,
                                std::string_view text) -> std::optional<Json> {
    Outcome<Json> read = read_path(path, text, input);
    if (!read.ok()) return std::nullopt;
    return std::move(read.value());
  };
  const Outcome<Json> result =
      evaluate_intrinsic("States.Format('item {} {}', $.list[1], $.m['k x'])", lookup, env);
  ASSERT_TRUE(result.ok()) << result.error().cause;
  EXPECT_EQ(to_text(result.value()), R"("item b 1")");
}

}  // namespace
}  // namespace wflint::run
