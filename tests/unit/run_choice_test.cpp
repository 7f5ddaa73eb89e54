#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lang/path.h"
#include "load/loader.h"
#include "run/choice_eval.h"
#include "support/source.h"

#ifndef WFLINT_SOURCE_DIR
#define WFLINT_SOURCE_DIR "/work/main"
#endif

namespace wflint::run {
namespace {

namespace fs = std::filesystem;

// --- Test doubles ------------------------------------------------------------------------------

// The data a rule's paths read: "$..." the input, "$$..." the context object, "$name" variables.
struct Scope {
  Json input = Json::object();
  Json context = Json::object();
  Json variables = Json::object();
};

// A field/index-only path walk: enough for Choice rules, which use Reference Paths.
std::optional<Json> select(const Json& root, const lang::Path& path, std::string_view text) {
  const Json* at = &root;
  for (const lang::PathSegment& segment : path.segments) {
    if (segment.recursive) return std::nullopt;
    if (segment.kind == lang::SegmentKind::Field) {
      if (!at->is_object()) return std::nullopt;
      const auto member = at->find(segment.name);
      if (member == at->end()) return std::nullopt;
      at = &*member;
    } else if (segment.kind == lang::SegmentKind::Index) {
      const std::string written(text.substr(segment.offset + 1, segment.length - 2));
      const std::size_t index = std::stoul(written);
      if (!at->is_array() || index >= at->size()) return std::nullopt;
      at = &(*at)[index];
    } else {
      return std::nullopt;
    }
  }
  return *at;
}

PathLookup lookup_in(const Scope& scope) {
  return [&scope](const lang::Path& path, std::string_view text) -> std::optional<Json> {
    switch (path.root) {
      case lang::PathRoot::Input:
        return select(scope.input, path, text);
      case lang::PathRoot::Context:
        return select(scope.context, path, text);
      case lang::PathRoot::Variable: {
        const auto variable = scope.variables.find(path.variable);
        if (variable == scope.variables.end()) return std::nullopt;
        return select(*variable, path, text);
      }
    }
    return std::nullopt;
  };
}

// A definition fragment loaded from JSON text, kept alive with its source.
struct LoadedJson {
  std::unique_ptr<Source> source;
  std::vector<LoadedDocument> documents;

  explicit LoadedJson(std::string_view text)
      : source(Source::from_bytes("rule.json", text)),
        documents(load_documents(*source, Syntax::Json)) {}

