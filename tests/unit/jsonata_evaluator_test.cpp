// Expected values come from jsonata-js 2.0.5 (the reference implementation), run on the same
// expressions and inputs.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/json_text.h"
#include "jsonata/eval/regex_matcher.h"
#include "jsonata/eval/value.h"
#include "jsonata/parser.h"

namespace wflint::jsonata {
namespace {

constexpr std::string_view kOrders = R"({"Account":{"Name":"Firefly","Order":[
  {"OrderID":"o1","Product":[
    {"Name":"Hat","Price":34.45,"Quantity":2,"Tags":["a","b"]},
    {"Name":"Bag","Price":21.67,"Quantity":1,"Tags":["c"]}]},
  {"OrderID":"o2","Product":[
    {"Name":"Hat","Price":34.45,"Quantity":4,"Tags":[]},
    {"Name":"Coat","Price":107.99,"Quantity":1}]}]}})";

EvaluationResult run(std::string_view expression, std::string_view input_json,
                     EvaluationOptions options = {}) {
  ParseResult parsed = parse(expression);
  if (!parsed.ast) {
    ADD_FAILURE() << "parse failed: " << expression << ": " << parsed.error->message;
    return {};
  }
  auto ast = std::make_shared<const Ast>(std::move(*parsed.ast));
  Value input;
  if (!input_json.empty()) {
    std::optional<Value> parsed_input = parse_json(input_json);
    if (!parsed_input) ADD_FAILURE() << "bad input JSON: " << input_json;
    input = parsed_input.value_or(Value());
  }
  auto bindings = std::make_shared<Environment>(standard_library());
  return evaluate(ast, input, bindings, options);
}

// The result as JSON text, "undefined", or "ERR <code>: <message>".
std::string eval(std::string_view expression, std::string_view input_json = "") {
  EvaluationResult result = run(expression, input_json);
  if (result.error) return "ERR " + result.error->code + ": " + result.error->message;
  if (result.value.is_undefined()) return "undefined";
  return stringify(result.value);
}

std::string error_code(std::string_view expression, std::string_view input_json = "") {
  EvaluationResult result = run(expression, input_json);
  return result.error ? result.error->code : "no error";
}

TEST(JsonataEvaluatorTest, Literals) {
  EXPECT_EQ(eval("1.5"), "1.5");
  EXPECT_EQ(eval("-1"), "-1");
  EXPECT_EQ(eval("\"a\\nb\""), "\"a\\nb\"");
  EXPECT_EQ(eval("true"), "true");
  EXPECT_EQ(eval("null"), "null");
}

TEST(JsonataEvaluatorTest, PathsMapOverArraysAndFlatten) {
  EXPECT_EQ(eval("Account.Name", kOrders), "\"Firefly\"");
  EXPECT_EQ(eval("Account.Order.OrderID", kOrders), R"(["o1","o2"])");
  EXPECT_EQ(eval("Account.Order.Product.Name", kOrders), R"(["Hat","Bag","Hat","Coat"])");
  EXPECT_EQ(eval("Account.Order.Product.Tags", kOrders), R"(["a","b","c"])");
  EXPECT_EQ(eval("a.b.c", R"({"a":{"b":{"c":"d"}}})"), "\"d\"");
  EXPECT_EQ(eval("`a b`.c", R"({"a b":{"c":1}})"), "1");
  EXPECT_EQ(eval("a.\"b\"", R"({"a":{"b":1}})"), "1");
  EXPECT_EQ(eval("a.b", R"({"a":[1,{"b":2}]})"), "2");
  EXPECT_EQ(eval("a.b", R"({"a":[{"b":[1,2]},{"b":[3]}]})"), "[1,2,3]");
  EXPECT_EQ(eval("missing.field", kOrders), "undefined");
}

TEST(JsonataEvaluatorTest, SingletonSequencesAndKeepArray) {
  EXPECT_EQ(eval("Account.Order[0].Product[1].Tags", kOrders), "[\"c\"]");
  EXPECT_EQ(eval("Account.Order[0].Product[0].Tags[0]", kOrders), "\"a\"");
  EXPECT_EQ(eval("Account.Order.Product.Tags[]", kOrders), R"(["a","b","c"])");
  EXPECT_EQ(eval("a.b[]", R"({"a":{"b":1}})"), "[1]");
  EXPECT_EQ(eval("a[].b", R"({"a":{"b":1}})"), "[1]");
  EXPECT_EQ(eval("[a][]", R"({"a":1})"), "[1]");
  EXPECT_EQ(eval("foo[]", "{}"), "undefined");
  EXPECT_EQ(eval("$count(a)", R"({"a":[]})"), "0");
}

