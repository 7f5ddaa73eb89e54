// JSONata states in the interpreter, beyond the AWS-recorded conformance cases: what each field
// sees ($states members, variables as of state entry), the defaults, and AWS's error causes.
#include <gtest/gtest.h>

#include "run/interpreter.h"
#include "run/loaded_file.h"

namespace wflint::run {
namespace {

// Answers every invocation with a fixed payload, and keeps the requests.
class FakeLambda : public LambdaInvoker {
 public:
  LambdaResult invoke(const LambdaRequest& request) override {
    requests.push_back(request);
    LambdaResponse answer;
    answer.payload = payload;
    return answer;
  }

  std::string payload = "{}";
  std::vector<LambdaRequest> requests;
};

class JsonataRunTest : public ::testing::Test {
 protected:
  RunResult run(const std::string& states, const std::string& input = "{}") {
    const std::string definition =
        R"({"QueryLanguage": "JSONata", "StartAt": "S", "States": )" + states + "}";
    std::string error;
    file_ = load_text("definition.json", definition, error);
    EXPECT_TRUE(file_) << error;
    options_.input = Json::parse(input);
    options_.start_time_nanos = 1'704'067'200LL * 1'000'000'000;  // 2024-01-01T00:00:00Z
    options_.lambda = &lambda_;
    return run_state_machine(*file_->root(), options_);
  }

  RunOptions options_;
  FakeLambda lambda_;
  std::unique_ptr<LoadedFile> file_;
};

TEST_F(JsonataRunTest, PassOutputDefaultsToTheInputAndTemplatesMixLiteralsAndExpressions) {
  const RunResult same = run(R"({"S": {"Type": "Pass", "End": true}})", R"({"a": 1})");
  ASSERT_EQ(same.status, RunStatus::Succeeded) << same.cause.value_or("");
  EXPECT_EQ(same.output, Json::parse(R"({"a": 1})"));

  const RunResult shaped = run(
      R"({"S": {"Type": "Pass", "Output": {"sum": "{% $sum($states.input.n) %}",
          "literal": "$.n", "list": ["{% $count($states.input.n) %}", "x"]}, "End": true}})",
      R"({"n": [1, 2, 3.5]})");
  ASSERT_EQ(shaped.status, RunStatus::Succeeded) << shaped.cause.value_or("");
  EXPECT_EQ(shaped.output, Json::parse(R"({"sum": 6.5, "literal": "$.n", "list": [3, "x"]})"));
}

TEST_F(JsonataRunTest, TaskOutputDefaultsToTheResultAndArgumentsBuildTheRequest) {
  lambda_.payload = R"({"price": 4})";
  const RunResult result = run(R"({"S": {"Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {"FunctionName": "price", "Payload": {"sku": "{% $states.input.sku %}"}},
      "End": true}})",
                               R"({"sku": "tea"})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  ASSERT_EQ(lambda_.requests.size(), 1u);
  EXPECT_EQ(lambda_.requests[0].function_name, "price");
  EXPECT_EQ(lambda_.requests[0].payload, R"({"sku":"tea"})");
  EXPECT_EQ(result.output["Payload"], Json::parse(R"({"price": 4})"));
  EXPECT_EQ(result.output["StatusCode"], 200);
}

TEST_F(JsonataRunTest, OutputAndAssignSeeTheVariablesAsTheyWereWhenTheStateWasEntered) {
  const RunResult result = run(R"({
      "S": {"Type": "Pass", "Assign": {"n": 1}, "Next": "T"},
      "T": {"Type": "Pass", "Assign": {"n": "{% $n + 1 %}", "old": "{% $n %}"},
            "Output": {"seen": "{% $n %}"}, "Next": "U"},
      "U": {"Type": "Pass", "Output": {"n": "{% $n %}", "old": "{% $old %}"}, "End": true}})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse(R"({"n": 2, "old": 1})"));
}

TEST_F(JsonataRunTest, TaskOutputAndAssignReadTheResult) {
  lambda_.payload = R"({"id": "o-1"})";
  const RunResult result = run(R"({
      "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Arguments": {"FunctionName": "make"},
            "Assign": {"order": "{% $states.result.Payload.id %}"},
            "Output": {"input": "{% $states.input %}", "status": "{% $states.result.StatusCode %}"},
            "Next": "T"},
      "T": {"Type": "Pass", "Output": "{% $order %}", "End": true}})",
                               R"({"x": true})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, "o-1");
}

