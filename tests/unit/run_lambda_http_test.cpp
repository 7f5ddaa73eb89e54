#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <thread>

#include "run/base64.h"
#include "run/http/lambda_http_client.h"
#include "run/http/mock_lambda_server.h"
#include "run/json.h"
#include "support/source.h"
#include "test_support.h"

namespace wflint::run {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kFunctions = R"(
functions:
  Echo: {}
  Hello:
    result: {greeting: hello, n: 1}
  Versioned:
    result: 7
    version: "3"
  Broken:
    error: {errorType: ValueError, errorMessage: bad input}
  Throttled:
    service-error: {code: TooManyRequestsException}
  Gone:
    service-error: {code: ResourceNotFoundException}
  Custom:
    service-error: {code: EC2ThrottledException, message: slow down, retry-after: 4}
  Flaky:
    responses:
      - error: {errorType: Timeout, errorMessage: first}
      - result: second
      - result: third
  Cycling:
    responses:
      - result: 1
      - result: 2
    then: cycle
  Slow:
    result: late
    delay-ms: 80
  VerySlow:
    result: never
    delay-ms: 5000
  Logged:
    result: ok
    log: hello from the function
)";

MockLambdaFunctions parse(std::string_view text, std::string& error,
                          const std::string& path = "functions.yaml") {
  std::unique_ptr<Source> source = Source::from_bytes(path, text);
  std::optional<MockLambdaFunctions> functions = parse_mock_lambda_functions(*source, error);
  return functions.value_or(MockLambdaFunctions{});
}

std::string parse_error(std::string_view text, const std::string& path = "functions.yaml") {
  std::string error;
  std::unique_ptr<Source> source = Source::from_bytes(path, text);
  EXPECT_FALSE(parse_mock_lambda_functions(*source, error).has_value());
  return error;
}

LambdaRequest named(std::string name, std::string qualifier = "") {
  LambdaRequest request;
  request.function_name = std::move(name);
  request.qualifier = std::move(qualifier);
  request.payload = "{}";
  return request;
}

HttpLambdaTimeouts short_timeouts() {
  HttpLambdaTimeouts timeouts;
  timeouts.connect = 2s;
  timeouts.read = 5s;
  timeouts.write = 5s;
  return timeouts;
}

// Sends `request` as is to 127.0.0.1:port and returns all the server answered (it closes the
// connection: the request says "Connection: close").
std::string raw_http(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      answer.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return answer;
}

std::string raw_post(int port, const std::string& path, const std::string& headers,
                     const std::string& body) {
  return raw_http(port, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                            headers + "Content-Length: " + std::to_string(body.size()) +
                            "\r\n\r\n" + body);
}

std::string unbase64_encode(std::string_view text) {
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const std::size_t value =
        std::string_view("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
            .find(c);
    if (value == std::string_view::npos) break;
    bits = (bits << 6) | static_cast<uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

class MockLambdaServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = std::make_unique<MockLambdaServer>(parse(kFunctions, error));
    ASSERT_EQ(error, "");
    ASSERT_TRUE(server_->start("127.0.0.1", 0, error)) << error;
    ASSERT_GT(server_->port(), 0);
    endpoint_ = "http://127.0.0.1:" + std::to_string(server_->port());
    invoker_ = std::make_unique<HttpLambdaInvoker>(endpoint_, short_timeouts());
  }

  LambdaResult invoke(const std::string& name, const std::string& payload = R"({"a":1})",
                      InvocationType type = InvocationType::RequestResponse) {
    LambdaRequest request;
    request.function_name = name;
    request.payload = payload;
    request.invocation_type = type;
    return invoker_->invoke(request);
  }

  static LambdaResponse response_of(const LambdaResult& result) {
    if (const auto* error = std::get_if<LambdaServiceError>(&result)) {
      ADD_FAILURE() << "service error " << error->code << ": " << error->message;
      return {};
    }
    return std::get<LambdaResponse>(result);
  }

  static LambdaServiceError error_of(const LambdaResult& result) {
    if (const auto* response = std::get_if<LambdaResponse>(&result)) {
      ADD_FAILURE() << "response " << response->status_code << ": " << response->payload;
      return {};
    }
    return std::get<LambdaServiceError>(result);
  }

  std::unique_ptr<MockLambdaServer> server_;
  std::string endpoint_;
  std::unique_ptr<HttpLambdaInvoker> invoker_;
};