TEST(JsonataEvaluatorTest, Predicates) {
  EXPECT_EQ(eval("Account.Order.Product[0].Name", kOrders), R"(["Hat","Hat"])");
  EXPECT_EQ(eval("(Account.Order.Product)[0].Name", kOrders), "\"Hat\"");
  EXPECT_EQ(eval("Account.Order.Product[-1].Name", kOrders), R"(["Bag","Coat"])");
  EXPECT_EQ(eval("Account.Order.Product[Price > 30].Name", kOrders), R"(["Hat","Hat","Coat"])");
  EXPECT_EQ(eval("Account.Order.Product[[0,1]].Name", kOrders), R"(["Hat","Bag","Hat","Coat"])");
  EXPECT_EQ(eval("Account.Order[OrderID=\"o2\"].Product.Name", kOrders), R"(["Hat","Coat"])");
  EXPECT_EQ(eval("a[0.5]", R"({"a":[1,2]})"), "1");
  EXPECT_EQ(eval("a[-0.5]", R"({"a":[1,2]})"), "2");
  EXPECT_EQ(eval("a[true]", R"({"a":[1,2]})"), "[1,2]");
  EXPECT_EQ(eval("a[\"x\"]", R"({"a":[1,2]})"), "[1,2]");
  EXPECT_EQ(eval("a[[]]", R"({"a":[1,2]})"), "undefined");
  EXPECT_EQ(eval("[1,2,3][$ > 1]"), "[2,3]");
  EXPECT_EQ(eval("[[1,2],[3]][0]"), "[1,2]");
  EXPECT_EQ(eval("a[0][0]", R"({"a":[[1,2],[3]]})"), "1");
  EXPECT_EQ(eval("a.b[0]", R"({"a":[{"b":[1,2]},{"b":[3]}]})"), "[1,3]");
  EXPECT_EQ(eval("(a.b)[0]", R"({"a":[{"b":[1,2]},{"b":[3]}]})"), "1");
}

TEST(JsonataEvaluatorTest, ContextAndRoot) {
  EXPECT_EQ(eval("$", "[1,2,3]"), "[1,2,3]");
  EXPECT_EQ(eval("$[0]", "[1,2,3]"), "1");
  EXPECT_EQ(eval("$.a", R"([{"a":1},{"a":2}])"), "[1,2]");
  EXPECT_EQ(eval("$[1]", "[[1,2],[3,4]]"), "[3,4]");
  EXPECT_EQ(eval("$.$[1]", "[[1,2],[3,4]]"), "[2,4]");
  EXPECT_EQ(eval("$$.a", R"({"a":7})"), "7");
  EXPECT_EQ(eval("a.($$.b)", R"({"a":{"x":1},"b":2})"), "2");
  EXPECT_EQ(eval("[1,2,3].($ * 2)"), "[2,4,6]");
}

TEST(JsonataEvaluatorTest, WildcardsAndDescendants) {
  EXPECT_EQ(eval("*", R"({"a":[1,[2,3]],"b":{"c":4}})"), R"([1,2,3,{"c":4}])");
  EXPECT_EQ(eval("**", R"([1,{"a":2}])"), R"([1,{"a":2},2])");
  EXPECT_EQ(eval("a.*", R"({"a":[{"x":1},{"y":[2,3]}]})"), "[1,2,3]");
  EXPECT_EQ(eval("Account.*.OrderID", kOrders), R"(["o1","o2"])");
  EXPECT_EQ(eval("**.Name", kOrders), R"(["Firefly","Hat","Bag","Hat","Coat"])");
}

TEST(JsonataEvaluatorTest, VariablesAndBlocks) {
  EXPECT_EQ(eval("($x := 5; $y := $x * 2; $y)"), "10");
  EXPECT_EQ(eval("($x := 1; ($x := 2); $x)"), "1");
}

