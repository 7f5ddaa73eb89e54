#include "run/http/lambda_http_client.h"

#include <fmt/format.h>
#include <httplib.h>

#include <csignal>
#include <mutex>
#include <optional>

#include "run/http/broken_pipes.h"
#include "run/json.h"

namespace wflint::run {
namespace {

constexpr std::string_view kSdkClientException = "SdkClientException";
// The code Step Functions' Java SDK gives an error whose code it cannot read.
constexpr std::string_view kUnknownServiceError = "AWSLambdaException";

// "http://host:port/prefix" split into what httplib::Client takes and the path prefix.
struct Endpoint {
  std::string scheme_host_port;
  std::string path_prefix;  // without a trailing '/'; empty for none
};

std::optional<Endpoint> parse_endpoint(std::string_view url, std::string& error) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    error = fmt::format("'{}' is not an endpoint URL such as http://127.0.0.1:3001", url);
    return std::nullopt;
  }
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") {
    error = fmt::format("'{}': the endpoint URL must start with http:// or https://", url);
    return std::nullopt;
  }
  const std::size_t host_begin = scheme_end + 3;
  const std::size_t path_begin = std::min(url.find('/', host_begin), url.size());
  if (path_begin == host_begin) {
    error = fmt::format("'{}': the endpoint URL names no host", url);
    return std::nullopt;
  }
  Endpoint endpoint{std::string(url.substr(0, path_begin)), std::string(url.substr(path_begin))};
  while (!endpoint.path_prefix.empty() && endpoint.path_prefix.back() == '/')
    endpoint.path_prefix.pop_back();
  return endpoint;
}

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (is_unreserved(c)) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

LambdaServiceError client_error(std::string message) {
  LambdaServiceError error;
  error.http_status = 0;
  error.code = kSdkClientException;
  error.message = std::move(message);
  return error;
}

httplib::Headers request_headers(const LambdaRequest& request) {
  httplib::Headers headers{
      {"X-Amz-Invocation-Type", std::string(to_string(request.invocation_type))},
      {"User-Agent", "wflint"}};
  if (request.tail_log) headers.emplace("X-Amz-Log-Type", "Tail");
  if (!request.client_context.empty())
    headers.emplace("X-Amz-Client-Context", request.client_context);
  return headers;
}

// The string member of an error body named by the first of `keys` present.
std::string body_member(const Json& body, std::initializer_list<std::string_view> keys) {
  if (!body.is_object()) return {};
  for (std::string_view key : keys) {
    const auto it = body.find(key);
    if (it != body.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

LambdaServiceError service_error(const httplib::Response& response) {
  LambdaServiceError error;
  error.http_status = response.status;
  error.request_id = response.get_header_value("x-amzn-RequestId");
  Outcome<Json> body = parse_json(response.body);
  const Json parsed = body.ok() ? std::move(body.value()) : Json();
  error.code = error_code_from_header(response.get_header_value("x-amzn-ErrorType"));
  if (error.code.empty())
    error.code = error_code_from_header(body_member(parsed, {"code", "Code", "__type"}));
  if (error.code.empty()) error.code = kUnknownServiceError;
  error.message = body_member(parsed, {"message", "Message"});
  constexpr std::size_t kLongestRawMessage = 1000;
  if (error.message.empty() && !body.ok())
    error.message = response.body.substr(0, kLongestRawMessage);
  if (error.message.empty()) error.message = fmt::format("HTTP status {}", response.status);
  return error;
}

LambdaResponse success(httplib::Response& response) {
  LambdaResponse out;
  out.status_code = response.status;
  out.function_error = response.get_header_value("X-Amz-Function-Error");
  out.log_result = response.get_header_value("X-Amz-Log-Result");
  out.executed_version = response.get_header_value("X-Amz-Executed-Version");
  out.request_id = response.get_header_value("x-amzn-RequestId");
  out.payload = std::move(response.body);
  return out;
}

std::string transport_failure(httplib::Error error, const std::string& endpoint) {
  switch (error) {
    case httplib::Error::Connection:
      return fmt::format("Unable to execute HTTP request: Connect to {} failed: connection refused",
                         endpoint);
    case httplib::Error::ConnectionTimeout:
      return fmt::format("Unable to execute HTTP request: Connect to {} timed out", endpoint);
    case httplib::Error::Read:
      return fmt::format(
          "Unable to execute HTTP request: {} closed the connection or did not answer in time",
          endpoint);
    default:
      return fmt::format("Unable to execute HTTP request to {}: {}", endpoint,
                         httplib::to_string(error));
  }
}

}  // namespace

std::string invoke_path(std::string_view function_name, std::string_view qualifier) {
  std::string path =
      fmt::format("/2015-03-31/functions/{}/invocations", percent_encode(function_name));
  if (!qualifier.empty()) path += "?Qualifier=" + percent_encode(qualifier);
  return path;
}

std::string error_code_from_header(std::string_view value) {
  value = value.substr(0, value.find(':'));
  const std::size_t hash = value.find('#');
  if (hash != std::string_view::npos) value.remove_prefix(hash + 1);
  while (!value.empty() && value.front() == ' ')
    value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ')
    value.remove_suffix(1);
  return std::string(value);
}

HttpLambdaInvoker::HttpLambdaInvoker(std::string endpoint_url, HttpLambdaTimeouts timeouts)
    : endpoint_url_(std::move(endpoint_url)), timeouts_(timeouts) {
  ignore_broken_pipes();
}

bool HttpLambdaInvoker::is_valid_endpoint(std::string_view url, std::string& error) {
  return parse_endpoint(url, error).has_value();
}

LambdaResult HttpLambdaInvoker::invoke(const LambdaRequest& request) {
  try {
    std::string error;
    const std::optional<Endpoint> endpoint = parse_endpoint(endpoint_url_, error);
    if (!endpoint) return client_error(error);
    httplib::Client client(endpoint->scheme_host_port);
    if (!client.is_valid())
      return client_error(fmt::format("cannot call {}: invalid endpoint", endpoint_url_));
    client.set_connection_timeout(timeouts_.connect);
    client.set_read_timeout(timeouts_.read);
    client.set_write_timeout(timeouts_.write);
    client.set_keep_alive(false);
    const std::string path =
        endpoint->path_prefix + invoke_path(request.function_name, request.qualifier);
    httplib::Result result =
        client.Post(path, request_headers(request), request.payload, "application/json");
    if (!result) return client_error(transport_failure(result.error(), endpoint_url_));
    if (result->status >= 200 && result->status < 300) return success(*result);
    return service_error(*result);
  } catch (const std::exception& exception) {
    return client_error(fmt::format("calling {} failed: {}", endpoint_url_, exception.what()));
  }
}

}  // namespace wflint::run