// --- The functions file ----------------------------------------------------------------------

TEST(MockLambdaFunctionsFile, ReadsEveryKindOfResponse) {
  std::string error;
  const MockLambdaFunctions functions = parse(kFunctions, error);
  ASSERT_EQ(error, "");
  ASSERT_NE(functions.find("Echo"), nullptr);
  EXPECT_EQ(functions.find("Echo")->responses.at(0).kind, MockLambdaResponse::Kind::Echo);
  EXPECT_EQ(functions.find("Hello")->responses.at(0).value,
            Json::parse(R"({"greeting":"hello","n":1})"));
  EXPECT_EQ(functions.find("Versioned")->version, "3");
  const MockLambdaResponse& broken = functions.find("Broken")->responses.at(0);
  EXPECT_EQ(broken.kind, MockLambdaResponse::Kind::FunctionError);
  EXPECT_EQ(to_text(broken.value),
            R"({"errorType":"ValueError","errorMessage":"bad input","trace":[]})");
  const MockLambdaResponse& throttled = functions.find("Throttled")->responses.at(0);
  EXPECT_EQ(throttled.service_error.http_status, 429);
  EXPECT_EQ(throttled.retry_after_seconds, 1);
  EXPECT_EQ(functions.find("Custom")->responses.at(0).service_error.http_status, 502);
  EXPECT_EQ(functions.find("Flaky")->responses.size(), 3U);
  EXPECT_FALSE(functions.find("Flaky")->cycle);
  EXPECT_TRUE(functions.find("Cycling")->cycle);
  EXPECT_EQ(functions.find("Slow")->responses.at(0).delay_ms, 80);
  EXPECT_EQ(functions.find("Missing"), nullptr);
  EXPECT_EQ(functions.region, "us-east-1");
  EXPECT_EQ(functions.account, "123456789012");
}

TEST(MockLambdaFunctionsFile, ReadsJsonAndNullFunctions) {
  std::string error;
  MockLambdaFunctions functions = parse(
      R"({"region": "eu-west-1", "account": "111122223333", "functions": {"A": null, "B": {"result": 1.0}}})",
      error, "functions.json");
  ASSERT_EQ(error, "");
  EXPECT_EQ(functions.region, "eu-west-1");
  EXPECT_EQ(functions.account, "111122223333");
  EXPECT_EQ(functions.find("A")->responses.at(0).kind, MockLambdaResponse::Kind::Echo);
  EXPECT_EQ(to_text(functions.find("B")->responses.at(0).value), "1.0");
}

TEST(MockLambdaFunctionsFile, FunctionLevelDelayAndLogApplyToResponses) {
  std::string error;
  MockLambdaFunctions functions = parse(R"(
functions:
  F:
    delay-ms: 5
    log: shared
    responses:
      - result: 1
      - result: 2
        delay-ms: 9
)",
                                        error);
  ASSERT_EQ(error, "");
  EXPECT_EQ(functions.find("F")->responses.at(0).delay_ms, 5);
  EXPECT_EQ(functions.find("F")->responses.at(0).log, "shared");
  EXPECT_EQ(functions.find("F")->responses.at(1).delay_ms, 9);
}

TEST(MockLambdaFunctionsFile, ErrorsNameLineAndColumn) {
  EXPECT_EQ(parse_error("functions:\n  F:\n    reslt: 1\n"),
            "functions.yaml:3:5: unknown key 'reslt' (expected one of: result, error, "
            "service-error, echo, delay-ms, log, version, responses, then)");
  EXPECT_EQ(parse_error("functions:\n  F:\n    result: 1\n    error: {errorType: E}\n"),
            "functions.yaml:4:5: a response is one of result, error, service-error, echo");
  EXPECT_EQ(parse_error("functions:\n  F:\n    then: loop\n"),
            "functions.yaml:3:11: 'then' must be 'repeat-last' or 'cycle'");
  EXPECT_EQ(parse_error("functions:\n  F:\n    delay-ms: -1\n"),
            "functions.yaml:3:15: 'delay-ms' must be a whole number from 0 to 900000");
  EXPECT_EQ(parse_error("functions:\n  F:\n    responses: []\n"),
            "functions.yaml:3:16: 'responses' must be a non-empty list");
  EXPECT_EQ(parse_error("functions:\n  F:\n    service-error: {status: 500}\n"),
            "functions.yaml:3:20: 'service-error' needs a 'code' such as TooManyRequestsException");
  EXPECT_EQ(parse_error("functions:\n  F:\n    echo: false\n"),
            "functions.yaml:3:11: 'echo' can only be true (echo is also what a function without a "
            "response does)");
  EXPECT_NE(parse_error("functions:\n  arn:aws:lambda:us-east-1:1:function:F: {}\n")
                .find("functions.yaml:2:3: a function is listed by its bare name"),
            std::string::npos);
  EXPECT_EQ(parse_error("functions: [F]\n"),
            "functions.yaml:1:12: 'functions' must map names to functions");
  EXPECT_EQ(parse_error("region: x\n"), "functions.yaml:1:1: 'functions' is missing");
}

