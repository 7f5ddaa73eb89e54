#pragma once

// The parts of wflint that speak HTTP (the Lambda client behind `wflint run --lambda-endpoint`
// and the `wflint mock-lambda` server) live in a module of their own, libwflint_http.so, loaded
// on first use. The HTTP library brings TLS and compression libraries with it, whose loading
// would otherwise add about 10 ms to every wflint process, `wflint check` in a pre-commit hook
// included.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "run/lambda_invoke.h"
#include "run/mock_lambda_functions.h"

namespace wflint::run {

// One call the mock server answered, as recorded for tests and the command's log.
struct MockLambdaCall {
  std::string function_name;  // the bare name the request resolved to; as sent when unresolved
  std::string qualifier;
  InvocationType invocation_type = InvocationType::RequestResponse;
  bool tail_log = false;
  std::string client_context;
  std::string payload;
  int status = 0;              // HTTP status of the answer
  std::string error_code;      // x-amzn-ErrorType of a service error, else empty
  std::string function_error;  // "Unhandled" for a function error, else empty
};

// The mock Lambda service `wflint mock-lambda` runs.
class MockLambdaService {
 public:
  virtual ~MockLambdaService() = default;
  // Binds host:port (port 0 picks a free one) and serves from threads of its own.
  virtual bool start(const std::string& host, int port, std::string& error) = 0;
  virtual int port() const = 0;
  virtual void stop() = 0;
  // Called after each answered call, from the server's threads.
  virtual void on_call(std::function<void(const MockLambdaCall&)> listener) = 0;
};

inline constexpr int kHttpModuleAbiVersion = 1;

// What the module provides.
struct HttpModule {
  int abi_version = 0;
  bool (*is_valid_endpoint)(std::string_view url, std::string& error) = nullptr;
  std::unique_ptr<LambdaInvoker> (*new_lambda_invoker)(const std::string& endpoint_url) = nullptr;
  std::unique_ptr<MockLambdaService> (*new_mock_lambda_service)(MockLambdaFunctions functions) =
      nullptr;
};

// The module, loaded once: from $WFLINT_HTTP_MODULE, else beside the executable, else from
// ../lib/wflint/ next to it. nullptr, with `error` set, when it cannot be loaded.
const HttpModule* http_module(std::string& error);

}  // namespace wflint::run