TEST(JsonataEvaluatorTest, Arithmetic) {
  EXPECT_EQ(eval("10 % 3"), "1");
  EXPECT_EQ(eval("-7 % 3"), "-1");
  EXPECT_EQ(eval("-a", R"({"a":5})"), "-5");
  EXPECT_EQ(eval("1 + missing"), "undefined");
  EXPECT_EQ(eval("1 + \"a\""),
            "ERR T2002: The right side of the \"+\" operator must evaluate to a number");
  EXPECT_EQ(eval("\"a\" + 1"),
            "ERR T2001: The left side of the \"+\" operator must evaluate to a number");
  EXPECT_EQ(eval("-\"a\""), "ERR D1002: Cannot negate a non-numeric value: \"a\"");
  EXPECT_EQ(eval("(1/0) + 1"), "ERR D1001: Number out of range: null");
}

TEST(JsonataEvaluatorTest, Comparison) {
  EXPECT_EQ(eval("1 = 1"), "true");
  EXPECT_EQ(eval("[1,2] = [1,2]"), "true");
  EXPECT_EQ(eval("{\"a\":1} = {\"a\":1}"), "true");
  EXPECT_EQ(eval("1 != 2"), "true");
  EXPECT_EQ(eval("a = null", R"({"a":null})"), "true");
  EXPECT_EQ(eval("missing = 1"), "false");
  EXPECT_EQ(eval("missing < 1"), "undefined");
  EXPECT_EQ(eval("\"a\" < 1"),
            "ERR T2009: The values \"a\" and 1 either side of operator \"<\" must be of the same "
            "data type");
  EXPECT_EQ(eval("{} < 1"),
            "ERR T2010: The expressions either side of operator \"<\" must evaluate to numeric or "
            "string values");
}

TEST(JsonataEvaluatorTest, BooleanOperatorsAndInclusion) {
  EXPECT_EQ(eval("true and 1"), "true");
  EXPECT_EQ(eval("0 or \"\""), "false");
  EXPECT_EQ(eval("[1,2,3][$ = 2 or $ = 3]"), "[2,3]");
  EXPECT_EQ(eval("3 in [1,2,3]"), "true");
  EXPECT_EQ(eval("\"a\" in \"a\""), "true");
  EXPECT_EQ(eval("[1,2] in [1,2]"), "false");
  EXPECT_EQ(eval("function(){1} ? 1 : 2"), "1");
}