TEST(MockLambdaFunctionsFile, SyntaxErrorsAndDuplicateKeysNamePositions) {
  EXPECT_NE(parse_error("functions:\n  F: {}\n  F: {}\n").find("functions.yaml:3:3:"),
            std::string::npos);
  EXPECT_NE(parse_error("{\"functions\": {\"F\": }}", "f.json").find("f.json:1:"),
            std::string::npos);
}

TEST(MockLambdaFunctionsFile, UnreadableFileIsAnError) {
  std::string error;
  EXPECT_FALSE(read_mock_lambda_functions("/nonexistent/functions.yaml", error).has_value());
  EXPECT_NE(error, "");
}

// --- The client's pieces ---------------------------------------------------------------------

TEST(HttpLambdaInvoker, EncodesTheFunctionNameAndQualifier) {
  EXPECT_EQ(invoke_path("f", ""), "/2015-03-31/functions/f/invocations");
  EXPECT_EQ(invoke_path("arn:aws:lambda:us-east-1:123456789012:function:f", "$LATEST"),
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/"
            "invocations?Qualifier=%24LATEST");
}

TEST(HttpLambdaInvoker, ReadsErrorCodesFromTheHeader) {
  EXPECT_EQ(error_code_from_header("ResourceNotFoundException"), "ResourceNotFoundException");
  EXPECT_EQ(error_code_from_header("ResourceNotFoundException:http://internal.amazon.com/"),
            "ResourceNotFoundException");
  EXPECT_EQ(error_code_from_header("aws.lambda#TooManyRequestsException"),
            "TooManyRequestsException");
  EXPECT_EQ(error_code_from_header(""), "");
}

TEST(HttpLambdaInvoker, ValidatesEndpoints) {
  std::string error;
  EXPECT_TRUE(HttpLambdaInvoker::is_valid_endpoint("http://127.0.0.1:3001", error));
  EXPECT_TRUE(HttpLambdaInvoker::is_valid_endpoint("http://localhost:3001/prefix/", error));
  EXPECT_FALSE(HttpLambdaInvoker::is_valid_endpoint("127.0.0.1:3001", error));
  EXPECT_FALSE(HttpLambdaInvoker::is_valid_endpoint("ftp://host", error));
  EXPECT_FALSE(HttpLambdaInvoker::is_valid_endpoint("http://", error));
}

TEST(HttpLambdaInvoker, InvalidEndpointIsAClientError) {
  HttpLambdaInvoker invoker("localhost:3001");
  const LambdaResult result = invoker.invoke(named("f"));
  ASSERT_TRUE(std::holds_alternative<LambdaServiceError>(result));
  EXPECT_EQ(std::get<LambdaServiceError>(result).code, "SdkClientException");
}

TEST(HttpLambdaInvoker, UnreachableEndpointIsASdkClientException) {
  std::string error;
  int port = 0;
  {
    MockLambdaServer server(MockLambdaFunctions{});
    ASSERT_TRUE(server.start("127.0.0.1", 0, error)) << error;
    port = server.port();
  }  // stopped: nothing listens on the port any more
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);
  HttpLambdaInvoker invoker(endpoint, short_timeouts());
  const LambdaResult result = invoker.invoke(named("f"));
  ASSERT_TRUE(std::holds_alternative<LambdaServiceError>(result));
  const auto& failure = std::get<LambdaServiceError>(result);
  EXPECT_EQ(failure.code, "SdkClientException");
  EXPECT_NE(failure.message.find(endpoint), std::string::npos) << failure.message;
}

// --- Server and client together --------------------------------------------------------------