  const Node* root() const {
    if (documents.size() != 1 || documents[0].document == nullptr) return nullptr;
    return documents[0].document->root();
  }
};

// "true", "false", or "States.Runtime: <cause>".
std::string verdict(const Node& rule, const Scope& scope) {
  const Outcome<bool> result = evaluate_choice_rule(rule, lookup_in(scope));
  if (!result.ok()) return result.error().error + ": " + result.error().cause;
  return result.value() ? "true" : "false";
}

std::string verdict(std::string_view rule_text, const Scope& scope) {
  const LoadedJson rule(rule_text);
  if (rule.root() == nullptr) return "rule text does not load";
  return verdict(*rule.root(), scope);
}

// The verdict of {"Variable": "$.v", <op>: <operand>} over the input {"v": <value>}; `value` and
// `operand` are JSON texts.
std::string test_value(std::string_view op, std::string_view operand, std::string_view value) {
  Scope scope;
  scope.input = Json::object({{"v", Json::parse(value)}});
  return verdict(std::string(R"({"Variable": "$.v", ")") + std::string(op) +
                     "\": " + std::string(operand) + "}",
                 scope);
}

// The same through the *Path form: {"Variable": "$.v", <op>Path: "$.w"} over {"v": .., "w": ..}.
std::string test_path(std::string_view op, std::string_view operand, std::string_view value) {
  Scope scope;
  scope.input = Json::object({{"v", Json::parse(value)}, {"w", Json::parse(operand)}});
  return verdict(std::string(R"({"Variable": "$.v", ")") + std::string(op) + R"(Path": "$.w"})",
                 scope);
}

// Both forms must agree; returns the literal form's verdict, or a note when they differ.
std::string test(std::string_view op, std::string_view operand, std::string_view value) {
  const std::string literal = test_value(op, operand, value);
  const std::string through_path = test_path(op, operand, value);
  if (literal != through_path) return literal + " (literal) vs " + through_path + " (Path)";
  return literal;
}

const std::vector<std::string> kNonStrings = {"null", "0",        "1.5", "true",         "false",
                                              "[]",   R"(["x"])", "{}",  R"({"x": "x"})"};
const std::vector<std::string> kNonNumbers = {"null", R"("1")", R"("")", "true",
                                              "[]",   "[1]",    "{}",    R"({"n": 1})"};

// --- String operators --------------------------------------------------------------------------

TEST(ChoiceStringTest, EqualsComparesExactly) {
  EXPECT_EQ(test("StringEquals", R"("Ready")", R"("Ready")"), "true");
  EXPECT_EQ(test("StringEquals", R"("Ready")", R"("ready")"), "false");  // no case folding
  EXPECT_EQ(test("StringEquals", R"("")", R"("")"), "true");
  EXPECT_EQ(test("StringEquals", R"("a b")", R"("a  b")"), "false");
  EXPECT_EQ(test("StringEquals", R"("x\r\n")", R"("x\n")"), "false");
  EXPECT_EQ(test("StringEquals", R"("\u0000")", R"("\u0000")"), "true");
  // No Unicode normalization: precomposed e-acute differs from e + combining acute.
  EXPECT_EQ(test("StringEquals", R"("\u00e9")", R"("e\u0301")"), "false");
}

TEST(ChoiceStringTest, WrongTypeIsFalseNotAnError) {
  for (const std::string& value : kNonStrings) {
    for (const char* op : {"StringEquals", "StringLessThan", "StringGreaterThan",
                           "StringLessThanEquals", "StringGreaterThanEquals"}) {
      EXPECT_EQ(test(op, R"("x")", value), "false") << op << " " << value;
    }
    EXPECT_EQ(test_value("StringMatches", R"("*")", value), "false") << value;
  }
  // The number 7 is not the string "7", whichever side holds it.
  EXPECT_EQ(test("StringEquals", R"("7")", "7"), "false");
  EXPECT_EQ(test_path("StringEquals", "7", R"("7")"), "false");
}

TEST(ChoiceStringTest, OrdersByCodePoint) {
  EXPECT_EQ(test("StringLessThan", R"("pear")", R"("apple")"), "true");
  EXPECT_EQ(test("StringLessThan", R"("app")", R"("apple")"), "false");
  EXPECT_EQ(test("StringLessThan", R"("apple")", R"("app")"), "true");  // a prefix sorts first
  EXPECT_EQ(test("StringGreaterThan", R"("a")", R"("B")"), "false");    // 'B' < 'a'
  EXPECT_EQ(test("StringGreaterThan", R"("")", R"(" ")"), "true");
  EXPECT_EQ(test("StringGreaterThan", R"("x")", R"("x\t")"), "true");
  EXPECT_EQ(test("StringLessThan", R"("x ")", R"("x\u0001")"), "true");  // control < space
  EXPECT_EQ(test("StringLessThanEquals", R"("k")", R"("k")"), "true");
  EXPECT_EQ(test("StringLessThanEquals", R"("k")", R"("l")"), "false");
  EXPECT_EQ(test("StringGreaterThanEquals", R"("k")", R"("k")"), "true");
  EXPECT_EQ(test("StringGreaterThanEquals", R"("l")", R"("k")"), "false");
  EXPECT_EQ(test("StringGreaterThan", R"("k")", R"("k")"), "false");
  EXPECT_EQ(test("StringLessThan", R"("k")", R"("k")"), "false");
  // Non-ASCII sorts after ASCII, by code point.
  EXPECT_EQ(test("StringGreaterThan", R"("z")", R"("\u00e9")"), "true");
  // U+1F600 is above U+FF5E by code point (Java's UTF-16 order would say the opposite).
  EXPECT_EQ(test("StringGreaterThan", R"("\uff5e")", R"("\ud83d\ude00")"), "true");
}

TEST(ChoiceStringTest, MatchesWithStarWildcard) {
  const auto matches = [](std::string_view pattern, std::string_view value) {
    return test_value("StringMatches", pattern, value);
  };
  EXPECT_EQ(matches(R"("*.csv")", R"("report.csv")"), "true");
  EXPECT_EQ(matches(R"("*.csv")", R"("report.csv.bak")"), "false");
  EXPECT_EQ(matches(R"("log-*")", R"("log-")"), "true");  // '*' matches nothing too
  EXPECT_EQ(matches(R"("log-*-end")", R"("log-a-b-end")"), "true");
  EXPECT_EQ(matches(R"("log-*-end")", R"("log-end")"), "false");  // pieces must not overlap
  EXPECT_EQ(matches(R"("a*b*c")", R"("abc")"), "true");
  EXPECT_EQ(matches(R"("a*b*c")", R"("acb")"), "false");
  EXPECT_EQ(matches(R"("*")", R"("")"), "true");
  EXPECT_EQ(matches(R"("**")", R"("anything")"), "true");
  EXPECT_EQ(matches(R"("")", R"("")"), "true");
  EXPECT_EQ(matches(R"("")", R"("x")"), "false");
  EXPECT_EQ(matches(R"("exact")", R"("exact")"), "true");
  EXPECT_EQ(matches(R"("Exact")", R"("exact")"), "false");
  EXPECT_EQ(matches(R"("?")", R"("x")"), "false");  // only '*' is special
  EXPECT_EQ(matches(R"("[ab]")", R"("[ab]")"), "true");
  EXPECT_EQ(matches(R"("*\u00e9*")", R"("caf\u00e9s")"), "true");
}

TEST(ChoiceStringTest, MatchesEscapes) {
  const auto matches = [](std::string_view pattern, std::string_view value) {
    return test_value("StringMatches", pattern, value);
  };
  // JSON "\\*" is the pattern \* : a literal star.
  EXPECT_EQ(matches(R"("a\\*b")", R"("a*b")"), "true");
  EXPECT_EQ(matches(R"("a\\*b")", R"("axb")"), "false");
  EXPECT_EQ(matches(R"("\\**")", R"("*rest")"), "true");
  EXPECT_EQ(matches(R"("\\**")", R"("rest")"), "false");
  // JSON "\\\\" is the pattern \\ : a literal backslash.
  EXPECT_EQ(matches(R"("C:\\\\*")", R"("C:\\dir")"), "true");
  EXPECT_EQ(matches(R"("C:\\\\*")", R"("C:dir")"), "false");
  // \\ then * : a backslash, then the wildcard.
  EXPECT_EQ(matches(R"("x\\\\*")", R"("x\\anything")"), "true");
  // A backslash before another character keeps that character.
  EXPECT_EQ(matches(R"("\\a")", R"("a")"), "true");
}

TEST(ChoiceStringTest, MatchesRejectsAnUnpairedBackslash) {
  EXPECT_EQ(test_value("StringMatches", R"("abc\\")", R"("abc")"),
            "States.Runtime: The StringMatches pattern 'abc\\' ends with an unpaired escape "
            "character '\\'.");
}

TEST(ChoiceStringTest, MatchesWithoutBacktrackingBlowUp) {
  // A pattern of many stars over a long text that almost matches: exponential for a naive
  // backtracking matcher.
  std::string pattern = "\"x*";
  for (int i = 0; i < 2000; ++i)
    pattern += "a*";
  pattern += "b*y\"";
  const std::string text = "\"x" + std::string(200'000, 'a') + "y\"";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(test_value("StringMatches", pattern, text), "false");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

// --- Numeric operators -------------------------------------------------------------------------

TEST(ChoiceNumericTest, EqualsByValue) {
  EXPECT_EQ(test("NumericEquals", "7", "7"), "true");
  EXPECT_EQ(test("NumericEquals", "7", "7.0"), "true");
  EXPECT_EQ(test("NumericEquals", "7.0", "7"), "true");
  EXPECT_EQ(test("NumericEquals", "0", "-0.0"), "true");
  EXPECT_EQ(test("NumericEquals", "0.0", "0"), "true");
  EXPECT_EQ(test("NumericEquals", "7", "7.25"), "false");
  EXPECT_EQ(test("NumericEquals", "3.75", "3.75"), "true");
  EXPECT_EQ(test("NumericEquals", "-12", "-12"), "true");
  EXPECT_EQ(test("NumericEquals", "1e3", "1000"), "true");
  EXPECT_EQ(test("NumericEquals", "0.1", "0.1"), "true");
}

TEST(ChoiceNumericTest, ComparesAsDoubles) {
  // 2^53 + 1 is not a double: it rounds to 2^53.
  EXPECT_EQ(test("NumericEquals", "9007199254740993", "9007199254740992"), "true");
  EXPECT_EQ(test("NumericGreaterThan", "-1", "18446744073709551615"), "true");
  EXPECT_EQ(test("NumericLessThan", "0", "-9223372036854775808"), "true");
}

TEST(ChoiceNumericTest, Orders) {
  EXPECT_EQ(test("NumericLessThan", "10", "9.5"), "true");
  EXPECT_EQ(test("NumericLessThan", "10", "10"), "false");
  EXPECT_EQ(test("NumericLessThan", "10", "10.0"), "false");
  EXPECT_EQ(test("NumericGreaterThan", "-3", "-2"), "true");
  EXPECT_EQ(test("NumericGreaterThan", "-3", "-3.0"), "false");
  EXPECT_EQ(test("NumericLessThanEquals", "4", "4.0"), "true");
  EXPECT_EQ(test("NumericLessThanEquals", "4", "4.01"), "false");
  EXPECT_EQ(test("NumericGreaterThanEquals", "4.0", "4"), "true");
  EXPECT_EQ(test("NumericGreaterThanEquals", "4", "3.99"), "false");
}

TEST(ChoiceNumericTest, WrongTypeIsFalseNotAnError) {
  for (const std::string& value : kNonNumbers) {
    for (const char* op : {"NumericEquals", "NumericLessThan", "NumericGreaterThan",
                           "NumericLessThanEquals", "NumericGreaterThanEquals"}) {
      EXPECT_EQ(test(op, "1", value), "false") << op << " " << value;
    }
  }
  EXPECT_EQ(test_path("NumericEquals", R"("5")", "5"), "false");  // the operand's type too
}

// --- Boolean operators -------------------------------------------------------------------------

TEST(ChoiceBooleanTest, EqualsOnlyRealBooleans) {
  EXPECT_EQ(test("BooleanEquals", "true", "true"), "true");
  EXPECT_EQ(test("BooleanEquals", "false", "false"), "true");
  EXPECT_EQ(test("BooleanEquals", "true", "false"), "false");
  EXPECT_EQ(test("BooleanEquals", "false", "true"), "false");
  for (const char* value :
       {"null", "0", "1", "0.0", R"("true")", R"("false")", R"("")", "[]", "[true]", "{}"}) {
    EXPECT_EQ(test("BooleanEquals", "true", value), "false") << value;
    EXPECT_EQ(test("BooleanEquals", "false", value), "false") << value;
  }
  EXPECT_EQ(test_path("BooleanEquals", "1", "true"), "false");
}

// --- Timestamp operators -----------------------------------------------------------------------

TEST(ChoiceTimestampTest, ComparesInstantsAcrossOffsets) {
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-06-01T12:00:00Z")"),
            "true");
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-06-01T14:30:00+02:30")"),
            "true");
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-05-31T23:00:00-13:00")"),
            "true");
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-06-01T12:00:00.000Z")"),
            "true");
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-06-01T12:00:01Z")"),
            "false");
  EXPECT_EQ(test("TimestampEquals", R"("2021-06-01T12:00:00Z")", R"("2021-06-01T12:00:00+01:00")"),
            "false");
}