TEST(JsonataEvaluatorTest, Concatenation) {
  EXPECT_EQ(eval(R"("ab" & 1 & true & null & [1,2] & {"a":1})"), R"("ab1truenull[1,2]{\"a\":1}")");
  EXPECT_EQ(eval("\"x\" & missing"), "\"x\"");
}

TEST(JsonataEvaluatorTest, Conditionals) {
  EXPECT_EQ(eval("a ? \"y\" : \"n\"", R"({"a":[]})"), "\"n\"");
  EXPECT_EQ(eval("a ? \"y\"", R"({"a":0})"), "undefined");
}

TEST(JsonataEvaluatorTest, ObjectConstructorsAndGrouping) {
  EXPECT_EQ(eval(R"({"a": 1, "b": [1,2]})"), R"({"a":1,"b":[1,2]})");
  EXPECT_EQ(eval(R"({"b":1,"1":2,"a":3})"), R"({"1":2,"b":1,"a":3})");
  EXPECT_EQ(eval(R"({"a": missing})"), "{}");
  EXPECT_EQ(eval("Account.Order.Product{Name: Price}", kOrders),
            R"({"Hat":[34.45,34.45],"Bag":21.67,"Coat":107.99})");
  EXPECT_EQ(eval("Account.Order.Product{Name: $sum(Quantity)}", kOrders),
            R"({"Hat":6,"Bag":1,"Coat":1})");
  EXPECT_EQ(eval("a{b: $sum(c)}", R"({"a":[{"b":"x","c":1},{"b":"x","c":2},{"b":"y","c":3}]})"),
            R"({"x":3,"y":3})");
  EXPECT_EQ(eval(R"({"k": 1, "k": 2})"),
            "ERR D1009: Multiple key definitions evaluate to same key: \"k\"");
  EXPECT_EQ(eval("{1: 2}"), "ERR T1003: Key in object structure must evaluate to a string; got: 1");
  EXPECT_EQ(error_code("a{c: b}", R"({"a":[{"b":"x","c":1}]})"), "T1003");
}

TEST(JsonataEvaluatorTest, ArrayConstructorsAndRanges) {
  EXPECT_EQ(eval("[1..5]"), "[1,2,3,4,5]");
  EXPECT_EQ(eval("[1..3, 7, [8,9]]"), "[1,2,3,7,[8,9]]");
  EXPECT_EQ(eval("[5..1]"), "[]");
  EXPECT_EQ(eval("[undefinedthing]"), "[]");
  EXPECT_EQ(eval("a.[b]", R"({"a":[{"b":[1,2]},{"b":[3]}]})"), "[[1,2],[3]]");
  EXPECT_EQ(eval("[a.b]", R"({"a":[{"b":[1,2]},{"b":[3]}]})"), "[1,2,3]");
  EXPECT_EQ(eval("[1..10000001]"),
            "ERR D2014: The size of the sequence allocated by the range operator (..) must not "
            "exceed 1e6.  Attempted to allocate 10000001.");
  EXPECT_EQ(error_code("[1.5..3]"), "T2003");
  EXPECT_EQ(error_code("[1..\"a\"]"), "T2004");
}

TEST(JsonataEvaluatorTest, FunctionCalls) {
  EXPECT_EQ(eval("$sum(Account.Order.Product.(Price*Quantity))", kOrders), "336.36");
  EXPECT_EQ(eval("a.$uppercase()", R"({"a":["x","y"]})"), R"(["X","Y"])");
  EXPECT_EQ(eval("$f(1)"), "ERR T1006: Attempted to invoke a non-function");
  EXPECT_EQ(eval("foo()", R"({"foo":1})"), "ERR T1006: Attempted to invoke a non-function");
  EXPECT_EQ(eval("sum(1)"), "ERR T1005: Attempted to invoke a non-function. Did you mean $sum?");
  EXPECT_EQ(eval("5(?)"), "ERR T1008: Attempted to partially apply a non-function");
}

TEST(JsonataEvaluatorTest, LambdasClosuresAndRecursion) {
  EXPECT_EQ(eval("($f := function($a){$a*2}; $f(4))"), "8");
  EXPECT_EQ(eval("function($x){$x}(3)"), "3");
  EXPECT_EQ(eval("($x := 5; $f := function($x){$x}; $f())"), "undefined");
  EXPECT_EQ(eval("($make := function($n){function($x){$x + $n}}; $add2 := $make(2); $add2(3))"),
            "5");
  EXPECT_EQ(eval("($fact := function($n){$n <= 1 ? 1 : $n * $fact($n-1)}; $fact(10))"), "3628800");
  EXPECT_EQ(eval("$map([1,2,3], function($v, $i){$v*$i})"), "[0,2,6]");
  EXPECT_EQ(eval("$reduce([1,2,3,4], function($a,$b){$a+$b})"), "10");
}

TEST(JsonataEvaluatorTest, TailCallsDoNotDeepenTheStack) {
  EXPECT_EQ(eval("($loop := function($n, $acc){$n = 0 ? $acc : $loop($n-1, $acc+1)}; "
                 "$loop(100000, 0))"),
            "100000");
}

TEST(JsonataEvaluatorTest, DeepRecursionFailsWithU1001) {
  EXPECT_EQ(eval("($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(100000))"),
            "ERR U1001: Stack overflow error: Check for non-terminating recursive function.  "
            "Consider rewriting as tail-recursive.");
  EvaluationOptions shallow;
  shallow.max_depth = 10;
  EvaluationResult result =
      run("($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(20))", "", shallow);
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->code, "U1001");
}

TEST(JsonataEvaluatorTest, PartialApplication) {
  EXPECT_EQ(eval("($add := function($a,$b){$a+$b}; $inc := $add(?, 1); $inc(5))"), "6");
  EXPECT_EQ(eval("($sub := $substring(?, 0, 2); $sub(\"hello\"))"), "\"he\"");
  EXPECT_EQ(eval("($s := $sum(?); $s([1,2]))"), "3");
}