TEST_F(MockLambdaServerTest, EchoesThePayloadByDefault) {
  const LambdaResponse response = response_of(invoke("Echo", R"({"a": [1, 2.0]})"));
  EXPECT_EQ(response.status_code, 200);
  EXPECT_EQ(response.payload, R"({"a":[1,2.0]})");
  EXPECT_EQ(response.function_error, "");
  EXPECT_EQ(response.executed_version, "$LATEST");
  EXPECT_EQ(response.request_id.size(), 36U) << response.request_id;
  EXPECT_EQ(response_of(invoke("Echo", "")).payload, "{}");
}

TEST_F(MockLambdaServerTest, ReturnsAFixedResult) {
  const LambdaResponse response = response_of(invoke("Hello"));
  EXPECT_EQ(response.status_code, 200);
  EXPECT_EQ(response.payload, R"({"greeting":"hello","n":1})");
  EXPECT_EQ(response_of(invoke("Versioned")).executed_version, "3");
}

TEST_F(MockLambdaServerTest, FunctionErrorIsA200WithUnhandled) {
  const LambdaResponse response = response_of(invoke("Broken"));
  EXPECT_EQ(response.status_code, 200);
  EXPECT_EQ(response.function_error, "Unhandled");
  EXPECT_EQ(response.payload,
            R"({"errorType":"ValueError","errorMessage":"bad input","trace":[]})");
}