TEST(ChoiceTimestampTest, OrdersWithFractions) {
  const char* base = R"("2021-06-01T12:00:00Z")";
  EXPECT_EQ(test("TimestampGreaterThan", base, R"("2021-06-01T12:00:00.000000001Z")"), "true");
  EXPECT_EQ(test("TimestampGreaterThan", base, R"("2021-06-01T12:00:00Z")"), "false");
  EXPECT_EQ(test("TimestampLessThan", base, R"("2021-06-01T11:59:59.999Z")"), "true");
  EXPECT_EQ(test("TimestampLessThan", base, R"("2021-06-01T13:00:00+01:00")"), "false");
  EXPECT_EQ(test("TimestampLessThanEquals", base, R"("2021-06-01T13:00:00+01:00")"), "true");
  EXPECT_EQ(test("TimestampLessThanEquals", base, R"("2021-06-01T12:00:00.5Z")"), "false");
  EXPECT_EQ(test("TimestampGreaterThanEquals", base, R"("2021-06-01T12:00:00.5Z")"), "true");
  EXPECT_EQ(test("TimestampGreaterThanEquals", base, R"("2021-06-01T11:00:00Z")"), "false");
  // Beyond the nanosecond Timestamp range, still exact.
  EXPECT_EQ(test("TimestampLessThan", R"("9999-12-31T23:59:59Z")", R"("9000-01-01T00:00:00Z")"),
            "true");
  EXPECT_EQ(test("TimestampGreaterThan", R"("0001-01-01T00:00:00Z")", R"("0001-01-01T00:00:01Z")"),
            "true");
}

