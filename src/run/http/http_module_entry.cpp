// The entry point of libwflint_http.so (see run/http_module.h).
#include "run/http/lambda_http_client.h"
#include "run/http/mock_lambda_server.h"
#include "run/http_module.h"

namespace {

using wflint::run::HttpModule;

std::unique_ptr<wflint::run::LambdaInvoker> new_lambda_invoker(const std::string& endpoint_url) {
  return std::make_unique<wflint::run::HttpLambdaInvoker>(endpoint_url);
}

std::unique_ptr<wflint::run::MockLambdaService> new_mock_lambda_service(
    wflint::run::MockLambdaFunctions functions) {
  return std::make_unique<wflint::run::MockLambdaServer>(std::move(functions));
}

}  // namespace

extern "C" const HttpModule* wflint_http_module() {
  static const HttpModule module{wflint::run::kHttpModuleAbiVersion,
                                 &wflint::run::HttpLambdaInvoker::is_valid_endpoint,
                                 &new_lambda_invoker, &new_mock_lambda_service};
  return &module;
}