TEST_F(JsonataRunTest, CatcherOutputDefaultsToTheErrorOutputAndItsAssignReadsIt) {
  const RunResult caught = run(R"({
      "S": {"Type": "Pass", "Output": "{% $states.input.missing %}",
            "Next": "Never"},
      "Never": {"Type": "Succeed"}})");
  EXPECT_EQ(caught.status, RunStatus::Failed);  // Pass states have no Catch

  const RunResult result = run(R"({
      "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Arguments": {"FunctionName": "{% $states.input.name %}"},
            "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"],
                       "Assign": {"why": "{% $states.errorOutput.Error %}"},
                       "Next": "T"}],
            "End": true},
      "T": {"Type": "Pass", "Output": {"why": "{% $why %}", "input": "{% $states.input %}"},
            "End": true}})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output["why"], "States.QueryEvaluationError");
  EXPECT_EQ(result.output["input"]["Error"], "States.QueryEvaluationError");
  EXPECT_EQ(result.output["input"]["Cause"],
            "An error occurred while executing the state 'S' (entered at the event id #2). The "
            "JSONata expression '$states.input.name' specified for the field "
            "'Arguments/FunctionName' returned nothing (undefined).");
  EXPECT_TRUE(lambda_.requests.empty());
}

TEST_F(JsonataRunTest, ChoiceTakesTheFirstTrueConditionAndItsAssign) {
  const std::string states = R"({
      "S": {"Type": "Choice", "Assign": {"route": "default"},
            "Choices": [{"Condition": "{% $states.input.n > 10 %}", "Assign": {"route": "big"},
                         "Next": "T"}],
            "Default": "T"},
      "T": {"Type": "Pass", "Output": "{% $route %}", "End": true}})";
  EXPECT_EQ(run(states, R"({"n": 11})").output, "big");
  EXPECT_EQ(run(states, R"({"n": 1})").output, "default");
}

TEST_F(JsonataRunTest, AChoiceRuleWithOnlyAssignKeepsTheStatesOutput) {
  const RunResult result = run(R"({
      "S": {"Type": "Choice", "Output": {"seen": "{% $states.input.n %}"},
            "Choices": [{"Condition": "{% $states.input.n > 0 %}", "Assign": {"sign": "+"},
                         "Next": "T"},
                        {"Condition": "{% true %}", "Output": "negative", "Next": "T"}],
            "Default": "T"},
      "T": {"Type": "Pass", "Output": {"input": "{% $states.input %}", "sign": "{% $sign %}"},
            "End": true}})",
                               R"({"n": 5})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse(R"({"input": {"seen": 5}, "sign": "+"})"));
  EXPECT_EQ(run(R"({
      "S": {"Type": "Choice", "Output": "state",
            "Choices": [{"Condition": "{% true %}", "Output": "rule", "Next": "T"}]},
      "T": {"Type": "Succeed"}})")
                .output,
            "rule");
}

TEST_F(JsonataRunTest, ChoiceConditionMustBeBoolean) {
  const RunResult result = run(R"({
      "S": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n %}", "Next": "T"}],
            "Default": "T"},
      "T": {"Type": "Succeed"}})",
                               R"({"n": 3})");
  EXPECT_EQ(result.status, RunStatus::Failed);
  EXPECT_EQ(result.error, "States.QueryEvaluationError");
  EXPECT_NE(result.cause.value_or("").find("Expected 'boolean', but was 'number' for value: 3"),
            std::string::npos)
      << result.cause.value_or("");
}

TEST_F(JsonataRunTest, MapItemsAndItemSelectorWithTheMapItemContext) {
  const RunResult result = run(R"({
      "S": {"Type": "Map", "Items": "{% $states.input.xs[$ > 1] %}",
            "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}",
                             "i": "{% $states.context.Map.Item.Index %}"},
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass",
                "Output": "{% $states.input.v * 10 + $states.input.i %}", "End": true}}},
            "End": true}})",
                               R"({"xs": [1, 2, 3]})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse("[20, 31]"));
}

TEST_F(JsonataRunTest, InlineIterationsSeeOuterVariablesDistributedChildrenDoNot) {
  const std::string map = R"({
      "S": {"Type": "Pass", "Assign": {"rate": 2}, "Next": "M"},
      "M": {"Type": "Map", "Items": [1, 2],
            "ItemProcessor": {MODE "StartAt": "P", "States": {"P": {"Type": "Pass",
                "Output": "{% $states.input * $rate %}", "End": true}}},
            "End": true}})";
  const auto with_mode = [&map](const std::string& mode) {
    std::string text = map;
    text.replace(text.find("MODE"), 4, mode);
    return text;
  };
  const RunResult inline_map = run(with_mode(""));
  ASSERT_EQ(inline_map.status, RunStatus::Succeeded) << inline_map.cause.value_or("");
  EXPECT_EQ(inline_map.output, Json::parse("[2, 4]"));

  const RunResult distributed =
      run(with_mode(R"("ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},)"));
  EXPECT_EQ(distributed.status, RunStatus::Failed);
  EXPECT_EQ(distributed.error, "States.QueryEvaluationError");
}