TEST(ChoiceTimestampTest, NonTimestampsAreFalse) {
  const char* valid = R"("2021-06-01T12:00:00Z")";
  for (const char* value :
       {R"("2021-06-01T12:00:00")", R"("2021-06-01 12:00:00Z")", R"("2021-06-01")",
        R"("2021-13-01T12:00:00Z")", R"("2021-06-01t12:00:00z")", R"("")", R"(" ")",
        R"("2021-06-01T12:00:00Z ")", "null", "0", "1.5", "true", "[]", "{}"}) {
    for (const char* op : {"TimestampEquals", "TimestampLessThan", "TimestampGreaterThan",
                           "TimestampLessThanEquals", "TimestampGreaterThanEquals"}) {
      EXPECT_EQ(test(op, valid, value), "false") << op << " " << value;
      EXPECT_EQ(test_path(op, value, valid), "false") << op << " operand " << value;
    }
  }
}

// --- Type tests --------------------------------------------------------------------------------

TEST(ChoiceTypeTest, EachTypeTest) {
  struct Row {
    const char* value;
    bool is_null, is_numeric, is_string, is_boolean, is_timestamp;
  };
  const Row rows[] = {
      {"null", true, false, false, false, false},
      {"0", false, true, false, false, false},
      {"-2.5e3", false, true, false, false, false},
      {R"("")", false, false, true, false, false},
      {R"("12")", false, false, true, false, false},
      {R"("true")", false, false, true, false, false},
      {R"("2030-01-01T00:00:00Z")", false, false, true, false, true},
      {R"("2030-01-01T00:00:00.123+05:30")", false, false, true, false, true},
      {R"("2030-01-01T00:00:00")", false, false, true, false, false},
      {R"("2030-02-30T00:00:00Z")", false, false, true, false, false},
      {"true", false, false, false, true, false},
      {"false", false, false, false, true, false},
      {"[]", false, false, false, false, false},
      {"[null]", false, false, false, false, false},
      {"{}", false, false, false, false, false},
  };
  const auto expect = [](bool holds) { return holds ? "true" : "false"; };
  for (const Row& row : rows) {
    EXPECT_EQ(test_value("IsNull", "true", row.value), expect(row.is_null)) << row.value;
    EXPECT_EQ(test_value("IsNumeric", "true", row.value), expect(row.is_numeric)) << row.value;
    EXPECT_EQ(test_value("IsString", "true", row.value), expect(row.is_string)) << row.value;
    EXPECT_EQ(test_value("IsBoolean", "true", row.value), expect(row.is_boolean)) << row.value;
    EXPECT_EQ(test_value("IsTimestamp", "true", row.value), expect(row.is_timestamp)) << row.value;
    EXPECT_EQ(test_value("IsNull", "false", row.value), expect(!row.is_null)) << row.value;
    EXPECT_EQ(test_value("IsTimestamp", "false", row.value), expect(!row.is_timestamp));
    EXPECT_EQ(test_value("IsPresent", "true", row.value), "true") << row.value;
    EXPECT_EQ(test_value("IsPresent", "false", row.value), "false") << row.value;
  }
}

