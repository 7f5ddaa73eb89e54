#include "run/http/mock_lambda_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "run/base64.h"
#include "run/http/broken_pipes.h"
#include "run/uuid.h"

namespace wflint::run {

// ---------------------------------------------------------------------------------------------
// The server

namespace {

constexpr std::size_t kSyncPayloadLimit = 6'291'456;
constexpr std::size_t kAsyncPayloadLimit = 1'048'576;
constexpr std::size_t kResponseLimit = 6'291'556;
constexpr std::string_view kInvokePrefix = "/2015-03-31/functions/";
constexpr std::string_view kInvokeSuffix = "/invocations";
// How long an idle keep-alive connection may hold a worker; stop() waits for it.
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kWorkerThreads = 32;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string_view raw_path(const httplib::Request& request) {
  return std::string_view(request.target).substr(0, request.target.find('?'));
}

std::string new_request_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return random_uuid(engine);
}

// A function name as the request gave it, split into the bare name and a qualifier.
struct FunctionReference {
  std::string name;
  std::string qualifier;
};

bool is_qualifier(std::string_view text) {
  return !text.empty() && text.size() <= 128 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '$';
  });
}

std::vector<std::string_view> split_colons(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t begin = 0;;) {
    const std::size_t end = text.find(':', begin);
    parts.push_back(text.substr(begin, end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

// Accepts NAME, NAME:QUALIFIER, ACCOUNT:function:NAME[:QUALIFIER] and
// arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER].
std::optional<FunctionReference> parse_function_reference(std::string_view text) {
  std::vector<std::string_view> parts = split_colons(text);
  if (parts.size() >= 7 && parts[0] == "arn") {
    if (parts[2] != "lambda" || parts[5] != "function") return std::nullopt;
    parts.erase(parts.begin(), parts.begin() + 6);
  } else if (parts.size() >= 3) {
    if (parts[1] != "function") return std::nullopt;
    parts.erase(parts.begin(), parts.begin() + 2);
  }
  if (parts.size() > 2 || !is_lambda_function_name(parts[0])) return std::nullopt;
  if (parts.size() == 2 && !is_qualifier(parts[1])) return std::nullopt;
  return FunctionReference{std::string(parts[0]), parts.size() == 2 ? std::string(parts[1]) : ""};
}

std::optional<InvocationType> parse_invocation_type(const std::string& header) {
  if (header.empty() || header == "RequestResponse") return InvocationType::RequestResponse;
  if (header == "Event") return InvocationType::Event;
  if (header == "DryRun") return InvocationType::DryRun;
  return std::nullopt;
}

bool is_json_object_text(const std::string& text) {
  Outcome<Json> parsed = parse_json(text);
  return parsed.ok() && parsed.value().is_object();
}

std::string log_tail(const std::string& request_id, const std::string& version,
                     const std::string& log) {
  std::string text = fmt::format("START RequestId: {} Version: {}\n", request_id, version);
  if (!log.empty()) text += log.back() == '\n' ? log : log + '\n';
  text += fmt::format("END RequestId: {}\n", request_id);
  text += fmt::format(
      "REPORT RequestId: {}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax "
      "Memory Used: 32 MB\t\n",
      request_id);
  return text;
}

}  // namespace

struct MockLambdaServer::Impl {
  // How many calls reached a function, and how many of them consumed a response.
  struct Counters {
    std::size_t calls = 0;
    std::size_t consumed = 0;
  };

  // One request on its way through answer().
  struct Exchange {
    const httplib::Request& request;
    httplib::Response& response;
    MockLambdaCall call;
    std::string request_id = new_request_id();
  };

  explicit Impl(MockLambdaFunctions functions_in) : functions(std::move(functions_in)) {}

  void answer(const httplib::Request& request, httplib::Response& response);
  void answer_unknown_operation(const httplib::Request& request, httplib::Response& response);
  bool read_call(Exchange& exchange, FunctionReference& reference);
  const MockLambdaResponse& next_response(const MockLambdaFunction& function, bool consume);
  void answer_function(Exchange& exchange, const MockLambdaFunction& function);
  void send_result(Exchange& exchange, const MockLambdaFunction& function,
                   const MockLambdaResponse& response);
  void send_service_error(Exchange& exchange, int status, std::string_view code, Json body,
                          int retry_after_seconds = 0);
  void send_simple_error(Exchange& exchange, std::string_view code, const std::string& message) {
    const int status = lambda_error_status(code);
    send_service_error(exchange, status, code,
                       Json{{"Type", status < 500 ? "User" : "Service"}, {"message", message}});
  }
  void send_mocked_service_error(Exchange& exchange, const MockLambdaResponse& response,
                                 const std::string& function_arn);
  void record(Exchange& exchange);
  // Waits `ms` milliseconds, or less when the server stops meanwhile.
  void delay(int ms) {
    std::unique_lock lock(stop_mutex);
    stop_signal.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
  }
  std::string arn(const FunctionReference& reference) const {
    return fmt::format("arn:aws:lambda:{}:{}:function:{}{}{}", functions.region, functions.account,
                       reference.name, reference.qualifier.empty() ? "" : ":", reference.qualifier);
  }

  const MockLambdaFunctions functions;
  httplib::Server server;
  std::thread serving;
  int port = 0;

  mutable std::mutex calls_mutex;
  std::map<std::string, Counters, std::less<>> counters;
  std::vector<MockLambdaCall> calls;
  std::function<void(const MockLambdaCall&)> listener;

  std::mutex stop_mutex;
  std::condition_variable stop_signal;
  bool stopping = false;
};

void MockLambdaServer::Impl::answer(const httplib::Request& request, httplib::Response& response) {
  Exchange exchange{request, response, {}};
  response.set_header("x-amzn-RequestId", exchange.request_id);
  // The route matched the decoded path; the name is taken from the raw one so that an encoded
  // '/' or '%' in it cannot shift the segments.
  const std::string_view target = raw_path(request);
  const std::size_t name_end = target.rfind(kInvokeSuffix);
  const std::string_view segment =
      target.starts_with(kInvokePrefix) && name_end != std::string_view::npos &&
              name_end > kInvokePrefix.size()
          ? target.substr(kInvokePrefix.size(), name_end - kInvokePrefix.size())
          : std::string_view();
  exchange.call.function_name = percent_decode(segment);
  FunctionReference reference;
  if (read_call(exchange, reference)) {
    const MockLambdaFunction* function = functions.find(reference.name);
    if (function == nullptr) {
      send_service_error(
          exchange, 404, kResourceNotFound,
          Json{{"Type", "User"}, {"Message", "Function not found: " + arn(reference)}});
    } else {
      answer_function(exchange, *function);
    }
  }
  record(exchange);
}

void MockLambdaServer::Impl::answer_unknown_operation(const httplib::Request& request,
                                                      httplib::Response& response) {
  Exchange exchange{request, response, {}};
  response.set_header("x-amzn-RequestId", exchange.request_id);
  exchange.call.function_name = percent_decode(raw_path(request));
  send_service_error(exchange, 404, "UnknownOperationException",
                     Json{{"Type", "User"},
                          {"message", fmt::format("Unknown operation: {} {}", request.method,
                                                  std::string(raw_path(request)))}});
  record(exchange);
}

// Reads and checks what the request asks for; answers it with an error and returns false when it
// cannot be served.
bool MockLambdaServer::Impl::read_call(Exchange& exchange, FunctionReference& reference) {
  const httplib::Request& request = exchange.request;
  MockLambdaCall& call = exchange.call;
  const std::optional<InvocationType> type =
      parse_invocation_type(request.get_header_value("X-Amz-Invocation-Type"));
  if (!type) {
    send_simple_error(exchange, "ValidationException",
                      fmt::format("1 validation error detected: Value '{}' at 'invocationType' "
                                  "failed to satisfy constraint: Member must satisfy enum value "
                                  "set: [Event, RequestResponse, DryRun]",
                                  request.get_header_value("X-Amz-Invocation-Type")));
    return false;
  }
  call.invocation_type = *type;
  const std::string log_type = request.get_header_value("X-Amz-Log-Type");
  if (!log_type.empty() && log_type != "None" && log_type != "Tail") {
    send_simple_error(exchange, "ValidationException",
                      fmt::format("1 validation error detected: Value '{}' at 'logType' failed to "
                                  "satisfy constraint: Member must satisfy enum value set: [Tail, "
                                  "None]",
                                  log_type));
    return false;
  }
  call.tail_log = log_type == "Tail";
  call.client_context = request.get_header_value("X-Amz-Client-Context");
  call.payload = request.body;

  std::optional<FunctionReference> parsed = parse_function_reference(call.function_name);
  if (!parsed) {
    send_simple_error(exchange, "ValidationException",
                      fmt::format("1 validation error detected: Value '{}' at 'functionName' "
                                  "failed to satisfy constraint: Member must satisfy regular "
                                  "expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}"
                                  "(-gov)?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-"
                                  "9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
                                  call.function_name));
    return false;
  }
  reference = std::move(*parsed);
  const std::string query_qualifier = request.get_param_value("Qualifier");
  if (!query_qualifier.empty() && !reference.qualifier.empty() &&
      query_qualifier != reference.qualifier) {
    send_simple_error(exchange, "InvalidParameterValueException",
                      "The derived qualifier from the function name does not match the specified "
                      "qualifier.");
    return false;
  }
  if (reference.qualifier.empty()) reference.qualifier = query_qualifier;
  call.function_name = reference.name;
  call.qualifier = reference.qualifier;
  return true;
}

const MockLambdaResponse& MockLambdaServer::Impl::next_response(const MockLambdaFunction& function,
                                                                bool consume) {
  std::lock_guard lock(calls_mutex);
  Counters& counter = counters[function.name];
  ++counter.calls;
  const std::size_t n = counter.consumed;
  if (consume) ++counter.consumed;
  const std::size_t size = function.responses.size();
  return function.responses[function.cycle ? n % size : std::min(n, size - 1)];
}

void MockLambdaServer::Impl::answer_function(Exchange& exchange,
                                             const MockLambdaFunction& function) {
  const MockLambdaCall& call = exchange.call;
  const FunctionReference reference{call.function_name, call.qualifier};
  if (!call.client_context.empty()) {
    const std::optional<std::string> decoded =
        base64_decode(call.client_context, Base64Input::Strict);
    if (!decoded || !is_json_object_text(*decoded)) {
      return send_simple_error(exchange, "InvalidRequestContentException",
                               "Client context must be a valid Base64-encoded JSON object.");
    }
  }
  const std::size_t limit =
      call.invocation_type == InvocationType::Event ? kAsyncPayloadLimit : kSyncPayloadLimit;
  if (call.payload.size() > limit) {
    return send_simple_error(
        exchange, "RequestTooLargeException",
        fmt::format("Request must be smaller than {} bytes for the InvokeFunction operation",
                    limit));
  }
  if (!call.payload.empty()) {
    Outcome<Json> payload = parse_json(call.payload);
    if (!payload.ok()) {
      return send_simple_error(
          exchange, "InvalidRequestContentException",
          "Could not parse request body into json: Could not parse payload into json: " +
              payload.error().cause);
    }
  }
  const MockLambdaResponse& response =
      next_response(function, call.invocation_type != InvocationType::DryRun);
  if (response.kind == MockLambdaResponse::Kind::ServiceError)
    return send_mocked_service_error(exchange, response, arn(reference));
  if (call.invocation_type == InvocationType::DryRun) {
    exchange.response.status = 204;
    return;
  }
  if (call.invocation_type == InvocationType::Event) {
    exchange.response.status = 202;
    return;
  }
  if (response.delay_ms > 0) delay(response.delay_ms);
  send_result(exchange, function, response);
}

void MockLambdaServer::Impl::send_result(Exchange& exchange, const MockLambdaFunction& function,
                                         const MockLambdaResponse& response) {
  MockLambdaCall& call = exchange.call;
  std::string body;
  switch (response.kind) {
    case MockLambdaResponse::Kind::Echo: {
      Outcome<Json> payload = parse_json(call.payload.empty() ? "{}" : call.payload);
      body = to_text(payload.ok() ? payload.value() : Json::object());
      break;
    }
    case MockLambdaResponse::Kind::Result:
    case MockLambdaResponse::Kind::FunctionError:
    case MockLambdaResponse::Kind::ServiceError:
      body = to_text(response.value);
      break;
  }
  std::string log = response.log;
  if (response.kind == MockLambdaResponse::Kind::FunctionError) {
    call.function_error = "Unhandled";
  }
  if (body.size() > kResponseLimit) {
    call.function_error = "Unhandled";
    body = to_text(Json{{"errorMessage", fmt::format("Response payload size exceeded maximum "
                                                     "allowed payload size ({} bytes).",
                                                     kResponseLimit)},
                        {"errorType", "Function.ResponseSizeTooLarge"}});
  }
  if (!call.function_error.empty()) {
    exchange.response.set_header("X-Amz-Function-Error", call.function_error);
    log += fmt::format("{}\tERROR\tInvoke Error\t{}", exchange.request_id, body);
  }
  const bool numeric_qualifier =
      !call.qualifier.empty() && std::all_of(call.qualifier.begin(), call.qualifier.end(),
                                             [](char c) { return c >= '0' && c <= '9'; });
  const std::string version = !function.version.empty() ? function.version
                              : numeric_qualifier       ? call.qualifier
                                                        : "$LATEST";
  exchange.response.set_header("X-Amz-Executed-Version", version);
  if (call.tail_log) {
    exchange.response.set_header("X-Amz-Log-Result",
                                 base64_encode(log_tail(exchange.request_id, version, log)));
  }
  exchange.response.status = 200;
  exchange.response.set_content(body, "application/json");
}

void MockLambdaServer::Impl::send_mocked_service_error(Exchange& exchange,
                                                       const MockLambdaResponse& response,
                                                       const std::string& function_arn) {
  const LambdaServiceError& error = response.service_error;
  Json body{{"Type", response.value}};
  if (error.code == kResourceNotFound) {
    body["Message"] = error.message.empty() ? "Function not found: " + function_arn : error.message;
  } else if (error.code == kTooManyRequests) {
    body["message"] = error.message.empty() ? "Rate Exceeded." : error.message;
  } else {
    body["message"] = error.message.empty()
                          ? fmt::format("{} (returned by wflint mock-lambda)", error.code)
                          : error.message;
  }
  if (!response.error_reason.empty()) body["Reason"] = response.error_reason;
  send_service_error(exchange, error.http_status, error.code, std::move(body),
                     response.retry_after_seconds);
}

void MockLambdaServer::Impl::send_service_error(Exchange& exchange, int status,
                                                std::string_view code, Json body,
                                                int retry_after_seconds) {
  exchange.call.error_code = code;
  exchange.response.status = status;
  exchange.response.set_header("x-amzn-ErrorType", std::string(code));
  if (retry_after_seconds > 0)
    exchange.response.set_header("Retry-After", std::to_string(retry_after_seconds));
  exchange.response.set_content(to_text(body), "application/json");
}

void MockLambdaServer::Impl::record(Exchange& exchange) {
  exchange.call.status = exchange.response.status;
  std::function<void(const MockLambdaCall&)> notify;
  {
    std::lock_guard lock(calls_mutex);
    calls.push_back(exchange.call);
    notify = listener;
  }
  if (notify) notify(exchange.call);
}

MockLambdaServer::MockLambdaServer(MockLambdaFunctions functions)
    : impl_(std::make_unique<Impl>(std::move(functions))) {}

MockLambdaServer::~MockLambdaServer() {
  stop();
}

bool MockLambdaServer::start(const std::string& host, int port, std::string& error) {
  if (impl_->serving.joinable() || impl_->stopping) {
    error = "a mock Lambda server starts only once";
    return false;
  }
  ignore_broken_pipes();
  Impl& impl = *impl_;
  impl.server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  impl.server.set_keep_alive_timeout(kKeepAliveSeconds);
  // httplib's default also sets SO_REUSEPORT, which would let a second server share the port.
  impl.server.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  impl.server.Post(R"(/2015-03-31/functions/(.+)/invocations)",
                   [&impl](const httplib::Request& request, httplib::Response& response) {
                     impl.answer(request, response);
                   });
  // httplib answers unrouted requests with an empty 404 (or 400, 405); it also calls this for
  // the error responses answer() wrote, which have a body.
  impl.server.set_error_handler(httplib::Server::HandlerWithResponse(
      [&impl](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        impl.answer_unknown_operation(request, response);
        return httplib::Server::HandlerResponse::Handled;
      }));
  impl.server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr exception) {
        std::string message = "internal error";
        try {
          std::rethrow_exception(exception);
        } catch (const std::exception& caught) {
          message = caught.what();
        } catch (...) {
        }
        response.status = 500;
        response.set_header("x-amzn-ErrorType", "ServiceException");
        response.set_content(to_text(Json{{"Type", "Service"}, {"message", message}}),
                             "application/json");
      });
  if (port == 0) {
    impl.port = impl.server.bind_to_any_port(host);
  } else {
    impl.port = impl.server.bind_to_port(host, port) ? port : -1;
  }
  if (impl.port <= 0) {
    error = port == 0 ? fmt::format("cannot listen on {}: no free port", host)
                      : fmt::format("cannot listen on {}:{}: the address is in use or not local",
                                    host, port);
    return false;
  }
  impl.serving = std::thread([&impl] { impl.server.listen_after_bind(); });
  // stop() does nothing to a server that is not running yet, and would then wait forever.
  for (int waited_ms = 0; !impl.server.is_running() && waited_ms < 5'000; ++waited_ms)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

int MockLambdaServer::port() const {
  return impl_->port;
}

void MockLambdaServer::stop() {
  {
    std::lock_guard lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_signal.notify_all();
  if (!impl_->serving.joinable()) return;
  impl_->server.stop();
  impl_->serving.join();
}

void MockLambdaServer::on_call(std::function<void(const MockLambdaCall&)> listener) {
  std::lock_guard lock(impl_->calls_mutex);
  impl_->listener = std::move(listener);
}

std::size_t MockLambdaServer::call_count(std::string_view function_name) const {
  std::lock_guard lock(impl_->calls_mutex);
  const auto it = impl_->counters.find(function_name);
  return it == impl_->counters.end() ? 0 : it->second.calls;
}

std::vector<MockLambdaCall> MockLambdaServer::calls() const {
  std::lock_guard lock(impl_->calls_mutex);
  return impl_->calls;
}

}  // namespace wflint::run
