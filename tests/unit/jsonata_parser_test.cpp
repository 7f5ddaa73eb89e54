#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "jsonata/parser.h"

namespace wflint::jsonata {
namespace {

struct AcceptCase {
  std::string_view expression;
  std::string_view tree;  // to_sexpr of the syntax tree
};

struct RejectCase {
  std::string_view expression;
  uint32_t offset;
  uint32_t length;
  std::string_view message_part;
};

std::string describe(const ParseResult& result) {
  if (result.ast) return "accepted as " + to_sexpr(*result.ast);
  return "rejected at " + std::to_string(result.error->offset) + ": " + result.error->message;
}

const std::vector<AcceptCase> kAcceptCases = {
    // The constructs Step Functions users write most.
    {"$states.input.a", R"((path (var "states") (name "input") (name "a")))"},
    {"$partition($states.input.items, 2)",
     R"((call (var "partition") (path (var "states") (name "input") (name "items")) 2))"},
    {"$states.context.Task.Token",
     R"((path (var "states") (name "context") (name "Task") (name "Token")))"},
    {R"({"a": $x, "b": [1,2,3]})", R"((object (string "a") (var "x") (string "b") (array 1 2 3)))"},
    {R"($x ? "y" : "z")", R"((cond (var "x") (string "y") (string "z")))"},
    {"function($v){ $v * 2 }($states.input.n)",
     R"((call (lambda (var "v") (* (var "v") 2)) (path (var "states") (name "input") (name "n"))))"},
    {"$states.input.orders[price > 10].id",
     R"((path (var "states") (name "input") (filter (name "orders") (> (name "price") 10)) (name "id")))"},
    {"($a := 1; $a + 2)", R"((block (bind (var "a") 1) (+ (var "a") 2)))"},
    {"$uuid()", R"((call (var "uuid")))"},
    {R"("a" & "b")", R"((& (string "a") (string "b")))"},
    {"/ab+c/i", "/ab+c/i"},
    {"$states.input.items ~> $map(function($i){$i.id})",
     R"((chain (path (var "states") (name "input") (name "items")) (call (var "map") (lambda (var "i") (path (var "i") (name "id"))))))"},
    {"Account.Order^(>Price)",
     R"((sort (path (name "Account") (name "Order")) (> (name "Price"))))"},
    {"$states.input.**.id", R"((path (var "states") (name "input") ** (name "id")))"},
    {"a.b@$x.c#$i",
     R"((path (name "a") (focus (name "b") (var "x")) (index (name "c") (var "i"))))"},
    // Literals.
    {"42", "42"},
    {"-1", "-1"},
    {"- 2.5", "-2.5"},
    {"1.5e3", "1500"},
    {"1e-400", "0"},
    {"'single'", R"((string "single"))"},
    {R"("tab\there")", "(string \"tab\there\")"},
    {R"("\u00e9")", "(string \"\xC3\xA9\")"},
    {R"("\uD83D\uDE00")", "(string \"\xF0\x9F\x98\x80\")"},
    {"true", "true"},
    {"null", "null"},
    {"/a\\/b/m", "/a\\/b/m"},
    // Names, variables and paths.
    {"$", R"((var ""))"},
    {"$$", R"((var "$"))"},
    {"$$.a", R"((path (var "$") (name "a")))"},
    {"`a b`.c", R"((path (name "a b") (name "c")))"},
    {R"(a."b c")", R"((path (name "a") (name "b c")))"},
    {"and", R"((name "and"))"},
    {"a and and", R"((and (name "a") (name "and")))"},
    {"a.*.b", R"((path (name "a") * (name "b")))"},
    {"a.b.%.c", R"((path (name "a") (name "b") % (name "c")))"},
    {"a[0][1]", R"((filter (filter (name "a") 0) 1))"},
    {"a[].b", R"((path (name "a")[] (name "b")))"},
    {"(a.b)[0]", R"((filter (block (path (name "a") (name "b"))) 0))"},
    {"a{\"x\": 1}[0]", R"((filter (group (name "a") (string "x") 1) 0))"},
    {"a.b{c: $sum(d)}",
     R"((group (path (name "a") (name "b")) (name "c") (call (var "sum") (name "d"))))"},
    // Operators and their precedence.
    {"1+2*3-4", "(- (+ 1 (* 2 3)) 4)"},
    {"a = 1 or b != 2 and c <= 3",
     R"((or (= (name "a") 1) (and (!= (name "b") 2) (<= (name "c") 3))))"},
    {"a in [1..3, 5]", R"((in (name "a") (array (range 1 3) 5)))"},
    {"10 % 3 / 2", "(/ (% 10 3) 2)"},
    {"-a.b", R"((neg (path (name "a") (name "b"))))"},
    {"a ? b", R"((cond (name "a") (name "b")))"},
    {"a ? b : c ? d : e",
     R"((cond (name "a") (name "b") (cond (name "c") (name "d") (name "e"))))"},
    {"$x := $y := 2", R"((bind (var "x") (bind (var "y") 2)))"},
    {"$x ~> $f ~> $g", R"((chain (chain (var "x") (var "f")) (var "g")))"},
    // Functions.
    {"$f(?, 1)", R"((partial (var "f") ? 1))"},
    {"$f()(1)", R"((call (call (var "f")) 1))"},
    {"a.$uppercase()", R"((path (name "a") (call (var "uppercase"))))"},
    {"function($a, $b)<nn?:n>{$a}", R"((lambda<nn?:n> (var "a") (var "b") (var "a")))"},
    {"function($a)<a<n>:n>{$a}", R"((lambda<a<n>:n> (var "a") (var "a")))"},
    {"λ($a){$a}", R"((lambda (var "a") (var "a")))"},
    {"$match(\"abc\", /b/)", R"((call (var "match") (string "abc") /b/))"},
    {"a / /b/", R"((/ (name "a") /b/))"},
    // Blocks, constructors, order-by, transform.
    {"()", "(block)"},
    {"(1;)", "(block 1)"},
    {"[]", "(array)"},
    {"{}", "(object)"},
    {"a^(<b, >c)", R"((sort (name "a") (< (name "b")) (> (name "c"))))"},
    {"|a|{\"x\":1}, \"y\"|", R"((transform (name "a") (object (string "x") 1) (string "y")))"},
    {"a#$i@$x", R"((focus (index (name "a") (var "i")) (var "x")))"},
    // Whitespace and comments.
    {"  a  \n", R"((name "a"))"},
    {"a/* comment */.b", R"((path (name "a") (name "b")))"},
    {"/**/1/* a *//* b */", "1"},
};

const std::vector<RejectCase> kRejectCases = {
    {"420.", 0, 4, "\"420.\" is not a number: digits must follow the decimal point"},
    {"10 + * 2", 5, 1, "unexpected \"*\": an operand is missing between \"+\" and \"*\""},
    {"$.store.book[?(@.price < 10)].title", 13, 1, "\"[?(...)]\" is JSONPath filter syntax"},
    {"$sum($states.input.items.numbers", 32, 0,
     "expected \")\" to close the call of $sum opened at column 5"},
    {"$states.input.x[", 16, 0, "expected \"]\" to close the predicate \"[\" opened at column 16"},
    {"", 0, 0, "the expression is empty"},
    {"  \n ", 0, 4, "the expression is empty"},
    {"/* only a comment */", 0, 20, "the expression is empty"},
    {"\"abc", 0, 1, "unterminated string literal"},
    {"'a\\qb'", 2, 2, "unsupported escape sequence \"\\q\""},
    {"\"\\u12G4\"", 1, 2, "\"\\u\" must be followed by 4 hexadecimal digits"},
    {"1e999", 0, 5, "the number 1e999 is too large"},
    {"`abc", 0, 1, "unterminated quoted name"},
    {"a /* b", 2, 2, "unterminated comment"},
    {"//", 0, 2, "empty regular expression"},
    {"/abc", 0, 1, "unterminated regular expression"},
    {"/a**/", 3, 1, "invalid regular expression: nothing to repeat"},
    {"/[z-a]/", 2, 1, "range out of order in character class"},
    {"/a/mim", 5, 1, "the regular expression flag \"m\" is repeated"},
    {"!a", 0, 1, "unknown operator \"!\""},
    {"a ~ b", 2, 1, "did you mean \"~>\"?"},
    {"a == b", 3, 1, "\"==\" is not an operator"},
    {"a && b", 3, 1, "use \"and\""},
    {"a || b", 2, 1, "use \"or\""},
    {"a ?? b", 3, 1, "\"??\" is not supported by JSONata 2.0"},
    {"a ?: b", 3, 1, "\"?:\" is not supported by JSONata 2.0"},
    {"a ** 2", 2, 2, "\"**\" is the descendant wildcard, not an operator"},
    {"a +", 3, 0, "the expression ends after \"+\": an operand is missing"},
    {"$f(1 2)", 5, 1,
     "unexpected \"2\" in the call of $f opened at column 3: expected \",\" or \")\""},
    {"[1,]", 3, 1, "unexpected \"]\": an expression must follow \",\""},
    {"{\"a\" 1}", 5, 1, "expected \":\" after the key in the object \"{\" opened at column 1"},
    {"(1", 2, 0, "expected \")\" to close the parenthesis \"(\" opened at column 1"},
    {"a)", 1, 1, "unexpected \")\": there is no matching opening bracket"},
    {"a;b", 1, 1, "must be enclosed in ( ... ; ... )"},
    {"$x $y", 3, 2, "an operator is missing between \"$x\" and \"$y\""},
    {"a := 1", 0, 1, "the left side of \":=\" must be a variable name"},
    {"a@b", 2, 1, "the right side of \"@\" must be a variable name"},
    {"function(a){a}", 9, 1, "parameter 1 of the function definition must be a variable name"},
    {"function($a)<n<n>>{$a}", 12, 6, "can only follow \"a\" (array) or \"f\" (function)"},
    {"function($a)<n++>{$a}", 12, 5, "\"++\" cannot follow a single parameter type"},
    {"function($a){$a} / 2", 17, 1, "unterminated regular expression"},
    {"a.1", 2, 1,
     "the literal 1 cannot be a step in a path; to select an item by position write [1]"},
    {"a.true", 2, 4, "the literal true cannot be a step in a path"},
    {"$x{\"k\": 1}[0]", 0, 13, "a predicate [...] cannot follow a grouping {...}"},
    {"a{\"k\":1}{\"j\":2}", 0, 15, "a step can have only one grouping"},
    {"a[0]@$x", 0, 7, "must come before any predicate"},
    {"a^(b)@$x", 0, 8, "must come before the order-by"},
    {"%.a", 0, 1, "the parent operator % has no parent"},
    {"$x.%", 0, 2, "cannot find the parent"},
    {"a^b", 2, 1, "expected \"(\" after \"^\""},
    {"$states.input..a", 13, 2, "to search at any depth use \"**\""},
    {"${Flag} = true", 6, 1, "\"${...}\" is a template placeholder"},
    {"a\n+", 3, 0, "the expression ends after \"+\""},
    {"(\n[1", 4, 0, "opened at line 2, column 1"},
};

TEST(JsonataParserTest, AcceptsValidExpressionsWithTheExpectedTree) {
  for (const AcceptCase& test : kAcceptCases) {
    ParseResult result = parse(test.expression);
    ASSERT_TRUE(result.ast.has_value()) << test.expression << " " << describe(result);
    EXPECT_FALSE(result.error.has_value());
    EXPECT_EQ(to_sexpr(*result.ast), test.tree) << test.expression;
  }
}

TEST(JsonataParserTest, RejectsInvalidExpressionsWithPreciseErrors) {
  for (const RejectCase& test : kRejectCases) {
    ParseResult result = parse(test.expression);
    ASSERT_TRUE(result.error.has_value()) << test.expression << " " << describe(result);
    EXPECT_FALSE(result.ast.has_value());
    EXPECT_EQ(result.error->offset, test.offset)
        << test.expression << ": " << result.error->message;
    EXPECT_EQ(result.error->length, test.length)
        << test.expression << ": " << result.error->message;
    EXPECT_NE(result.error->message.find(test.message_part), std::string::npos)
        << test.expression << ": " << result.error->message;
  }
}

TEST(JsonataParserTest, ErrorUnderlineStaysInsideTheText) {
  for (const RejectCase& test : kRejectCases) {
    ParseResult result = parse(test.expression);
    ASSERT_TRUE(result.error.has_value()) << test.expression;
    EXPECT_LE(result.error->offset + result.error->length, test.expression.size())
        << test.expression;
    if (result.error->offset < test.expression.size() && !test.expression.empty() &&
        result.error->message != "the expression is empty") {
      EXPECT_GE(result.error->length, 1u) << test.expression;
    }
  }
}

TEST(JsonataParserTest, SlashIsDivisionAfterAnOperandAndARegexElsewhere) {
  EXPECT_EQ(to_sexpr(*parse("a/b/c").ast), R"((/ (/ (name "a") (name "b")) (name "c")))");
  EXPECT_EQ(to_sexpr(*parse("$replace(a, /x/, \"y\")").ast),
            R"((call (var "replace") (name "a") /x/ (string "y")))");
  // Like jsonata-js, a regex cannot directly follow an opening bracket.
  EXPECT_TRUE(parse("[/a/]").error.has_value());
  EXPECT_TRUE(parse("(/a/)").error.has_value());
}

TEST(JsonataParserTest, NodesCarryTheirSourceRange) {
  std::string_view text = "$sum($states.input.items) + 1";
  ParseResult result = parse(text);
  ASSERT_TRUE(result.ast);
  const Ast& ast = *result.ast;
  const AstNode& root = ast.node(ast.root());
  EXPECT_EQ(root.kind, NodeKind::kBinary);
  EXPECT_EQ(root.op, BinaryOperator::kAdd);
  EXPECT_EQ(root.offset, 0u);
  EXPECT_EQ(root.length, text.size());
  uint32_t call = root.children[0];
  EXPECT_EQ(text.substr(ast.node(call).offset, ast.node(call).length), "$sum($states.input.items)");
  uint32_t path = ast.node(call).children[1];
  EXPECT_EQ(text.substr(ast.node(path).offset, ast.node(path).length), "$states.input.items");
  uint32_t states = ast.node(path).children[0];
  EXPECT_EQ(ast.node(states).offset, 5u);
  EXPECT_EQ(ast.node(states).length, 7u);
}

TEST(JsonataParserTest, NegativeNumberSpansTheMinusSign) {
  ParseResult result = parse("a[- 3]");
  ASSERT_TRUE(result.ast);
  const AstNode& number = result.ast->node(result.ast->node(result.ast->root()).children[1]);
  EXPECT_EQ(number.kind, NodeKind::kNumber);
  EXPECT_EQ(number.number, -3);
  EXPECT_EQ(number.offset, 2u);
  EXPECT_EQ(number.length, 3u);
}

TEST(JsonataParserTest, ReportsCalledFunctionsAndTheirArgumentCounts) {
  ParseResult result = parse("$join($map(xs, function($v, $i){$v}), \",\") & $f(?)");
  ASSERT_TRUE(result.ast);
  const Ast& ast = *result.ast;
  std::vector<std::string> calls;
  for (uint32_t i = 0; i < ast.size(); ++i) {
    NodeKind kind = ast.node(i).kind;
    if (kind == NodeKind::kFunctionCall || kind == NodeKind::kPartialApplication) {
      calls.push_back(std::string(called_function_name(ast, i)) + "/" +
                      std::to_string(argument_count(ast, i)));
    }
    if (kind == NodeKind::kLambda) {
      EXPECT_EQ(argument_count(ast, i), 2u);
    }
  }
  EXPECT_EQ(calls, (std::vector<std::string>{"map/2", "join/2", "f/1"}));
}

TEST(JsonataParserTest, EveryNodeIsReachableFromTheRoot) {
  // The keyword node of a lambda and folded numbers are reused, never left behind.
  ParseResult result = parse("function($x){-1}(a.b.c[]) ~> $f");
  ASSERT_TRUE(result.ast);
  const Ast& ast = *result.ast;
  std::vector<bool> seen(ast.size(), false);
  std::vector<uint32_t> pending{ast.root()};
  while (!pending.empty()) {
    uint32_t index = pending.back();
    pending.pop_back();
    seen[index] = true;
    for (uint32_t child : ast.children(index))
      pending.push_back(child);
  }
  for (uint32_t i = 0; i < ast.size(); ++i)
    EXPECT_TRUE(seen[i]) << to_sexpr(ast, i);
}

TEST(JsonataParserTest, ReportsDeepNestingInsteadOfOverflowingTheStack) {
  std::string parentheses = std::string(500, '(') + "1" + std::string(500, ')');
  std::string arrays = std::string(500, '[') + std::string(500, ']');
  std::string minuses;
  for (int i = 0; i < 500; ++i)
    minuses += "- ";
  minuses += "a";
  std::string long_chain = "1";
  for (int i = 0; i < 5000; ++i)
    long_chain += "+1";
  for (const std::string& text : {parentheses, arrays, minuses, long_chain}) {
    ParseResult result = parse(text);
    ASSERT_TRUE(result.error.has_value()) << text.substr(0, 20);
    EXPECT_EQ(result.error->message, "expression nested too deeply");
  }
  std::string fine = std::string(100, '(') + "1" + std::string(100, ')');
  EXPECT_TRUE(parse(fine).ast.has_value());
}

// Found by fuzz_jsonata: a chain of transforms too deep to follow whose last operand is missing
// put the "nested too deeply" underline one byte past the end of the text.
TEST(JsonataParserTest, TooDeepAtTheEndUnderlinesNothingPastIt) {
  const std::string text(256, '|');
  ParseResult result = parse(text);
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->message, "expression nested too deeply");
  EXPECT_EQ(result.error->offset, 256u);
  EXPECT_EQ(result.error->length, 0u);
}

}  // namespace
}  // namespace wflint::jsonata