TEST(ChoiceTypeTest, IsPresentOnAMissingPathIsNoError) {
  Scope scope;
  scope.input = Json::parse(R"({"a": {"b": null}})");
  EXPECT_EQ(verdict(R"({"Variable": "$.a.c", "IsPresent": true})", scope), "false");
  EXPECT_EQ(verdict(R"({"Variable": "$.a.c", "IsPresent": false})", scope), "true");
  EXPECT_EQ(verdict(R"({"Variable": "$.a.b.c", "IsPresent": false})", scope), "true");
  EXPECT_EQ(verdict(R"({"Variable": "$.a.b", "IsPresent": true})", scope), "true");
  EXPECT_EQ(verdict(R"({"Variable": "$.a.c", "IsNull": false})", scope),
            "States.Runtime: Invalid path '$.a.c': The choice state's condition path references "
            "an invalid value.");
}

// --- Paths and errors --------------------------------------------------------------------------

TEST(ChoicePathTest, MissingVariableIsARuntimeError) {
  Scope scope;
  scope.input = Json::parse(R"({"present": 1})");
  for (const char* op :
       {R"("StringEquals": "x")", R"("NumericLessThan": 3)", R"("BooleanEquals": true)",
        R"("TimestampEquals": "2020-01-01T00:00:00Z")", R"("StringMatches": "*")",
        R"("IsNull": true)", R"("IsString": false)", R"("NumericEqualsPath": "$.present")"}) {
    EXPECT_EQ(verdict(std::string(R"({"Variable": "$.missing", )") + op + "}", scope),
              "States.Runtime: Invalid path '$.missing': The choice state's condition path "
              "references an invalid value.")
        << op;
  }
}

