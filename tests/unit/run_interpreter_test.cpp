// The interpreter's behaviour beyond the AWS-recorded conformance cases: Lambda through an
// invoker (the envelope, Event, Tail, errors), callbacks, Map features, limits and scopes.
#include <gtest/gtest.h>

#include "run/interpreter.h"
#include "run/loaded_file.h"

namespace wflint::run {
namespace {

// Answers every invocation with `response` (or `refusal`), and keeps the requests.
class FakeLambda : public LambdaInvoker {
 public:
  LambdaResult invoke(const LambdaRequest& request) override {
    requests.push_back(request);
    if (refusal) return *refusal;
    LambdaResponse answer = response;
    if (request.invocation_type == InvocationType::Event) {
      answer.status_code = 202;
      answer.payload.clear();
      answer.executed_version.clear();
    }
    if (request.tail_log) answer.log_result = "U1RBUlQ=";
    return answer;
  }

  LambdaResponse response;
  std::optional<LambdaServiceError> refusal;
  std::vector<LambdaRequest> requests;
};

class InterpreterTest : public ::testing::Test {
 protected:
  RunResult run(const std::string& definition, const std::string& input = "{}") {
    std::string error;
    file_ = load_text("definition.json", definition, error);
    EXPECT_TRUE(file_) << error;
    options_.input = Json::parse(input);
    options_.start_time_nanos = 1'704'067'200LL * 1'000'000'000;  // 2024-01-01T00:00:00Z
    return run_state_machine(*file_->root(), options_);
  }

  static std::string one_task(const std::string& fields) {
    return R"({"StartAt": "T", "States": {"T": {"Type": "Task", )" + fields + R"(, "End": true}}})";
  }

  RunOptions options_;
  FakeLambda lambda_;
  std::unique_ptr<LoadedFile> file_;
};

TEST_F(InterpreterTest, OptimizedInvokeReturnsTheWholeEnvelope) {
  lambda_.response.payload = R"({"total": 42})";
  lambda_.response.request_id = "req-1";
  options_.lambda = &lambda_;
  const RunResult result = run(
      one_task(
          R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "price", "Payload.$": "$"})"),
      R"({"sku": "tea"})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  ASSERT_EQ(lambda_.requests.size(), 1u);
  EXPECT_EQ(lambda_.requests[0].function_name, "price");
  EXPECT_EQ(lambda_.requests[0].payload, R"({"sku":"tea"})");
  const Json& output = result.output;
  EXPECT_EQ(output["ExecutedVersion"], "$LATEST");
  EXPECT_EQ(output["Payload"], Json::parse(R"({"total": 42})"));
  EXPECT_EQ(output["StatusCode"], 200);
  EXPECT_EQ(output["SdkResponseMetadata"]["RequestId"], "req-1");
  EXPECT_EQ(output["SdkHttpMetadata"]["HttpStatusCode"], 200);
  EXPECT_EQ(output["SdkHttpMetadata"]["HttpHeaders"]["Content-Length"], "13");
  EXPECT_EQ(output["SdkHttpMetadata"]["AllHttpHeaders"]["x-amzn-RequestId"],
            Json::array({"req-1"}));
  EXPECT_FALSE(output.contains("LogResult"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : output.items())
    keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"ExecutedVersion", "Payload", "SdkHttpMetadata",
                                            "SdkResponseMetadata", "StatusCode"}));
}

TEST_F(InterpreterTest, TailLogAddsLogResultAndEventGivesAnEmptyPayload) {
  lambda_.response.payload = "{}";
  options_.lambda = &lambda_;
  RunResult tail = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "LogType": "Tail"})"));
  ASSERT_EQ(tail.status, RunStatus::Succeeded);
  EXPECT_EQ(tail.output["LogResult"], "U1RBUlQ=");
  EXPECT_TRUE(lambda_.requests.back().tail_log);

  RunResult event = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "InvocationType": "Event"})"));
  ASSERT_EQ(event.status, RunStatus::Succeeded);
  EXPECT_EQ(event.output["StatusCode"], 202);
  EXPECT_EQ(event.output["Payload"], "");
  EXPECT_EQ(lambda_.requests.back().invocation_type, InvocationType::Event);
}

TEST_F(InterpreterTest, FunctionArnReturnsTheOutputAlone) {
  lambda_.response.payload = R"("just text")";
  options_.lambda = &lambda_;
  const RunResult result =
      run(one_task(R"("Resource": "arn:aws:lambda:us-east-1:123456789012:function:f")"));
  ASSERT_EQ(result.status, RunStatus::Succeeded);
  EXPECT_EQ(result.output, "just text");
  EXPECT_EQ(lambda_.requests[0].function_name, "arn:aws:lambda:us-east-1:123456789012:function:f");
}