TEST(JsonataEvaluatorTest, Chaining) {
  EXPECT_EQ(eval("\"hello\" ~> $uppercase"), "\"HELLO\"");
  EXPECT_EQ(eval("\"hello\" ~> $substring(1, 2)"), "\"el\"");
  EXPECT_EQ(eval("($f := $uppercase ~> $substring(?, 0, 3); $f(\"hello\"))"), "\"HEL\"");
  EXPECT_EQ(eval("\"a\" ~> function($x, $y){$x & $y}(\"b\")"), "\"ab\"");
  EXPECT_EQ(eval("1 ~> 2"),
            "ERR T2006: The right side of the function application operator ~> must be a "
            "function");
}

TEST(JsonataEvaluatorTest, Sorting) {
  EXPECT_EQ(eval("Account.Order.Product^(Price).Name", kOrders), R"(["Bag","Hat","Hat","Coat"])");
  EXPECT_EQ(eval("Account.Order.Product^(>Price, Name).Name", kOrders),
            R"(["Coat","Hat","Hat","Bag"])");
  EXPECT_EQ(eval("Account.Order.Product^(Quantity).Name", kOrders),
            R"(["Bag","Coat","Hat","Hat"])");
  EXPECT_EQ(eval("[3,1,2]^(>$)"), "[3,2,1]");
  EXPECT_EQ(eval("a^(b)", R"({"a":[{"b":"x"},{"b":1}]})"),
            "ERR T2007: Type mismatch when comparing values \"x\" and 1 in order-by clause");
  EXPECT_EQ(error_code("a^(b)", R"({"a":[{"b":{}},{"b":1}]})"), "T2008");
}

TEST(JsonataEvaluatorTest, Transform) {
  EXPECT_EQ(eval("$ ~> |a|{\"c\":3}|", R"({"a":{"b":1}})"), R"({"a":{"b":1,"c":3}})");
  EXPECT_EQ(eval("$ ~> |a|{\"c\":3}|", R"([{"a":{"b":1}}])"), R"([{"a":{"b":1,"c":3}}])");
  EXPECT_EQ(eval("($ ~> |Account.Order.Product|{\"Total\": Price*Quantity}, [\"Tags\"]|)"
                 ".Account.Order.Product.Total",
                 kOrders),
            "[68.9,21.67,137.8,107.99]");
  EXPECT_EQ(eval("($o := {\"a\":{\"b\":1}}; $t := $o ~> |a|{\"b\":2}|; [$o.a.b, $t.a.b])"),
            "[1,2]");
  EXPECT_EQ(eval("$ ~> |a|5|", R"({"a":{"b":1}})"),
            "ERR T2011: The insert/update clause of the transform expression must evaluate to an "
            "object: 5");
  EXPECT_EQ(error_code("$ ~> |a|{}, 5|", R"({"a":{"b":1}})"), "T2012");
}

TEST(JsonataEvaluatorTest, RegularExpressions) {
  EXPECT_EQ(eval("/ab+c/i(\"xxABBBCyy\")"),
            R"({"match":"ABBBC","start":2,"end":7,"groups":[],"next":""})");
  EXPECT_EQ(eval("$match(\"abcabbc\", /ab+c/)"),
            R"([{"match":"abc","index":0,"groups":[]},{"match":"abbc","index":3,"groups":[]}])");
  EXPECT_EQ(eval("$replace(\"abc\", /(b)/, \"[$1]\")"), "\"a[b]c\"");
  EXPECT_EQ(eval("$split(\"a1b2c\", /[0-9]/)"), R"(["a","b","c"])");
  EXPECT_EQ(eval("$contains(\"hello\", /l+/)"), "true");
  EXPECT_EQ(eval("/[^]x/(\"ax\")"), R"({"match":"ax","start":0,"end":2,"groups":[],"next":""})");
  EXPECT_EQ(eval("$match(\"bbb\", /a*/)"),
            "ERR D1004: Regular expression matches zero length string");
}

TEST(JsonataEvaluatorTest, RegexProgramWorksInBytes) {
  auto program = RegexProgram::compile("w(ö)r", "");
  ASSERT_EQ(program->error(), nullptr);
  std::optional<RegexProgram::Match> match = program->find("héllo wörld", 0);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->start, 7u);
  EXPECT_EQ(match->end, 11u);
  ASSERT_EQ(match->groups.size(), 1u);
  EXPECT_EQ(match->groups[0], "ö");
  EXPECT_NE(RegexProgram::compile("a(?=b)", "")->error(), nullptr);
}

