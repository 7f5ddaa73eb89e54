#include "run/mock_lambda_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "load/loader.h"
#include "load/node.h"
#include "load/read_source.h"
#include "support/source.h"

namespace wflint::run {

namespace {

struct KnownError {
  std::string_view code;
  int status;
};

// §5.4 of ASL-SEMANTICS.md: the Invoke errors and their HTTP statuses.
constexpr std::array kKnownErrors{
    KnownError{"InvalidParameterValueException", 400},
    KnownError{"InvalidRequestContentException", 400},
    KnownError{"ModeNotSupportedException", 400},
    KnownError{"NoPublishedVersionException", 400},
    KnownError{"RecursiveInvocationException", 400},
    KnownError{"SnapStartException", 400},
    KnownError{"ValidationException", 400},
    KnownError{"ServiceQuotaExceededException", 402},
    KnownError{"EFSMountFailureException", 403},
    KnownError{"ResourceNotFoundException", 404},
    KnownError{"EFSMountConnectivityException", 408},
    KnownError{"EFSMountTimeoutException", 408},
    KnownError{"SnapStartTimeoutException", 408},
    KnownError{"ResourceConflictException", 409},
    KnownError{"SnapStartNotReadyException", 409},
    KnownError{"EFSIOException", 410},
    KnownError{"RequestTooLargeException", 413},
    KnownError{"SerializedRequestEntityTooLargeException", 413},
    KnownError{"UnsupportedMediaTypeException", 415},
    KnownError{"TooManyRequestsException", 429},
    KnownError{"ServiceException", 500},
    KnownError{"ResourceNotReadyException", 502},
    KnownError{"EC2AccessDeniedException", 502},
    KnownError{"EC2ThrottledException", 502},
    KnownError{"EC2UnexpectedException", 502},
    KnownError{"ENILimitReachedException", 502},
    KnownError{"InvalidRuntimeException", 502},
    KnownError{"InvalidSecurityGroupIDException", 502},
    KnownError{"InvalidSubnetIDException", 502},
    KnownError{"InvalidZipFileException", 502},
    KnownError{"KMSAccessDeniedException", 502},
    KnownError{"KMSDisabledException", 502},
    KnownError{"KMSInvalidStateException", 502},
    KnownError{"KMSNotFoundException", 502},
    KnownError{"SubnetIPAddressLimitReachedException", 502},
};

}  // namespace

int lambda_error_status(std::string_view code) {
  for (const KnownError& known : kKnownErrors)
    if (known.code == code) return known.status;
  return 500;
}

bool is_lambda_function_name(std::string_view name) {
  if (name.empty() || name.size() > 140) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

namespace {

// Turns the nodes of the functions file into MockLambdaFunctions; the first problem found stops
// it and is kept, with its position, in error().
class FunctionsReader {
 public:
  std::optional<MockLambdaFunctions> read(const Node& root) {
    MockLambdaFunctions out;
    if (!root.is_object())
      return fail(root, "the functions file must be a mapping with 'functions'");
    if (!only_keys(root, {"region", "account", "functions"})) return std::nullopt;
    if (!read_string(root, "region", out.region) || !read_string(root, "account", out.account))
      return std::nullopt;
    const Node* functions = root.find("functions");
    if (functions == nullptr) return fail(root, "'functions' is missing");
    if (!functions->is_object()) return fail(*functions, "'functions' must map names to functions");
    for (const Node& member : functions->children()) {
      std::optional<MockLambdaFunction> function = read_function(member);
      if (!function) return std::nullopt;
      out.functions.push_back(std::move(*function));
    }
    return out;
  }

  const std::string& error() const { return error_; }

 private:
  // A problem with a value, reported where the value is.
  std::nullopt_t fail(const Node& node, std::string_view message) {
    return fail_at(node.span(), message);
  }
  // A problem with a member as a whole (its key), reported where the key is.
  std::nullopt_t fail_key(const Node& member, std::string_view message) {
    return fail_at(member.key_span(), message);
  }
  std::nullopt_t fail_at(const Span& span, std::string_view message) {
    const Location at = locate(span);
    error_ = fmt::format("{}:{}:{}: {}", at.file->path(), at.begin.line, at.begin.column, message);
    return std::nullopt;
  }

  bool only_keys(const Node& object, std::initializer_list<std::string_view> allowed) {
    for (const Node& member : object.children()) {
      if (std::find(allowed.begin(), allowed.end(), member.key()) != allowed.end()) continue;
      std::string list;
      for (std::string_view key : allowed)
        list += fmt::format("{}{}", list.empty() ? "" : ", ", key);
      fail_key(member, fmt::format("unknown key '{}' (expected one of: {})", member.key(), list));
      return false;
    }
    return true;
  }

  bool read_string(const Node& object, std::string_view key, std::string& out) {
    const Node* node = object.find(key);
    if (node == nullptr) return true;
    if (!node->is_string() && !node->is_number()) {
      fail(*node, fmt::format("'{}' must be a string", key));
      return false;
    }
    out = node->text();
    return true;
  }

  bool read_int(const Node& object, std::string_view key, int max, int& out) {
    const Node* node = object.find(key);
    if (node == nullptr) return true;
    const std::optional<double> value = node->is_integer() ? node->number() : std::nullopt;
    if (!value || *value < 0 || *value > max) {
      fail(*node, fmt::format("'{}' must be a whole number from 0 to {}", key, max));
      return false;
    }
    out = static_cast<int>(*value);
    return true;
  }

  std::optional<MockLambdaFunction> read_function(const Node& member) {
    MockLambdaFunction function;
    function.name = member.key();
    if (!is_lambda_function_name(function.name)) {
      return fail_key(member,
                      "a function is listed by its bare name (letters, digits, '-' and '_'); "
                      "requests with an ARN or a qualifier resolve to it");
    }
    if (member.is_null()) {
      function.responses.emplace_back();
      return function;
    }
    if (!member.is_object()) return fail(member, "a function must be a mapping");
    if (!only_keys(member, {"result", "error", "service-error", "echo", "delay-ms", "log",
                            "version", "responses", "then"}))
      return std::nullopt;
    if (!read_string(member, "version", function.version)) return std::nullopt;
    if (!read_then(member, function.cycle)) return std::nullopt;
    MockLambdaResponse defaults;
    if (!read_delay_and_log(member, defaults)) return std::nullopt;
    const Node* responses = member.find("responses");
    if (responses == nullptr) {
      std::optional<MockLambdaResponse> response = read_response(member, defaults);
      if (!response) return std::nullopt;
      function.responses.push_back(std::move(*response));
      return function;
    }
    if (has_response_kind(member))
      return fail(*responses, "give either 'responses' or a single result, error or echo");
    if (!responses->is_array() || responses->size() == 0)
      return fail(*responses, "'responses' must be a non-empty list");
    for (const Node& element : responses->children()) {
      if (!element.is_object()) return fail(element, "a response must be a mapping");
      if (!only_keys(element, {"result", "error", "service-error", "echo", "delay-ms", "log"}))
        return std::nullopt;
      std::optional<MockLambdaResponse> response = read_response(element, defaults);
      if (!response) return std::nullopt;
      function.responses.push_back(std::move(*response));
    }
    return function;
  }

  static bool has_response_kind(const Node& object) {
    return object.find("result") != nullptr || object.find("error") != nullptr ||
           object.find("service-error") != nullptr || object.find("echo") != nullptr;
  }

  bool read_then(const Node& function, bool& cycle) {
    const Node* then = function.find("then");
    if (then == nullptr) return true;
    if (then->is_string() && (then->text() == "cycle" || then->text() == "repeat-last")) {
      cycle = then->text() == "cycle";
      return true;
    }
    fail(*then, "'then' must be 'repeat-last' or 'cycle'");
    return false;
  }

  bool read_delay_and_log(const Node& object, MockLambdaResponse& response) {
    constexpr int kMaxDelayMs = 900'000;  // Lambda's 15-minute limit
    return read_int(object, "delay-ms", kMaxDelayMs, response.delay_ms) &&
           read_string(object, "log", response.log);
  }

  std::optional<MockLambdaResponse> read_response(const Node& object,
                                                  const MockLambdaResponse& defaults) {
    MockLambdaResponse response;
    response.delay_ms = defaults.delay_ms;
    response.log = defaults.log;
    if (!read_delay_and_log(object, response)) return std::nullopt;
    int kinds = 0;
    for (const Node& member : object.children()) {
      const std::string_view key = member.key();
      if (key != "result" && key != "error" && key != "service-error" && key != "echo") continue;
      if (++kinds > 1)
        return fail_key(member, "a response is one of result, error, service-error, echo");
      if (key == "result") {
        response.kind = MockLambdaResponse::Kind::Result;
        response.value = from_node(member);
      } else if (key == "error") {
        if (!read_function_error(member, response)) return std::nullopt;
      } else if (key == "service-error") {
        if (!read_service_error(member, response)) return std::nullopt;
      } else if (!member.is_bool() || !member.bool_value()) {
        return fail(member,
                    "'echo' can only be true (echo is also what a function without a "
                    "response does)");
      }
    }
    return response;
  }

  bool read_function_error(const Node& node, MockLambdaResponse& response) {
    if (!node.is_object()) {
      fail(node, "'error' must be an error object such as {errorType: ..., errorMessage: ...}");
      return false;
    }
    response.kind = MockLambdaResponse::Kind::FunctionError;
    response.value = from_node(node);
    if (!response.value.contains("trace") && !response.value.contains("stackTrace"))
      response.value["trace"] = Json::array();
    return true;
  }

  bool read_service_error(const Node& node, MockLambdaResponse& response) {
    if (!node.is_object()) {
      fail(node, "'service-error' must be a mapping with at least 'code'");
      return false;
    }
    if (!only_keys(node, {"code", "status", "message", "type", "reason", "retry-after"}))
      return false;
    response.kind = MockLambdaResponse::Kind::ServiceError;
    LambdaServiceError& error = response.service_error;
    if (!read_string(node, "code", error.code)) return false;
    if (error.code.empty()) {
      fail(node, "'service-error' needs a 'code' such as TooManyRequestsException");
      return false;
    }
    error.http_status = lambda_error_status(error.code);
    if (!read_int(node, "status", 599, error.http_status)) return false;
    if (error.http_status < 400) {
      fail(*node.find("status"), "a service error's 'status' is 400 to 599");
      return false;
    }
    if (!read_string(node, "message", error.message) ||
        !read_string(node, "reason", response.error_reason))
      return false;
    std::string type;
    if (!read_string(node, "type", type)) return false;
    response.value = type.empty() ? Json(error.http_status < 500 ? "User" : "Service") : Json(type);
    if (error.code == kTooManyRequests) {
      response.retry_after_seconds = 1;
      if (response.error_reason.empty())
        response.error_reason = "ConcurrentInvocationLimitExceeded";
    }
    return read_int(node, "retry-after", 3600, response.retry_after_seconds);
  }

  std::string error_;
};

std::string load_problem_text(const LoadProblem& problem) {
  const Location at = locate(problem.span);
  return fmt::format("{}:{}:{}: {}", at.file->path(), at.begin.line, at.begin.column,
                     problem.message);
}

}  // namespace

const MockLambdaFunction* MockLambdaFunctions::find(std::string_view name) const {
  for (const MockLambdaFunction& function : functions)
    if (function.name == name) return &function;
  return nullptr;
}

std::optional<MockLambdaFunctions> parse_mock_lambda_functions(const Source& source,
                                                               std::string& error) {
  std::vector<LoadedDocument> documents =
      load_documents(source, detect_syntax(source.path(), source.text()));
  for (const LoadedDocument& document : documents) {
    if (!document.problems.empty()) {
      error = load_problem_text(document.problems.front());
      return std::nullopt;
    }
  }
  if (documents.size() != 1 || !documents[0].document || !documents[0].document->root()) {
    error = fmt::format("{}: the functions file must hold one document", source.path());
    return std::nullopt;
  }
  FunctionsReader reader;
  std::optional<MockLambdaFunctions> functions = reader.read(*documents[0].document->root());
  if (!functions) error = reader.error();
  return functions;
}

std::optional<MockLambdaFunctions> read_mock_lambda_functions(const std::string& path,
                                                              std::string& error) {
  std::unique_ptr<Source> source = read_source(path, error);
  if (!source) return std::nullopt;
  return parse_mock_lambda_functions(*source, error);
}

}  // namespace wflint::run