TEST_F(InterpreterTest, FunctionErrorsAreNamedByErrorType) {
  lambda_.response.function_error = "Unhandled";
  lambda_.response.payload = R"({"errorMessage": "boom", "errorType": "KeyError"})";
  options_.lambda = &lambda_;
  RunResult optimized = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"})"));
  EXPECT_EQ(optimized.error, "KeyError");
  EXPECT_EQ(optimized.cause, R"({"errorMessage":"boom","errorType":"KeyError"})");  // compacted
  RunResult legacy =
      run(one_task(R"("Resource": "arn:aws:lambda:us-east-1:123456789012:function:f")"));
  EXPECT_EQ(legacy.cause, R"({"errorMessage": "boom", "errorType": "KeyError"})");  // verbatim

  lambda_.response.payload = R"({"errorMessage": "Task timed out after 3.00 seconds"})";
  RunResult unknown =
      run(one_task(R"("Resource": "arn:aws:lambda:us-east-1:123456789012:function:f")"));
  EXPECT_EQ(unknown.error, "Lambda.Unknown");
}

TEST_F(InterpreterTest, RefusedCallsBecomeLambdaErrorsWithTheSdkCause) {
  lambda_.refusal = LambdaServiceError{
      404, "ResourceNotFoundException",
      "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope", "id-7"};
  options_.lambda = &lambda_;
  const RunResult result = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "nope"},
         "Catch": [{"ErrorEquals": ["Lambda.ResourceNotFoundException"], "Next": "Caught"}])"
      R"(}, "Caught": {"Type": "Pass")"));
  ASSERT_EQ(result.status, RunStatus::Succeeded);
  EXPECT_EQ(result.output["Error"], "Lambda.ResourceNotFoundException");
  EXPECT_EQ(result.output["Cause"],
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope (Service: "
            "AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: id-7; "
            "Proxy: null)");
}

TEST_F(InterpreterTest, UnmockedLambdaWithoutAnEndpointStopsNamingTheState) {
  const RunResult result = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "T"}])"));
  EXPECT_EQ(result.status, RunStatus::Failed);
  EXPECT_EQ(result.error, "wflint.NotMocked");
  EXPECT_NE(result.cause->find("State 'T'"), std::string::npos);
}

TEST_F(InterpreterTest, CallbackTokenReachesTheFunctionAndTheAnswerIsTheResult) {
  lambda_.response.payload = "null";
  options_.lambda = &lambda_;
  options_.callback.given = true;
  options_.callback.kind = CallbackAnswer::Kind::Success;
  options_.callback.output = Json::parse(R"({"approved": true})");
  const RunResult result = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
         "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}})"));
  ASSERT_EQ(result.status, RunStatus::Succeeded);
  EXPECT_EQ(result.output, Json::parse(R"({"approved": true})"));
  const Json payload = Json::parse(lambda_.requests.at(0).payload);
  EXPECT_TRUE(payload["token"].is_string());
  EXPECT_GE(payload["token"].get<std::string>().size(), 32u);
}

TEST_F(InterpreterTest, SilentCallbackTimesOutOnTheTaskTimeoutOrTheExecutionLimit) {
  lambda_.response.payload = "null";
  options_.lambda = &lambda_;
  options_.record_events = true;
  const RunResult timed_out = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 30,
         "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}})"));
  EXPECT_EQ(timed_out.status, RunStatus::Failed);
  EXPECT_EQ(timed_out.error, "States.Timeout");
  EXPECT_EQ(timed_out.events.back().timestamp_nanos - timed_out.events.front().timestamp_nanos,
            30LL * 1'000'000'000);

  // No timeout at all: the one-year execution limit ends it.
  const RunResult forever = run(one_task(
      R"("Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
         "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}})"));
  EXPECT_EQ(forever.status, RunStatus::TimedOut);
}

TEST_F(InterpreterTest, ResultPathOnANonObjectInputIsAResultPathMatchFailure) {
  const RunResult result = run(
      R"({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.x", "End": true}}})",
      R"("just a string")");
  EXPECT_EQ(result.error, "States.ResultPathMatchFailure");
}

TEST_F(InterpreterTest, ExecutionInputOverTheDataLimitFails) {
  const std::string big = "\"" + std::string(262'144, 'a') + "\"";
  const RunResult result =
      run(R"({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}})", big);
  EXPECT_EQ(result.status, RunStatus::Failed);
  EXPECT_EQ(result.error, "States.DataLimitExceeded");
}

TEST_F(InterpreterTest, ItemBatcherGroupsItemsWithTheBatchInput) {
  const RunResult result = run(R"({"StartAt": "M", "States": {"M": {"Type": "Map",
      "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"run.$": "$.run"}},
      "ItemsPath": "$.items",
      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
      "End": true}}})",
                               R"({"run": 7, "items": [1, 2, 3]})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse(R"([{"Items": [1, 2], "BatchInput": {"run": 7}},
                                          {"Items": [3], "BatchInput": {"run": 7}}])"));
}