TEST(ChoicePathTest, MissingOperandPathIsARuntimeErrorNamingIt) {
  Scope scope;
  scope.input = Json::parse(R"({"n": 1, "s": "a"})");
  EXPECT_EQ(verdict(R"({"Variable": "$.n", "NumericEqualsPath": "$.nowhere"})", scope),
            "States.Runtime: Invalid path '$.nowhere': The choice state's condition path "
            "references an invalid value.");
  EXPECT_EQ(verdict(R"({"Variable": "$.s", "StringLessThanPath": "$.s.deeper"})", scope),
            "States.Runtime: Invalid path '$.s.deeper': The choice state's condition path "
            "references an invalid value.");
  // Variable is read first.
  EXPECT_EQ(verdict(R"({"Variable": "$.gone", "NumericEqualsPath": "$.nowhere"})", scope),
            "States.Runtime: Invalid path '$.gone': The choice state's condition path "
            "references an invalid value.");
}

TEST(ChoicePathTest, ReadsContextAndVariables) {
  Scope scope;
  scope.input = Json::parse(R"({"limit": 3, "items": [4, 5]})");
  scope.context = Json::parse(R"({"State": {"RetryCount": 4}, "Execution": {"Name": "run-1"}})");
  scope.variables = Json::parse(R"({"threshold": 4, "config": {"mode": "fast"}})");
  EXPECT_EQ(
      verdict(R"({"Variable": "$$.State.RetryCount", "NumericGreaterThanPath": "$.limit"})", scope),
      "true");
  EXPECT_EQ(
      verdict(R"({"Variable": "$$.State.RetryCount", "NumericEqualsPath": "$threshold"})", scope),
      "true");
  EXPECT_EQ(verdict(R"({"Variable": "$config.mode", "StringEquals": "fast"})", scope), "true");
  EXPECT_EQ(verdict(R"({"Variable": "$.items[1]", "NumericEqualsPath": "$.items[0]"})", scope),
            "false");
  EXPECT_EQ(verdict(R"({"Variable": "$$.Execution.Name", "StringMatches": "run-*"})", scope),
            "true");
  EXPECT_EQ(verdict(R"({"Variable": "$undefined", "IsPresent": false})", scope), "true");
}

TEST(ChoicePathTest, MalformedRulesAreRuntimeErrors) {
  const Scope scope;
  EXPECT_EQ(verdict(R"({"Variable": "$.a", "Next": "X"})", scope),
            "States.Runtime: The choice rule on Variable '$.a' has no comparison operator.");
  EXPECT_EQ(verdict(R"({"Variable": "$.a", "IsNull": true, "IsString": true})", scope),
            "States.Runtime: The choice rule has more than one comparison operator: 'IsNull' and "
            "'IsString'.");
  EXPECT_EQ(verdict(R"({"Variable": "$.a", "StringMatchesPath": "$.b"})", scope),
            "States.Runtime: The choice rule on Variable '$.a' has no comparison operator.");
  EXPECT_EQ(verdict(R"({"Variable": "$.a", "BooleanLessThan": true})", scope),
            "States.Runtime: The choice rule on Variable '$.a' has no comparison operator.");
  EXPECT_EQ(verdict(R"({"StringEquals": "x"})", scope),
            "States.Runtime: The choice rule has neither a Variable nor And, Or or Not.");
  EXPECT_EQ(verdict(R"({"And": []})", scope),
            "States.Runtime: The choice rule's And must be a non-empty array of rules.");
  EXPECT_EQ(verdict(R"({"Or": {}})", scope),
            "States.Runtime: The choice rule's Or must be a non-empty array of rules.");
  EXPECT_EQ(verdict(R"({"Not": [true]})", scope),
            "States.Runtime: The choice rule's Not must be a rule object.");
  EXPECT_EQ(verdict(R"({"And": [1]})", scope), "States.Runtime: A choice rule must be an object.");
  EXPECT_EQ(verdict(R"({"Variable": 5, "IsPresent": true})", scope),
            "States.Runtime: The choice rule's field 'Variable' must be a path string.");
  EXPECT_EQ(verdict(R"({"Variable": "$.a", "IsPresent": "yes"})", scope),
            "States.Runtime: The value of 'IsPresent' must be true or false.");
  EXPECT_TRUE(verdict(R"({"Variable": "a.b", "IsPresent": true})", scope)
                  .starts_with("States.Runtime: Invalid path 'a.b': "));
}