TEST_F(MockLambdaServerTest, UnknownFunctionIsResourceNotFound) {
  const LambdaServiceError error = error_of(invoke("Nope"));
  EXPECT_EQ(error.http_status, 404);
  EXPECT_EQ(error.code, "ResourceNotFoundException");
  EXPECT_EQ(error.message,
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope");
  EXPECT_FALSE(error.request_id.empty());
  EXPECT_EQ(error_of(invoke("Nope:prod")).message,
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope:prod");
}

TEST_F(MockLambdaServerTest, MockedServiceErrors) {
  const LambdaServiceError throttled = error_of(invoke("Throttled"));
  EXPECT_EQ(throttled.http_status, 429);
  EXPECT_EQ(throttled.code, "TooManyRequestsException");
  EXPECT_EQ(throttled.message, "Rate Exceeded.");
  const LambdaServiceError gone = error_of(invoke("Gone"));
  EXPECT_EQ(gone.http_status, 404);
  EXPECT_EQ(gone.message,
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Gone");
  const LambdaServiceError custom = error_of(invoke("Custom"));
  EXPECT_EQ(custom.http_status, 502);
  EXPECT_EQ(custom.code, "EC2ThrottledException");
  EXPECT_EQ(custom.message, "slow down");
}

TEST_F(MockLambdaServerTest, ServiceErrorWireFormat) {
  const std::string answer =
      raw_post(server_->port(), "/2015-03-31/functions/Throttled/invocations", "", "{}");
  EXPECT_NE(answer.find("HTTP/1.1 429"), std::string::npos) << answer;
  EXPECT_NE(answer.find("x-amzn-ErrorType: TooManyRequestsException\r\n"), std::string::npos);
  EXPECT_NE(answer.find("Retry-After: 1\r\n"), std::string::npos);
  EXPECT_NE(answer.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(
      answer.find(
          R"({"Type":"User","message":"Rate Exceeded.","Reason":"ConcurrentInvocationLimitExceeded"})"),
      std::string::npos)
      << answer;
  const std::string missing =
      raw_post(server_->port(), "/2015-03-31/functions/Nope/invocations", "", "");
  EXPECT_NE(
      missing.find(
          R"({"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope"})"),
      std::string::npos)
      << missing;
}

TEST_F(MockLambdaServerTest, SuccessWireFormat) {
  const std::string answer =
      raw_post(server_->port(), "/2015-03-31/functions/Hello/invocations", "", "{}");
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(answer.find("X-Amz-Executed-Version: $LATEST\r\n"), std::string::npos);
  EXPECT_NE(answer.find("x-amzn-RequestId: "), std::string::npos);
  const std::string event = raw_post(server_->port(), "/2015-03-31/functions/Hello/invocations",
                                     "X-Amz-Invocation-Type: Event\r\n", "{}");
  EXPECT_NE(event.find("HTTP/1.1 202"), std::string::npos) << event;
  EXPECT_EQ(event.find("X-Amz-Executed-Version"), std::string::npos) << event;
}

TEST_F(MockLambdaServerTest, BodyThatIsNotJsonIsInvalidRequestContent) {
  const LambdaServiceError error = error_of(invoke("Echo", "{not json"));
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.code, "InvalidRequestContentException");
  EXPECT_TRUE(error.message.starts_with("Could not parse request body into json")) << error.message;
}

TEST_F(MockLambdaServerTest, AcceptsQualifiers) {
  LambdaRequest request = named("Hello");
  request.qualifier = "prod";
  EXPECT_EQ(response_of(invoker_->invoke(request)).executed_version, "$LATEST");
  request.qualifier = "5";
  EXPECT_EQ(response_of(invoker_->invoke(request)).executed_version, "5");
  EXPECT_EQ(response_of(invoke("Hello:12")).executed_version, "12");
  EXPECT_EQ(response_of(invoke("Versioned:12")).executed_version, "3");
  const std::vector<MockLambdaCall> calls = server_->calls();
  ASSERT_EQ(calls.size(), 4U);
  EXPECT_EQ(calls[0].function_name, "Hello");
  EXPECT_EQ(calls[0].qualifier, "prod");
  EXPECT_EQ(calls[2].qualifier, "12");
}

TEST_F(MockLambdaServerTest, ConflictingQualifiersAreRejected) {
  const LambdaServiceError error = error_of(invoker_->invoke(named("Hello:1", "2")));
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.code, "InvalidParameterValueException");
  EXPECT_EQ(response_of(invoker_->invoke(named("Hello:2", "2"))).status_code, 200);
}

TEST_F(MockLambdaServerTest, AcceptsArns) {
  EXPECT_EQ(response_of(invoke("arn:aws:lambda:us-east-1:123456789012:function:Hello")).status_code,
            200);
  EXPECT_EQ(response_of(invoke("arn:aws:lambda:eu-west-1:123456789012:function:Hello:7"))
                .executed_version,
            "7");
  EXPECT_EQ(response_of(invoke("123456789012:function:Hello")).status_code, 200);
  EXPECT_EQ(response_of(invoke("123456789012:function:Hello:live")).status_code, 200);
  EXPECT_EQ(server_->call_count("Hello"), 4U);
  const LambdaServiceError malformed = error_of(invoke("arn:aws:s3:::bucket"));
  EXPECT_EQ(malformed.http_status, 400);
  EXPECT_EQ(malformed.code, "ValidationException");
}

TEST_F(MockLambdaServerTest, DecodesNamesTheClientDidNotEncode) {
  const std::string answer = raw_post(
      server_->port(),
      "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Hello/invocations", "",
      "{}");
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
}

TEST_F(MockLambdaServerTest, InvocationTypes) {
  const LambdaResponse event = response_of(invoke("Flaky", "{}", InvocationType::Event));
  EXPECT_EQ(event.status_code, 202);
  EXPECT_EQ(event.payload, "");
  EXPECT_EQ(event.executed_version, "");
  const LambdaResponse dry_run = response_of(invoke("Flaky", "{}", InvocationType::DryRun));
  EXPECT_EQ(dry_run.status_code, 204);
  EXPECT_EQ(dry_run.payload, "");
  // The Event call consumed the first response; the DryRun one consumed nothing.
  EXPECT_EQ(response_of(invoke("Flaky")).payload, R"("second")");
  EXPECT_EQ(server_->call_count("Flaky"), 3U);
  const std::vector<MockLambdaCall> calls = server_->calls();
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_EQ(calls[0].invocation_type, InvocationType::Event);
  EXPECT_EQ(calls[1].invocation_type, InvocationType::DryRun);
  EXPECT_EQ(calls[1].status, 204);
}

TEST_F(MockLambdaServerTest, ServiceErrorsApplyToEveryInvocationType) {
  EXPECT_EQ(error_of(invoke("Throttled", "{}", InvocationType::Event)).http_status, 429);
  EXPECT_EQ(error_of(invoke("Nope", "{}", InvocationType::DryRun)).http_status, 404);
}

TEST_F(MockLambdaServerTest, InvalidInvocationTypeIsAValidationError) {
  const std::string answer = raw_post(server_->port(), "/2015-03-31/functions/Hello/invocations",
                                      "X-Amz-Invocation-Type: Sometimes\r\n", "{}");
  EXPECT_NE(answer.find("HTTP/1.1 400"), std::string::npos) << answer;
  EXPECT_NE(answer.find("x-amzn-ErrorType: ValidationException"), std::string::npos) << answer;
}

TEST_F(MockLambdaServerTest, TailsTheLog) {
  LambdaRequest request = named("Logged");
  request.tail_log = true;
  const LambdaResponse response = response_of(invoker_->invoke(request));
  const std::string log = unbase64_encode(response.log_result);
  EXPECT_TRUE(log.starts_with("START RequestId: " + response.request_id + " Version: $LATEST\n"))
      << log;
  EXPECT_NE(log.find("hello from the function\n"), std::string::npos) << log;
  EXPECT_NE(log.find("END RequestId: " + response.request_id), std::string::npos) << log;
  EXPECT_NE(log.find("REPORT RequestId: "), std::string::npos) << log;
  EXPECT_EQ(response_of(invoke("Logged")).log_result, "");
  request.function_name = "Broken";
  EXPECT_NE(unbase64_encode(response_of(invoker_->invoke(request)).log_result)
                .find("ERROR\tInvoke Error"),
            std::string::npos);
}

TEST_F(MockLambdaServerTest, ChecksTheClientContext) {
  LambdaRequest request = named("Hello");
  request.client_context = base64_encode(R"({"custom":{"k":"v"}})");
  EXPECT_EQ(response_of(invoker_->invoke(request)).status_code, 200);
  EXPECT_EQ(server_->calls().back().client_context, request.client_context);
  request.client_context = "not base64!";
  const LambdaServiceError error = error_of(invoker_->invoke(request));
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.code, "InvalidRequestContentException");
}

TEST_F(MockLambdaServerTest, SequencesRepeatTheLastResponse) {
  const LambdaResponse first = response_of(invoke("Flaky"));
  EXPECT_EQ(first.function_error, "Unhandled");
  EXPECT_EQ(first.payload, R"({"errorType":"Timeout","errorMessage":"first","trace":[]})");
  EXPECT_EQ(response_of(invoke("Flaky")).payload, R"("second")");
  EXPECT_EQ(response_of(invoke("Flaky")).payload, R"("third")");
  EXPECT_EQ(response_of(invoke("Flaky")).payload, R"("third")");
}

TEST_F(MockLambdaServerTest, SequencesCycleWhenAsked) {
  std::string payloads;
  for (int i = 0; i < 5; ++i)
    payloads += response_of(invoke("Cycling")).payload;
  EXPECT_EQ(payloads, "12121");
}

TEST_F(MockLambdaServerTest, DelaysTheAnswer) {
  const auto begin = std::chrono::steady_clock::now();
  EXPECT_EQ(response_of(invoke("Slow")).payload, R"("late")");
  EXPECT_GE(std::chrono::steady_clock::now() - begin, 75ms);
  // Asynchronous calls do not wait for the function.
  const auto event_begin = std::chrono::steady_clock::now();
  EXPECT_EQ(response_of(invoke("Slow", "{}", InvocationType::Event)).status_code, 202);
  EXPECT_LT(std::chrono::steady_clock::now() - event_begin, 75ms);
}

TEST_F(MockLambdaServerTest, ReadTimeoutIsASdkClientException) {
  HttpLambdaTimeouts timeouts = short_timeouts();
  timeouts.read = 100ms;
  HttpLambdaInvoker impatient(endpoint_, timeouts);
  const LambdaResult result = impatient.invoke(named("VerySlow"));
  ASSERT_TRUE(std::holds_alternative<LambdaServiceError>(result));
  EXPECT_EQ(std::get<LambdaServiceError>(result).code, "SdkClientException");
}

TEST_F(MockLambdaServerTest, StopCutsDelaysShort) {
  std::thread caller([this] { invoke("VerySlow"); });
  while (server_->call_count("VerySlow") == 0 && server_->calls().empty())
    std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(20ms);
  const auto begin = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, 3s);
  caller.join();
}