TEST_F(InterpreterTest, ToleratedFailuresKeepTheMapGoingUntilTheThreshold) {
  const std::string definition = R"({"StartAt": "M", "States": {"M": {"Type": "Map",
      "ToleratedFailureCount": 1, "ItemsPath": "$.items",
      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Bad"}], "Default": "Ok"},
          "Bad": {"Type": "Fail", "Error": "Zero", "Cause": "zero item"},
          "Ok": {"Type": "Succeed"}}},
      "End": true}}})";
  const RunResult one = run(definition, R"({"items": [1, 0, 2]})");
  ASSERT_EQ(one.status, RunStatus::Succeeded);
  EXPECT_EQ(one.output, Json::parse(R"([1, {"Error": "Zero", "Cause": "zero item"}, 2])"));
  const RunResult two = run(definition, R"({"items": [0, 0, 2]})");
  EXPECT_EQ(two.error, "States.ExceedToleratedFailureThreshold");
}

TEST_F(InterpreterTest, InlineMapFailsWithTheIterationsOwnError) {
  const RunResult result = run(R"({"StartAt": "M", "States": {"M": {"Type": "Map",
      "ItemProcessor": {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "Broken", "Cause": "item"}}},
      "End": true}}})",
                               "[1, 2]");
  EXPECT_EQ(result.error, "Broken");
  EXPECT_EQ(result.cause, "item");
}

TEST_F(InterpreterTest, VariablesAssignedInAnIterationStayThere) {
  const RunResult result = run(R"({"StartAt": "Set", "States": {
      "Set": {"Type": "Pass", "Assign": {"label": "outer"}, "Next": "M"},
      "M": {"Type": "Map", "ItemsPath": "$.items",
        "ItemProcessor": {"StartAt": "Inner", "States": {
          "Inner": {"Type": "Pass", "Assign": {"seen.$": "$label"}, "Next": "Read"},
          "Read": {"Type": "Pass", "Parameters": {"seen.$": "$seen"}, "End": true}}},
        "ResultPath": "$.results", "Next": "After"},
      "After": {"Type": "Pass", "Parameters": {"label.$": "$label", "results.$": "$.results"}, "End": true}}})",
                               R"({"items": [1]})");
  ASSERT_EQ(result.status, RunStatus::Succeeded) << result.cause.value_or("");
  EXPECT_EQ(result.output, Json::parse(R"({"label": "outer", "results": [{"seen": "outer"}]})"));
  const RunResult leaked = run(R"({"StartAt": "M", "States": {
      "M": {"Type": "Map", "ItemProcessor": {"StartAt": "Inner", "States": {
          "Inner": {"Type": "Pass", "Assign": {"inner": 1}, "End": true}}}, "Next": "Read"},
      "Read": {"Type": "Pass", "Parameters": {"x.$": "$inner"}, "End": true}}})",
                               "[1]");
  EXPECT_EQ(leaked.error, "States.Runtime");
}

TEST_F(InterpreterTest, RetryCountersArePerRetrierAndTheFirstMatchingOneDecides) {
  // The SPEC's example: errors A, B, C, B on retriers [A, B: max 2] and [C]: waits 1 s, 2 s, 5 s,
  // then the fourth error exhausts the first retrier.
  const std::string mocks = R"({"StateMachines": {"sm": {"TestCases": {"T": {"T": "Seq"}}}},
      "MockedResponses": {"Seq": {"0": {"Throw": {"Error": "A", "Cause": ""}},
        "1": {"Throw": {"Error": "B", "Cause": ""}}, "2": {"Throw": {"Error": "C", "Cause": ""}},
        "3": {"Throw": {"Error": "B", "Cause": ""}}, "4": {"Return": 1}}}})";
  std::string error;
  const auto mock_file = load_text("mocks.json", mocks, error);
  std::vector<std::string> problems;
  const auto config = MockConfig::read(*mock_file->root(), problems);
  ASSERT_TRUE(config);
  auto selected = config->test_case("sm", "T");
  ASSERT_TRUE(selected.ok());
  options_.mocks = &selected.value();
  options_.record_events = true;
  const RunResult result = run(one_task(R"("Resource": "arn:aws:states:::sqs:sendMessage",
      "Retry": [{"ErrorEquals": ["A", "B"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 2},
                {"ErrorEquals": ["C"], "IntervalSeconds": 5}])"));
  EXPECT_EQ(result.error, "B");
  EXPECT_EQ(result.events.back().timestamp_nanos - result.events.front().timestamp_nanos,
            8LL * 1'000'000'000);
}

}  // namespace
}  // namespace wflint::run
