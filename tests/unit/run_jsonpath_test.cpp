#include <gtest/gtest.h>

#include "run/jsonpath.h"
#include "run/loaded_file.h"
#include "run/mock_config.h"

namespace wflint::run {
namespace {

Outcome<Json> read(std::string_view text, const Json& root) {
  const lang::PathResult parsed = lang::parse_path(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return read_path(parsed.path, text, root);
}

const Json kStore = Json::parse(R"({"store": {"book": [
    {"title": "A", "price": 8, "tags": ["x"]},
    {"title": "B", "price": 12},
    {"title": "C", "price": 5}], "name": "shop", "a.b": 1}})");

TEST(JsonPathEval, DefinitePathsReadOneValue) {
  EXPECT_EQ(read("$.store.name", kStore).value(), "shop");
  EXPECT_EQ(read("$.store.book[1].title", kStore).value(), "B");
  EXPECT_EQ(read("$.store.book[-1].title", kStore).value(), "C");
  EXPECT_EQ(read("$['store']['a.b']", kStore).value(), 1);
  EXPECT_EQ(read("$", kStore).value(), kStore);
}

TEST(JsonPathEval, IndefinitePathsCollectEveryMatch) {
  EXPECT_EQ(read("$.store.book[*].title", kStore).value(), Json::parse(R"(["A","B","C"])"));
  EXPECT_EQ(read("$.store.book[1:].price", kStore).value(), Json::parse("[12,5]"));
  EXPECT_EQ(read("$.store.book[:1].title", kStore).value(), Json::parse(R"(["A"])"));
  EXPECT_EQ(read("$.store.book[0,2].title", kStore).value(), Json::parse(R"(["A","C"])"));
  EXPECT_EQ(read("$..price", kStore).value(), Json::parse("[8,12,5]"));
  EXPECT_EQ(read("$.store.book[?(@.price < 10)].title", kStore).value(),
            Json::parse(R"(["A","C"])"));
  EXPECT_EQ(read("$.store.book[?(@.tags)].title", kStore).value(), Json::parse(R"(["A"])"));
  EXPECT_EQ(read("$.store.nothing[*]", kStore).value(), Json::array());
}

TEST(JsonPathEval, MissingNodesGiveJaywaysMessages) {
  EXPECT_EQ(read("$.store.missing", kStore).error().cause,
            "No results for path: $['store']['missing']");
  EXPECT_EQ(read("$.no.such.path", kStore).error().cause, "Missing property in path $['no']");
  EXPECT_FALSE(read("$.store.book[7]", kStore).ok());
}

TEST(JsonPathEval, ReferencePathWritesCreateObjectsOnTheWay) {
  Json target = Json::parse(R"({"a": {"keep": 1}, "list": [0, 1]})");
  const auto write = [&](std::string_view text, Json value) {
    const lang::PathResult parsed = lang::parse_reference_path(text);
    return write_reference_path(target, parsed.path, text, std::move(value));
  };
  EXPECT_TRUE(write("$.a.b.c", 2).ok());
  EXPECT_TRUE(write("$.list[1]", "one").ok());
  EXPECT_EQ(target, Json::parse(R"({"a": {"keep": 1, "b": {"c": 2}}, "list": [0, "one"]})"));
  EXPECT_FALSE(write("$.a.keep.deeper", 3).ok());  // 1 is not an object
  EXPECT_FALSE(write("$.list[5]", 3).ok());
}

// Found by fuzz_path and fuzz_mock_config: a number too large for a double made nlohmann throw
// out_of_range, which only parse_error was caught for, and `wflint run` aborted.
TEST(JsonPathEval, FilterWithANumberTooLargeForADoubleMatchesNothing) {
  const Outcome<Json> result = read("$.store.book[?(@.price == 1e999)].title", kStore);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value(), Json::array());
}

TEST(MockConfigFile, NumberTooLargeForADoubleIsAProblem) {
  std::string error;
  const auto file = load_text("mocks.json", R"({
    "StateMachines": {"orders": {"TestCases": {"Happy": {"Charge": "Huge"}}}},
    "MockedResponses": {"Huge": {"0": {"Return": {"Payload": [1, 1e999]}}}}})",
                              error);
  ASSERT_TRUE(file) << error;
  std::vector<std::string> problems;
  EXPECT_FALSE(MockConfig::read(*file->root(), problems));
  EXPECT_EQ(problems,
            std::vector<std::string>{
                "mocks.json:3:66: 1e999 is too large for a number a function can return"});
}

TEST(MockConfigFile, RangesAnswerTheirCallsAndGapsAnswerNothing) {
  std::string error;
  const auto file = load_text("mocks.json", R"({
    "StateMachines": {"orders": {"TestCases": {"Happy": {"Charge": "Flaky"}}}},
    "MockedResponses": {"Flaky": {
      "0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "x"}},
      "1-2": {"Return": {"StatusCode": 200, "Payload": 1}},
      "4": {"Return": 2}}}})",
                              error);
  ASSERT_TRUE(file) << error;
  std::vector<std::string> problems;
  const auto config = MockConfig::read(*file->root(), problems);
  ASSERT_TRUE(config) << (problems.empty() ? "" : problems.front());
  auto mocks = config->test_case("orders", "Happy");
  ASSERT_TRUE(mocks.ok());
  const MockedResponses* responses = mocks.value().responses_for("Charge");
  ASSERT_NE(responses, nullptr);
  EXPECT_TRUE(responses->at(0)->throws);
  EXPECT_EQ(responses->at(2)->returned["Payload"], 1);
  EXPECT_EQ(responses->at(3), nullptr);
  EXPECT_EQ(responses->at(4)->returned, 2);
  EXPECT_EQ(mocks.value().responses_for("Other"), nullptr);
  EXPECT_FALSE(config->test_case("orders", "Sad").ok());
  EXPECT_FALSE(config->test_case("other", "Happy").ok());
}

TEST(MockConfigFile, EveryProblemIsReportedWithItsPosition) {
  std::string error;
  const auto file = load_text("mocks.json", R"({
  "StateMachines": {"sm": {"TestCases": {"T": {"A": "Nope", "B": 3}}}},
  "MockedResponses": {"R": {"2-1": {"Return": 1}, "0": {"Throw": {"Error": "E"}}}}
})",
                              error);
  ASSERT_TRUE(file) << error;
  std::vector<std::string> problems;
  EXPECT_FALSE(MockConfig::read(*file->root(), problems));
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                R"(mocks.json:3:29: "2-1" is not a call number ("0") or range ("1-2"))",
                R"(mocks.json:3:57: "Throw" needs "Error" and "Cause" strings)",
                R"(mocks.json:2:48: no mocked response is named "Nope")",
                R"(mocks.json:2:61: a state's mock must be the name of a mocked response)"}));
}

}  // namespace
}  // namespace wflint::run
