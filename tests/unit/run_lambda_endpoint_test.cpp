// `wflint run --lambda-endpoint` end to end: the binary invokes Lambda over HTTP, answered by
// `wflint mock-lambda` running as a process of its own.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"

namespace wflint {
namespace {

using Json = nlohmann::ordered_json;

class LambdaEndpointTest : public testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    testing::write_file(path("functions.yaml"), R"(functions:
  price:
    result: {total: 42}
  fails:
    error: {errorType: OutOfStock, errorMessage: no tea left}
  ask: {}
)");
    // The server prints its port on its first line, then serves until it is killed.
    testing::run_command("cd '" + dir_ +
                         "' && ('" WFLINT_BINARY
                         "' mock-lambda --functions functions.yaml --port 0 -q > server.out 2>&1 "
                         "& echo $! > server.pid)");
    endpoint_ = wait_for_endpoint();
  }

  void TearDown() override {
    testing::run_command("kill $(cat '" + path("server.pid") + "') 2>/dev/null");
    CliFixture::TearDown();
  }

  std::string wait_for_endpoint() {
    for (int attempt = 0; attempt < 200; ++attempt) {
      const std::string out = testing::read_file(path("server.out"));
      const auto at = out.find("http://");
      if (at != std::string::npos && out.find('\n', at) != std::string::npos) {
        return out.substr(at, out.find('\n', at) - at);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ADD_FAILURE() << "wflint mock-lambda did not start: " << testing::read_file(path("server.out"));
    return "";
  }

  Json run_json(const std::string& definition, const std::string& extra = "") {
    testing::write_file(path("sm.json"), definition);
    const testing::CommandResult result =
        wflint("run sm.json --format json --lambda-endpoint " + endpoint_ + " " + extra);
    return Json::parse(result.out, nullptr, false);
  }

  std::string endpoint_;
};

std::string task(const std::string& resource, const std::string& parameters) {
  return R"({"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": ")" + resource +
         R"(", "Parameters": )" + parameters + R"(, "End": true}}})";
}

TEST_F(LambdaEndpointTest, OptimizedInvokeCarriesTheEnvelopeFromTheWire) {
  const Json result = run_json(task("arn:aws:states:::lambda:invoke",
                                    R"({"FunctionName": "price", "Payload": {"sku": "tea"}})"));
  ASSERT_EQ(result["status"], "SUCCEEDED") << result.dump();
  EXPECT_EQ(result["output"]["Payload"], Json::parse(R"({"total": 42})"));
  EXPECT_EQ(result["output"]["StatusCode"], 200);
  EXPECT_EQ(result["output"]["ExecutedVersion"], "$LATEST");
  EXPECT_TRUE(result["output"]["SdkResponseMetadata"]["RequestId"].is_string());
}

TEST_F(LambdaEndpointTest, FunctionArnGetsTheOutputAloneAndEventGets202) {
  const Json direct =
      run_json(task("arn:aws:lambda:us-east-1:123456789012:function:price", R"({"sku": "tea"})"));
  EXPECT_EQ(direct["output"], Json::parse(R"({"total": 42})")) << direct.dump();
  const Json event = run_json(task("arn:aws:states:::lambda:invoke",
                                   R"({"FunctionName": "price", "InvocationType": "Event"})"));
  EXPECT_EQ(event["output"]["StatusCode"], 202) << event.dump();
  EXPECT_EQ(event["output"]["Payload"], "");
}

TEST_F(LambdaEndpointTest, ErrorsComeBackAsStepFunctionsNamesThem) {
  const Json failed =
      run_json(task("arn:aws:states:::lambda:invoke", R"({"FunctionName": "fails"})"));
  EXPECT_EQ(failed["status"], "FAILED");
  EXPECT_EQ(failed["error"], "OutOfStock");
  EXPECT_EQ(Json::parse(failed["cause"].get<std::string>())["errorMessage"], "no tea left");
  const Json missing =
      run_json(task("arn:aws:states:::lambda:invoke", R"({"FunctionName": "nope"})"));
  EXPECT_EQ(missing["error"], "Lambda.ResourceNotFoundException");
  EXPECT_NE(missing["cause"].get<std::string>().find(
                "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException"),
            std::string::npos);
}

TEST_F(LambdaEndpointTest, CallbackTaskSendsItsTokenAndTimesOutOnItsHeartbeat) {
  const std::string definition = R"({"StartAt": "T", "States": {"T": {"Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "HeartbeatSeconds": 60,
      "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}}, "End": true}}})";
  const Json silent = run_json(definition, "--trace");
  EXPECT_EQ(silent["status"], "FAILED");
  EXPECT_EQ(silent["error"], "States.Timeout");
  bool submitted = false;
  for (const Json& event : silent["events"]) {
    if (event["type"] != "TaskSubmitted") continue;
    submitted = true;
    // The echo function returned what it was sent: the token.
    const Json envelope =
        Json::parse(event["taskSubmittedEventDetails"]["output"].get<std::string>());
    EXPECT_TRUE(envelope["Payload"]["token"].is_string()) << envelope.dump();
  }
  EXPECT_TRUE(submitted);
  const Json answered = run_json(definition, R"(--callback 'success:{"approved": true}')");
  EXPECT_EQ(answered["output"], Json::parse(R"({"approved": true})")) << answered.dump();
}

TEST_F(LambdaEndpointTest, UnreachableEndpointIsASdkClientException) {
  testing::write_file(path("sm.json"),
                      task("arn:aws:states:::lambda:invoke", R"({"FunctionName": "price"})"));
  const testing::CommandResult result =
      wflint("run sm.json --format json --lambda-endpoint http://127.0.0.1:1");
  const Json json = Json::parse(result.out, nullptr, false);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(json["error"], "Lambda.SdkClientException") << result.out;
}

}  // namespace
}  // namespace wflint