TEST(JsonataEvaluatorTest, FocusAndIndexBinding) {
  EXPECT_EQ(eval("Account.Order@$o.$o.Product@$p.{\"o\": $o.OrderID, \"p\": $p.Name}", kOrders),
            R"([{"o":"o1","p":"Hat"},{"o":"o1","p":"Bag"},{"o":"o2","p":"Hat"},)"
            R"({"o":"o2","p":"Coat"}])");
  EXPECT_EQ(eval("Account.Order#$i.{\"i\": $i, \"id\": OrderID}", kOrders),
            R"([{"i":0,"id":"o1"},{"i":1,"id":"o2"}])");
  EXPECT_EQ(eval("Account.Order.Product#$i[$i>0].Name", kOrders), R"(["Bag","Coat"])");
  EXPECT_EQ(eval("Account@$a.Order@$o.{\"a\": $a.Name, \"o\": $o.OrderID}", kOrders), "undefined");
  EXPECT_EQ(eval("Account.Order.Product^(>Price)#$i.{\"i\":$i,\"n\":Name}", kOrders),
            R"([{"i":0,"n":"Coat"},{"i":1,"n":"Hat"},{"i":2,"n":"Hat"},{"i":3,"n":"Bag"}])");
  EXPECT_EQ(eval("Account.Order#$i.Product{Name: $i}", kOrders),
            R"({"Hat":[0,1],"Bag":0,"Coat":1})");
}

TEST(JsonataEvaluatorTest, ParentOperator) {
  EXPECT_EQ(eval("Account.Order.Product.%.OrderID", kOrders), R"(["o1","o1","o2","o2"])");
  EXPECT_EQ(eval("Account.Order.Product[%.OrderID=\"o2\"].Name", kOrders), R"(["Hat","Coat"])");
  EXPECT_EQ(eval("Account.Order.Product.{\"n\": Name, \"a\": %.%.Name}[0]", kOrders),
            R"({"n":"Hat","a":"Firefly"})");
}

TEST(JsonataEvaluatorTest, UndefinedIsNotNull) {
  EXPECT_EQ(eval("$exists(a)", R"({"a":null})"), "true");
  EXPECT_EQ(eval("$exists(a)", "{}"), "false");
  EXPECT_EQ(eval("$type(a)", R"({"a":null})"), "\"null\"");
  EXPECT_EQ(eval("$undefinedvar"), "undefined");
}

TEST(JsonataEvaluatorTest, BindingsFromTheCaller) {
  ParseResult parsed = parse("$greeting & \", \" & name");
  ASSERT_TRUE(parsed.ast);
  auto ast = std::make_shared<const Ast>(std::move(*parsed.ast));
  auto bindings = std::make_shared<Environment>(standard_library());
  bindings->bind("greeting", Value::string("Hello"));
  Object input;
  input.set("name", Value::string("World"));
  EvaluationResult result = evaluate(ast, Value::object(std::move(input)), bindings, {});
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.value.as_string(), "Hello, World");
}

TEST(JsonataEvaluatorTest, ResultsAreReturnedWithoutInternalFlags) {
  EvaluationResult result = run("a.b", R"({"a":[{"b":1},{"b":2}]})");
  ASSERT_TRUE(result.value.is_array());
  EXPECT_FALSE(result.value.as_array().sequence);
}

TEST(JsonataEvaluatorTest, LargeObjectsFindEveryMember) {
  Object object;
  for (int i = 0; i < 100; ++i)
    object.set(fmt::format("k{}", i), Value::number(i));
  object.set("k5", Value::number(-5));
  EXPECT_TRUE(object.erase("k7"));
  EXPECT_EQ(object.size(), 99u);
  EXPECT_EQ(object.find("k5")->as_number(), -5);
  EXPECT_EQ(object.find("k7"), nullptr);
  EXPECT_EQ(object.find("k99")->as_number(), 99);
  Object copy = object;
  copy.set("k99", Value::number(0));
  EXPECT_EQ(object.find("k99")->as_number(), 99);
  EXPECT_EQ(copy.find("k99")->as_number(), 0);
}

}  // namespace
}  // namespace wflint::jsonata
