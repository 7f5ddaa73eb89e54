#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "run/lambda_invoke.h"

namespace wflint::run {

struct HttpLambdaTimeouts {
  std::chrono::milliseconds connect{5'000};
  // Lambda functions run up to 15 minutes; wait a little longer than that for the answer.
  std::chrono::milliseconds read{905'000};
  std::chrono::milliseconds write{30'000};
};

// Calls the Lambda Invoke API of an endpoint such as `http://127.0.0.1:3001` (a mock server,
// `sam local start-lambda`), optionally with a path prefix (`http://host:port/lambda`). Requests
// are not signed. Thread-safe: every call uses a connection of its own. Constructing one makes
// the process ignore SIGPIPE (when it does not handle it), which httplib would otherwise raise.
class HttpLambdaInvoker : public LambdaInvoker {
 public:
  explicit HttpLambdaInvoker(std::string endpoint_url, HttpLambdaTimeouts timeouts = {});

  // Whether `url` is an endpoint this class can call; otherwise sets `error`.
  static bool is_valid_endpoint(std::string_view url, std::string& error);

  // Never throws. A refused call comes back as a LambdaServiceError; an endpoint that cannot be
  // reached (or an invalid endpoint URL, or a timeout) as one with code "SdkClientException".
  LambdaResult invoke(const LambdaRequest& request) override;

  const std::string& endpoint_url() const { return endpoint_url_; }

 private:
  std::string endpoint_url_;
  HttpLambdaTimeouts timeouts_;
};

// The request path of an invocation: "/2015-03-31/functions/{name}/invocations[?Qualifier=q]",
// name and qualifier percent-encoded (an ARN's colons become %3A, as the AWS SDKs send them).
std::string invoke_path(std::string_view function_name, std::string_view qualifier);

// The error code of an x-amzn-ErrorType header value: "Code:http://..." and "ns#Code" give "Code".
std::string error_code_from_header(std::string_view value);

}  // namespace wflint::run