TEST_F(JsonataRunTest, MapItemsThatAreNotAnArrayFailWithAwsCause) {
  const RunResult result = run(R"({
      "S": {"Type": "Map", "Items": "{% $states.input.xs %}",
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}},
            "End": true}})",
                               R"({"xs": {"a": 1}})");
  EXPECT_EQ(result.error, "States.QueryEvaluationError");
  EXPECT_EQ(result.cause,
            "An error occurred while executing the state 'S' (entered at the event id #2). The "
            "JSONata expression '$states.input.xs' specified for the field 'Items' returned an "
            "unexpected result type. Expected 'array', but was 'object' for value: {\"a\":1}");
}

TEST_F(JsonataRunTest, EvaluationErrorsCarryTheJsonataCode) {
  const RunResult result =
      run(R"({"S": {"Type": "Pass", "Output": "{% $states.input.s + 1 %}", "End": true}})",
          R"({"s": "text"})");
  EXPECT_EQ(result.error, "States.QueryEvaluationError");
  EXPECT_NE(result.cause.value_or("").find("threw an error during evaluation. T2001: "),
            std::string::npos)
      << result.cause.value_or("");
}

TEST_F(JsonataRunTest, AFunctionIsNotAResult) {
  const RunResult result =
      run(R"({"S": {"Type": "Pass", "Output": "{% function($x){$x} %}", "End": true}})");
  EXPECT_EQ(result.error, "States.QueryEvaluationError");
  EXPECT_EQ(result.cause,
            "An error occurred while executing the state 'S' (entered at the event id #2). The "
            "JSONata expression 'function($x){$x}' specified for the field 'Output' returned an "
            "unsupported result type.");
}

TEST_F(JsonataRunTest, WaitSecondsFromAnExpressionMovesTheVirtualClock) {
  const RunResult result = run(R"({
      "S": {"Type": "Wait", "Seconds": "{% $states.input.delay * 2 %}", "Next": "T"},
      "T": {"Type": "Pass", "Output": "{% $states.context.State.EnteredTime %}", "End": true}})",
                               R"({"delay": 30})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, "2024-01-01T00:01:00.000Z");
}

TEST_F(JsonataRunTest, FailErrorAndCauseFromExpressions) {
  const RunResult result = run(R"({"S": {"Type": "Fail",
      "Error": "{% 'Order.' & $states.input.kind %}", "Cause": "{% $string($states.input) %}"}})",
                               R"({"kind": "Rejected"})");
  EXPECT_EQ(result.status, RunStatus::Failed);
  EXPECT_EQ(result.error, "Order.Rejected");
  EXPECT_EQ(result.cause, R"({"kind":"Rejected"})");
}

TEST_F(JsonataRunTest, StepFunctionsFunctionsAreAvailableAndEvalIsNot) {
  const RunResult result = run(R"({"S": {"Type": "Pass", "Output": {
      "parts": "{% $partition([1, 2, 3], 2) %}", "range": "{% $range(0, 6, 3) %}",
      "parsed": "{% $parse('{\"a\": [1]}') %}", "now": "{% $now() %}"}, "End": true}})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output["parts"], Json::parse("[[1, 2], [3]]"));
  EXPECT_EQ(result.output["range"], Json::parse("[0, 3, 6]"));
  EXPECT_EQ(result.output["parsed"], Json::parse(R"({"a": [1]})"));
  EXPECT_EQ(result.output["now"], "2024-01-01T00:00:00.000Z");

  const RunResult eval =
      run(R"({"S": {"Type": "Pass", "Output": "{% $eval('1 + 1') %}", "End": true}})");
  EXPECT_EQ(eval.error, "States.QueryEvaluationError");
}

TEST_F(JsonataRunTest, JsonPathAndJsonataStatesMix) {
  const std::string definition = R"({"StartAt": "A", "States": {
      "A": {"Type": "Pass", "Parameters": {"n.$": "$.x"}, "Next": "B"},
      "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"m": "{% $states.input.n + 1 %}"},
            "Next": "C"},
      "C": {"Type": "Pass", "ResultPath": "$.c", "Result": true, "End": true}}})";
  std::string error;
  file_ = load_text("definition.json", definition, error);
  ASSERT_TRUE(file_) << error;
  options_.input = Json::parse(R"({"x": 1})");
  const RunResult result = run_state_machine(*file_->root(), options_);
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse(R"({"m": 2, "c": true})"));
}

}  // namespace
}  // namespace wflint::run
