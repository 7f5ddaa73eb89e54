#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "run/json.h"
#include "run/lambda_invoke.h"

namespace wflint {
class Node;
class Source;
}  // namespace wflint

namespace wflint::run {

inline constexpr std::string_view kResourceNotFound = "ResourceNotFoundException";
inline constexpr std::string_view kTooManyRequests = "TooManyRequestsException";

// The HTTP status Lambda answers an Invoke error code with (ResourceNotFoundException 404, ...);
// 500 for a code it does not know.
int lambda_error_status(std::string_view code);

// Whether Lambda accepts `name` as a function name (letters, digits, '-', '_'; 1 to 140).
bool is_lambda_function_name(std::string_view name);

// What a mock function does on one call.
struct MockLambdaResponse {
  enum class Kind : uint8_t {
    Echo,           // returns the request payload ({} for an empty one)
    Result,         // returns `value`
    FunctionError,  // 200 + X-Amz-Function-Error: Unhandled, `value` (the error object) as body
    ServiceError,   // the service refuses the call: `service_error`
  };
  Kind kind = Kind::Echo;
  Json value;
  LambdaServiceError service_error;  // http_status, code, message
  std::string error_reason;          // TooManyRequestsException's Reason
  int retry_after_seconds = 0;       // Retry-After header when > 0
  int delay_ms = 0;                  // waited before answering a RequestResponse call
  std::string log;                   // extra lines of the X-Amz-Log-Result tail
};

// One function of the functions file.
struct MockLambdaFunction {
  std::string name;
  std::vector<MockLambdaResponse> responses;  // call N answers with responses[N] (see `cycle`)
  bool cycle = false;                         // after the last response: start over, else repeat it
  std::string version;                        // X-Amz-Executed-Version; empty: see server
};

struct MockLambdaFunctions {
  std::string region = "us-east-1";
  std::string account = "123456789012";
  std::vector<MockLambdaFunction> functions;

  const MockLambdaFunction* find(std::string_view name) const;
};

// Reads the functions file of `wflint mock-lambda` (YAML or JSON):
//
//   region: us-east-1            # optional, for ARNs in error messages
//   account: "123456789012"      # optional, idem
//   functions:
//     Echo: {}                   # no response given: echoes the request payload
//     Hello:
//       result: {greeting: hi}   # any JSON, returned on every call
//       version: "7"             # X-Amz-Executed-Version (default: a numeric qualifier, else
//                                # $LATEST)
//       delay-ms: 50             # wait before answering (RequestResponse only)
//     Broken:
//       error: {errorType: ValueError, errorMessage: bad input}   # a function error; the object
//                                # is the response body (a "trace": [] is added when it has no
//                                # trace or stackTrace)
//     Throttled:
//       service-error: {code: TooManyRequestsException}  # also status, message, type, reason,
//                                                        # retry-after (seconds)
//     Flaky:
//       responses:               # one per call; the last repeats, or all start over with
//         - error: {errorType: Timeout, errorMessage: slow}          # `then: cycle`
//         - result: 42
//           delay-ms: 10
//         - echo: true
//       then: repeat-last        # or cycle
//
// A response holds one of result / error / service-error / `echo: true`, plus optional delay-ms
// and log (text added to the X-Amz-Log-Result tail). Delay and log given beside `responses` apply
// to every response that sets none. On failure returns nullopt and sets `error` to
// "PATH:LINE:COLUMN: message".
std::optional<MockLambdaFunctions> parse_mock_lambda_functions(const Source& source,
                                                               std::string& error);
std::optional<MockLambdaFunctions> read_mock_lambda_functions(const std::string& path,
                                                              std::string& error);

}  // namespace wflint::run