// --- Boolean expressions -----------------------------------------------------------------------

TEST(ChoiceBooleanExpressionTest, AndOrNot) {
  Scope scope;
  scope.input = Json::parse(R"({"n": 25, "kind": "Private"})");
  const char* in_twenties =
      R"({"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 20},
                  {"Variable": "$.n", "NumericLessThan": 30}]})";
  EXPECT_EQ(verdict(in_twenties, scope), "true");
  EXPECT_EQ(verdict(R"({"Or": [{"Variable": "$.n", "NumericEquals": 1},
                              {"Variable": "$.kind", "StringEquals": "Private"}]})",
                    scope),
            "true");
  EXPECT_EQ(verdict(R"({"Or": [{"Variable": "$.n", "NumericEquals": 1},
                              {"Variable": "$.kind", "StringEquals": "Public"}]})",
                    scope),
            "false");
  EXPECT_EQ(verdict(R"({"Not": {"Variable": "$.kind", "StringEquals": "Private"}})", scope),
            "false");
  EXPECT_EQ(verdict(R"({"Not": {"Not": {"Variable": "$.kind", "IsString": true}}})", scope),
            "true");
  EXPECT_EQ(verdict(R"({"And": [{"Variable": "$.kind", "IsString": true}]})", scope), "true");
  EXPECT_EQ(verdict(R"({"Or": [{"And": [{"Variable": "$.n", "IsNumeric": true},
                                         {"Not": {"Variable": "$.n", "NumericEquals": 25}}]},
                              {"Variable": "$.kind", "StringMatches": "Priv*"}]})",
                    scope),
            "true");
}

TEST(ChoiceBooleanExpressionTest, ShortCircuits) {
  Scope scope;
  scope.input = Json::parse(R"({"n": 1})");
  // The second operand would fail (missing path) if it were evaluated.
  EXPECT_EQ(verdict(R"({"And": [{"Variable": "$.n", "NumericEquals": 2},
                               {"Variable": "$.missing", "NumericEquals": 2}]})",
                    scope),
            "false");
  EXPECT_EQ(verdict(R"({"Or": [{"Variable": "$.n", "NumericEquals": 1},
                              {"Variable": "$.missing", "NumericEquals": 2}]})",
                    scope),
            "true");
  EXPECT_EQ(verdict(R"({"And": [{"Variable": "$.n", "NumericEquals": 1},
                               {"Variable": "$.missing", "NumericEquals": 2}]})",
                    scope),
            "States.Runtime: Invalid path '$.missing': The choice state's condition path "
            "references an invalid value.");
}

TEST(ChoiceBooleanExpressionTest, EvaluatesDeepNestingIteratively) {
  Scope scope;
  scope.input = Json::parse(R"({"n": 1})");
  // As deep as the loader reads (it stops at 1000 levels): 167 Nots and 333 single-rule Ands.
  constexpr int kExpressions = 500;
  std::string rule;
  for (int i = 0; i < kExpressions; ++i)
    rule += i % 3 == 0 ? R"({"Not": )" : R"({"And": [)";
  rule += R"({"Variable": "$.n", "NumericEquals": 1})";
  for (int i = kExpressions - 1; i >= 0; --i)
    rule += i % 3 == 0 ? "}" : "]}";
  const LoadedJson loaded(rule);
  ASSERT_NE(loaded.root(), nullptr);
  EXPECT_EQ(verdict(*loaded.root(), scope), "false");  // an odd number of Nots over a true test
}

// --- Recorded AWS behaviour (../shared, when present) -------------------------------------------

const fs::path kShared = fs::path(WFLINT_SOURCE_DIR) / ".." / "shared";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(' ') - begin + 1));
}