TEST_F(MockLambdaServerTest, UnknownPathsAreUnknownOperations) {
  const std::string answer =
      raw_http(server_->port(),
               "GET /2015-03-31/functions HTTP/1.1\r\nHost: x\r\nConnection: "
               "close\r\n\r\n");
  EXPECT_NE(answer.find("HTTP/1.1 404"), std::string::npos) << answer;
  EXPECT_NE(answer.find("x-amzn-ErrorType: UnknownOperationException"), std::string::npos)
      << answer;
  HttpLambdaInvoker prefixed(endpoint_ + "/prefix", short_timeouts());
  const LambdaServiceError error = error_of(prefixed.invoke(named("Hello")));
  EXPECT_EQ(error.http_status, 404);
  EXPECT_EQ(error.code, "UnknownOperationException");
  EXPECT_NE(error.message.find("/prefix/2015-03-31/functions/Hello/invocations"), std::string::npos)
      << error.message;
}

// Answers one connection with a canned HTTP response, to see how the client reads other
// servers' errors.
class CannedHttpServer {
 public:
  explicit CannedHttpServer(std::string response) : response_(std::move(response)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(listener_, 1);
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve_one(); });
  }
  ~CannedHttpServer() {
    thread_.join();
    close(listener_);
  }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void serve_one() {
    timeval timeout{5, 0};
    setsockopt(listener_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const int fd = accept(listener_, nullptr, nullptr);
    if (fd < 0) return;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string request;
    char buffer[4096];
    for (ssize_t n; request.find("\r\n\r\n") == std::string::npos &&
                    (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      request.append(buffer, static_cast<std::size_t>(n));
    send(fd, response_.data(), response_.size(), 0);
    close(fd);
  }

  std::string response_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

LambdaServiceError canned_error(const std::string& headers, const std::string& body) {
  CannedHttpServer server("HTTP/1.1 400 Bad Request\r\n" + headers +
                          "Connection: close\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\n\r\n" + body);
  HttpLambdaInvoker invoker(server.endpoint(), short_timeouts());
  const LambdaResult result = invoker.invoke(named("f"));
  EXPECT_TRUE(std::holds_alternative<LambdaServiceError>(result));
  return std::holds_alternative<LambdaServiceError>(result) ? std::get<LambdaServiceError>(result)
                                                            : LambdaServiceError{};
}

TEST(HttpLambdaInvoker, ReadsErrorCodesAndMessagesAsTheSdksDo) {
  LambdaServiceError error = canned_error(
      "x-amzn-ErrorType: InvalidParameterValueException:http://internal/\r\n"
      "x-amzn-RequestId: r-1\r\n",
      R"({"__type":"Other","Message":"bad value"})");
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.code, "InvalidParameterValueException");
  EXPECT_EQ(error.message, "bad value");
  EXPECT_EQ(error.request_id, "r-1");
  error = canned_error("", R"({"__type":"com.amazonaws#ValidationException","message":"m"})");
  EXPECT_EQ(error.code, "ValidationException");
  EXPECT_EQ(error.message, "m");
  error = canned_error("", R"({"Code":"SomeCode","message":"m2"})");
  EXPECT_EQ(error.code, "SomeCode");
  error = canned_error("", "");
  EXPECT_EQ(error.code, "AWSLambdaException");
  EXPECT_EQ(error.message, "HTTP status 400");
}

TEST_F(MockLambdaServerTest, ABusyPortIsAnError) {
  MockLambdaServer second(MockLambdaFunctions{});
  std::string error;
  EXPECT_FALSE(second.start("127.0.0.1", server_->port(), error));
  EXPECT_NE(error.find(std::to_string(server_->port())), std::string::npos) << error;
}

TEST_F(MockLambdaServerTest, CountsConcurrentCalls) {
  std::vector<std::thread> callers;
  std::atomic<int> ok = 0;
  for (int t = 0; t < 8; ++t) {
    callers.emplace_back([&] {
      for (int i = 0; i < 10; ++i)
        if (std::holds_alternative<LambdaResponse>(invoke("Echo"))) ++ok;
    });
  }
  for (std::thread& caller : callers)
    caller.join();
  EXPECT_EQ(ok, 80);
  EXPECT_EQ(server_->call_count("Echo"), 80U);
  EXPECT_EQ(server_->calls().size(), 80U);
}

TEST_F(MockLambdaServerTest, ReportsEachCallToTheListener) {
  std::atomic<int> heard = 0;
  server_->on_call([&](const MockLambdaCall& call) {
    if (call.function_name == "Nope" && call.error_code == "ResourceNotFoundException") ++heard;
  });
  invoke("Nope");
  EXPECT_EQ(heard, 1);
}

// --- The AWS CLI against the server ----------------------------------------------------------

// Each `aws` run takes seconds to start, so the test runs them all at once.
class AwsCliTest : public MockLambdaServerTest {
 protected:
  void SetUp() override {
    if (std::system("command -v aws >/dev/null 2>&1") != 0) GTEST_SKIP() << "aws is not on PATH";
    MockLambdaServerTest::SetUp();
    dir_ = testing::make_temp_dir();
    // AWS CLI v2 needs --cli-binary-format to take --payload as raw JSON; v1 takes it raw and
    // rejects the option.
    const bool v1 = testing::run_command("aws --version 2>&1").out.starts_with("aws-cli/1.");
    binary_format_ = v1 ? "" : "--cli-binary-format raw-in-base64-out ";
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // Starts `aws lambda invoke ARGS OUTFILE` against the server; stdout and stderr together.
  std::future<testing::CommandResult> invoke_cli(const std::string& args,
                                                 const std::string& outfile) const {
    const std::string command =
        "cd " + dir_ +
        " && env AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_MAX_ATTEMPTS=1 "
        "AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER= "
        "AWS_EC2_METADATA_DISABLED=true timeout 60 aws lambda invoke --endpoint-url " +
        endpoint_ + " --region us-east-1 " + binary_format_ + args + " " + outfile + " 2>&1";
    return std::async(std::launch::async, [command] { return testing::run_command(command); });
  }
  std::string outfile(const std::string& name) const {
    return testing::read_file(dir_ + "/" + name);
  }

  std::string dir_;
  std::string binary_format_;
};

TEST_F(AwsCliTest, InvokesTheMockServer) {
  auto payload = invoke_cli("--function-name Echo --payload '{\"a\":1}'", "payload.json");
  auto arn = invoke_cli("--function-name arn:aws:lambda:us-east-1:123456789012:function:Hello:4",
                        "arn.json");
  auto event =
      invoke_cli("--function-name Echo --invocation-type Event --payload '{}'", "event.json");
  auto tail = invoke_cli("--function-name Logged --log-type Tail --payload '{}'", "tail.json");
  auto function_error = invoke_cli("--function-name Broken", "error.json");
  auto unknown = invoke_cli("--function-name Nope", "unknown.json");

  const testing::CommandResult payload_result = payload.get();
  ASSERT_EQ(payload_result.exit_code, 0) << payload_result.out;
  EXPECT_NE(payload_result.out.find("\"StatusCode\": 200"), std::string::npos)
      << payload_result.out;
  EXPECT_NE(payload_result.out.find("\"ExecutedVersion\": \"$LATEST\""), std::string::npos)
      << payload_result.out;
  EXPECT_EQ(outfile("payload.json"), R"({"a":1})");

  const testing::CommandResult arn_result = arn.get();
  ASSERT_EQ(arn_result.exit_code, 0) << arn_result.out;
  EXPECT_NE(arn_result.out.find("\"ExecutedVersion\": \"4\""), std::string::npos) << arn_result.out;
  EXPECT_EQ(outfile("arn.json"), R"({"greeting":"hello","n":1})");

  const testing::CommandResult event_result = event.get();
  ASSERT_EQ(event_result.exit_code, 0) << event_result.out;
  EXPECT_NE(event_result.out.find("\"StatusCode\": 202"), std::string::npos) << event_result.out;
  EXPECT_EQ(outfile("event.json"), "");

  const testing::CommandResult tail_result = tail.get();
  ASSERT_EQ(tail_result.exit_code, 0) << tail_result.out;
  // U1RBUlQgUmVxdWVzdElkOi is base64 for "START RequestId:".
  EXPECT_NE(tail_result.out.find("\"LogResult\": \"U1RBUlQgUmVxdWVzdElkOi"), std::string::npos)
      << tail_result.out;

  const testing::CommandResult error_result = function_error.get();
  ASSERT_EQ(error_result.exit_code, 0) << error_result.out;
  EXPECT_NE(error_result.out.find("\"FunctionError\": \"Unhandled\""), std::string::npos)
      << error_result.out;
  EXPECT_EQ(outfile("error.json"),
            R"({"errorType":"ValueError","errorMessage":"bad input","trace":[]})");

  const testing::CommandResult unknown_result = unknown.get();
  EXPECT_NE(unknown_result.exit_code, 0);
  EXPECT_NE(unknown_result.out.find("An error occurred (ResourceNotFoundException) when calling "
                                    "the Invoke operation: Function not found: "
                                    "arn:aws:lambda:us-east-1:123456789012:function:Nope"),
            std::string::npos)
      << unknown_result.out;
}

}  // namespace
}  // namespace wflint::run
