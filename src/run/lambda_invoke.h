#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace wflint::run {

enum class InvocationType : uint8_t { RequestResponse, Event, DryRun };

std::string_view to_string(InvocationType type);

// One call of the Lambda Invoke API (POST /2015-03-31/functions/{name}/invocations).
struct LambdaRequest {
  std::string function_name;  // a name, name:qualifier, or a full or partial ARN
  std::string qualifier;      // version or alias; empty for none
  InvocationType invocation_type = InvocationType::RequestResponse;
  bool tail_log = false;       // X-Amz-Log-Type: Tail
  std::string client_context;  // base64 JSON, empty for none
  std::string payload;         // the request body: JSON text, may be empty
};

// What Invoke returned when the service accepted the call, as the SDK presents it.
struct LambdaResponse {
  int status_code = 200;                     // 200 RequestResponse, 202 Event, 204 DryRun
  std::string function_error;                // "Unhandled" when the function failed; else empty
  std::string log_result;                    // base64 of the log tail, with LogType Tail only
  std::string executed_version = "$LATEST";  // empty for Event and DryRun
  std::string request_id;
  std::string payload;  // the response body: the function's result or error object, JSON text
};

// The service refused the call (restJson1 error): ResourceNotFoundException 404, ...
struct LambdaServiceError {
  int http_status = 500;
  std::string code;  // "ResourceNotFoundException"
  std::string message;
  std::string request_id;
};

using LambdaResult = std::variant<LambdaResponse, LambdaServiceError>;

// Something that answers Lambda invocations: a mock, or a real endpoint over HTTP.
class LambdaInvoker {
 public:
  virtual ~LambdaInvoker() = default;
  virtual LambdaResult invoke(const LambdaRequest& request) = 0;
};

}  // namespace wflint::run