// "test_numeric_greater_than_equals_path" -> "NumericGreaterThanEqualsPath".
std::string operator_of_section(std::string_view section) {
  section.remove_prefix(std::string_view("test_").size());
  std::string name;
  bool upper = true;
  for (const char c : section) {
    if (c == '_') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return name;
}

// Rows "Var=<json> Val=<json> -> ConditionTrue|ConditionFalse" under "## test_<operator>"
// headings. Timestamps in the recording were redacted to "date": rows that need one are skipped.
TEST(ChoiceRecordedTest, TruthTables) {
  const fs::path tables = kShared / "docs" / "data" / "choice_truth_tables.txt";
  if (!fs::exists(tables)) GTEST_SKIP() << tables << " is not present";
  std::istringstream lines(read_text(tables));
  std::string line;
  std::string op;
  int checked = 0;
  int skipped = 0;
  while (std::getline(lines, line)) {
    if (line.starts_with("## ")) {
      op = operator_of_section(line.substr(3));
      continue;
    }
    const auto var = line.find("Var=");
    const auto val = line.rfind(" Val=");
    const auto arrow = line.rfind(" -> ");
    ASSERT_TRUE(var != std::string::npos && val != std::string::npos &&
                arrow != std::string::npos && val < arrow && !op.empty())
        << line;
    const std::string variable = trim(std::string_view(line).substr(var + 4, val - var - 4));
    std::string value = trim(std::string_view(line).substr(val + 5, arrow - val - 5));
    const std::string expected = trim(std::string_view(line).substr(arrow + 4));
    const bool timestamp_operator = op.starts_with("Timestamp");
    if (timestamp_operator && variable == R"("date")") {
      ++skipped;
      continue;
    }
    // The Variable is not a timestamp, so the redacted operand's value does not matter.
    if (timestamp_operator && value == R"("date")") value = R"("2012-10-09T19:00:55Z")";

    const bool path_form = op.ends_with("Path");
    const std::string base_op = path_form ? op.substr(0, op.size() - 4) : op;
    const std::string got =
        path_form ? test_path(base_op, value, variable) : test_value(base_op, value, variable);
    EXPECT_EQ(got, expected == "ConditionTrue" ? "true" : "false") << op << ": " << line;
    ++checked;
  }
  EXPECT_GT(checked, 400);
  std::cout << "[          ] truth tables: " << checked << " rows checked, " << skipped
            << " redacted timestamp rows skipped\n";
}

// Follows Choice states from StartAt as the interpreter would, to the first other state.
struct Reached {
  const Node* state = nullptr;
  std::optional<RunError> error;
};

Reached run_choices(const Node& definition, const Scope& scope) {
  const Node* states = definition.find("States");
  const Node* state = states->find(definition.find_string("StartAt"));
  while (state != nullptr && state->find_string("Type") == "Choice") {
    std::string_view next = state->find_string("Default");
    for (const Node& rule : state->find("Choices")->children()) {
      const Outcome<bool> matched = evaluate_choice_rule(rule, lookup_in(scope));
      if (!matched.ok()) return {nullptr, matched.error()};
      if (matched.value()) {
        next = rule.find_string("Next");
        break;
      }
    }
    if (next.empty()) return {nullptr, RunError{"States.NoChoiceMatched", ""}};
    state = states->find(next);
  }
  return {state, std::nullopt};
}

// Every recorded Choice execution: the state the rules lead to must produce the recorded result.
TEST(ChoiceRecordedTest, ConformanceCases) {
  const fs::path root = kShared / "corpus" / "conformance";
  if (!fs::is_directory(root)) GTEST_SKIP() << root << " is not present";
  int checked = 0;
  for (const char* group : {"choice_operators", "choice_state"}) {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(root / group))
      cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    for (const fs::path& dir : cases) {
      const LoadedJson definition(read_text(dir / "definition.json"));
      ASSERT_NE(definition.root(), nullptr) << dir;
      Scope scope;
      scope.input = Json::parse(read_text(dir / "input.json"));
      const Json expected = Json::parse(read_text(dir / "expected.json"));

      const Reached reached = run_choices(*definition.root(), scope);
      if (reached.error) {
        EXPECT_EQ(expected.value("status", ""), "FAILED") << dir << ": " << reached.error->cause;
        EXPECT_EQ(expected.value("error", ""), reached.error->error) << dir;
      } else {
        ASSERT_NE(reached.state, nullptr) << dir;
        const std::string_view type = reached.state->find_string("Type");
        if (type == "Fail") {
          EXPECT_EQ(expected.value("status", ""), "FAILED") << dir;
        } else {
          ASSERT_EQ(type, "Pass") << dir;
          const Node* result = reached.state->find("Result");
          EXPECT_EQ(expected.value("status", ""), "SUCCEEDED") << dir;
          EXPECT_EQ(expected["output"], result != nullptr ? from_node(*result) : scope.input)
              << dir << ": " << read_text(dir / "case.json");
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 400);
  std::cout << "[          ] conformance: " << checked << " Choice executions checked\n";
}

}  // namespace
}  // namespace wflint::run
