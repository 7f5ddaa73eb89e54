#include <fmt/format.h>

#include "lang/resource.h"
#include "load/node.h"
#include "run/execution.h"
#include "run/jsonata_fields.h"
#include "run/timestamp.h"
#include "run/uuid.h"

namespace wflint::run {

namespace {

constexpr int64_t kDefaultTaskTimeoutSeconds = 99'999'999;

// What a Task state calls, as its history events and errors name it.
struct TaskTarget {
  lang::TaskResource resource;
  std::string resource_text;
  bool legacy_lambda = false;  // arn:aws:lambda:...:function:NAME
  bool lambda_invoke = false;  // arn:aws:states:::lambda:invoke[.waitForTaskToken]
  bool wait_for_token = false;
  std::string resource_type;  // "lambda", "sqs", ...
  std::string resource_name;  // "invoke", "invoke.waitForTaskToken", ...
  // How States.DataLimitExceeded names it: the service, or a function's ARN.
  std::string limit_label() const { return legacy_lambda ? resource_text : resource_type; }
};

TaskTarget target_of(const Node& state) {
  TaskTarget target;
  target.resource_text = std::string(state.find_string("Resource"));
  target.resource = lang::parse_task_resource(target.resource_text);
  const lang::TaskResource& resource = target.resource;
  target.legacy_lambda = resource.kind == lang::ResourceKind::LambdaFunction;
  target.lambda_invoke = resource.kind == lang::ResourceKind::ServiceIntegration &&
                         resource.service.text == "lambda" && resource.name.text == "invoke";
  target.wait_for_token = resource.pattern == lang::IntegrationPattern::WaitForTaskToken;
  target.resource_type = std::string(resource.service.text);
  target.resource_name = std::string(resource.name.text) + std::string(resource.suffix.text);
  if (resource.kind == lang::ResourceKind::SdkIntegration) {
    target.resource_type = "aws-sdk:" + target.resource_type;
  }
  return target;
}

std::string random_hex(std::mt19937_64& random, int words) {
  std::string text;
  for (int i = 0; i < words; ++i)
    text += fmt::format("{:016x}", random());
  return text;
}

// RFC 7231 date for the Date header, from the virtual clock.
std::string http_date(int64_t nanos) {
  const std::string iso = format_timestamp(Timestamp{nanos});  // 2024-01-01T00:00:00.000Z
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr std::array<std::string_view, 7> kDays = {"Thu", "Fri", "Sat", "Sun",
                                                            "Mon", "Tue", "Wed"};
  const int64_t days = nanos / kNanosPerSecond / 86'400;
  const int month = std::stoi(iso.substr(5, 2));
  return fmt::format("{}, {} {} {} {} GMT", kDays[static_cast<std::size_t>(((days % 7) + 7) % 7)],
                     iso.substr(8, 2), kMonths[static_cast<std::size_t>(month - 1)],
                     iso.substr(0, 4), iso.substr(11, 8));
}

// A Lambda response body as the optimized integration reads it: JSON, else the raw text.
Json parse_payload(const std::string& body) {
  if (body.empty()) return "";
  auto parsed = parse_json(body);
  return parsed.ok() ? std::move(parsed.value()) : Json(body);
}

// The Invoke result the optimized integration returns, as AWS shapes it.
Json invoke_envelope(const LambdaResponse& response, int64_t now, std::mt19937_64& random) {
  const std::string id = response.request_id.empty() ? random_uuid(random) : response.request_id;
  const std::string date = http_date(now);
  const std::string trace =
      fmt::format("root=1-{}-{};sampled=0", random_hex(random, 1).substr(0, 8),
                  random_hex(random, 2).substr(0, 24));
  const std::string length = std::to_string(response.payload.size());
  Json all = Json::object();
  Json single = Json::object();
  auto header = [&](const char* name, const std::string& value) {
    all[name] = Json::array({value});
    single[name] = value;
  };
  if (!response.executed_version.empty())
    header("X-Amz-Executed-Version", response.executed_version);
  if (!response.log_result.empty()) header("X-Amz-Log-Result", response.log_result);
  if (!response.function_error.empty()) header("X-Amz-Function-Error", response.function_error);
  header("x-amzn-Remapped-Content-Length", "0");
  header("Connection", "keep-alive");
  header("x-amzn-RequestId", id);
  header("Content-Length", length);
  header("Date", date);
  header("X-Amzn-Trace-Id", trace);
  header("Content-Type", "application/json");
  Json envelope = Json::object();
  if (!response.executed_version.empty()) envelope["ExecutedVersion"] = response.executed_version;
  if (!response.log_result.empty()) envelope["LogResult"] = response.log_result;
  envelope["Payload"] = parse_payload(response.payload);
  envelope["SdkHttpMetadata"] = Json{{"AllHttpHeaders", std::move(all)},
                                     {"HttpHeaders", std::move(single)},
                                     {"HttpStatusCode", response.status_code}};
  envelope["SdkResponseMetadata"] = Json{{"RequestId", id}};
  envelope["StatusCode"] = response.status_code;
  return envelope;
}

RunError service_error(const LambdaServiceError& error) {
  return RunError{"Lambda." + error.code,
                  fmt::format("{} (Service: AWSLambda; Status Code: {}; Error Code: {}; Request "
                              "ID: {}; Proxy: null)",
                              error.message, error.http_status, error.code, error.request_id)};
}

// A function error: named by the payload's errorType (Lambda.Unknown without one); the cause is
// the error payload, compacted by the optimized integration, verbatim for a function ARN.
RunError function_error(const std::string& payload, bool compact) {
  auto parsed = parse_json(payload);
  std::string name = "Lambda.Unknown";
  if (parsed.ok() && parsed.value().is_object()) {
    const auto type = parsed.value().find("errorType");
    if (type != parsed.value().end() && type->is_string()) name = type->get<std::string>();
  }
  return RunError{name, compact && parsed.ok() ? to_text(parsed.value()) : payload};
}

Outcome<LambdaRequest> invoke_request(const Json& parameters) {
  auto invalid = [&](std::string_view why) {
    return RunError{"States.Runtime",
                    fmt::format("The Parameters '{}' could not be used to start the Task: [{}]",
                                to_text(parameters), why)};
  };
  if (!parameters.is_object()) return invalid("The Parameters must be an object");
  LambdaRequest request;
  const auto name = parameters.find("FunctionName");
  if (name == parameters.end() || !name->is_string()) {
    return invalid("The field 'FunctionName' is required and must be a string");
  }
  request.function_name = name->get<std::string>();
  if (const auto payload = parameters.find("Payload"); payload != parameters.end()) {
    request.payload = to_text(*payload);
  }
  auto text_field = [&](const char* field) -> std::string {
    const auto found = parameters.find(field);
    return found != parameters.end() && found->is_string() ? found->get<std::string>() : "";
  };
  request.qualifier = text_field("Qualifier");
  request.client_context = text_field("ClientContext");
  request.tail_log = text_field("LogType") == "Tail";
  const std::string type = text_field("InvocationType");
  if (type == "Event") request.invocation_type = InvocationType::Event;
  if (type == "DryRun") request.invocation_type = InvocationType::DryRun;
  if (!type.empty() && type != "Event" && type != "DryRun" && type != "RequestResponse") {
    return invalid(
        fmt::format("The value '{}' of the field 'InvocationType' is not one of "
                    "RequestResponse, Event, DryRun",
                    type));
  }
  return request;
}

// A mocked legacy Lambda answer: the envelope's Payload (an envelope with FunctionError is a
// function error); a Return without an envelope is the result itself.
Outcome<Json> legacy_mock_result(const Json& returned) {
  if (!returned.is_object() || !returned.contains("Payload")) return returned;
  const Json& payload = returned["Payload"];
  if (returned.contains("FunctionError")) {
    return function_error(payload.is_string() ? payload.get<std::string>() : to_text(payload),
                          false);
  }
  return payload;
}

}  // namespace

namespace {

// One attempt of a Task state: its history events, and where its result comes from (a mock, a
// Lambda invocation, a callback).
class TaskAttempt {
 public:
  TaskAttempt(Execution& execution, const StateEntry& entry, const TaskTarget& target,
              const Json& effective_input, Variables& variables)
      : execution_(execution),
        entry_(entry),
        target_(target),
        effective_input_(effective_input),
        variables_(variables),
        event_prefix_(target.legacy_lambda ? "LambdaFunction" : "Task") {}

  Outcome<Json> run(const Json& parameters) {
    scheduled(parameters);
    const TestCaseMocks* mocks = execution_.options().mocks;
    if (mocks != nullptr && mocks->responses_for(entry_.name) != nullptr) {
      return mocked(*mocks->responses_for(entry_.name), mocks->response_name(entry_.name));
    }
    if (mocks != nullptr && !mocks->response_name(entry_.name).empty()) {
      return RunError{"wflint.NotMocked",
                      fmt::format("State '{}' is mocked with '{}', which the mock file does not "
                                  "define.",
                                  entry_.name, mocks->response_name(entry_.name))};
    }
    return invoked(parameters);
  }

 private:
  // The event's details: the resource it names, and `extra`.
  Json details(std::initializer_list<std::pair<const char*, Json>> extra) const {
    if (!execution_.recording()) return Json();
    Json event = Json::object();
    if (target_.legacy_lambda) {
      event["resource"] = target_.resource_text;
    } else {
      event["resourceType"] = target_.resource_type;
      event["resource"] = target_.resource_name;
    }
    for (const auto& [key, value] : extra)
      event[key] = value;
    return event;
  }

  void scheduled(const Json& parameters) {
    execution_.emit(event_prefix_ + "Scheduled", entry_.name,
                    details({{target_.legacy_lambda ? "input" : "parameters", to_text(parameters)},
                             {"region", execution_.options().region}}));
    execution_.emit(event_prefix_ + "Started", entry_.name, details({}));
  }

  Outcome<Json> fail(RunError error) {
    if (!is_uncatchable(error)) {
      const char* outcome = error.error == "States.Timeout" ? "TimedOut" : "Failed";
      execution_.emit(event_prefix_ + outcome, entry_.name,
                      details({{"error", error.error}, {"cause", error.cause}}));
    }
    return error;
  }

  Outcome<Json> succeed(Json result) {
    if (serialized_size(result) > kDataLimitBytes) {
      return fail(data_limit_exceeded(target_.limit_label()));
    }
    execution_.emit(event_prefix_ + "Succeeded", entry_.name,
                    details({{"output", to_text(result)}}));
    return result;
  }

  // A MockConfigFile answer, call by call (retries and Map iterations consume numbers).
  Outcome<Json> mocked(const MockedResponses& responses, std::string_view response_name) {
    const uint32_t call = execution_.next_mock_call(entry_.name);
    const MockResponse* response = responses.at(call);
    if (response == nullptr) {
      return Execution::located(
          entry_, RunError{"States.Runtime",
                           fmt::format("The mocked response '{}' has no answer for call #{} "
                                       "(counting from 0) of this state.",
                                       response_name, call)});
    }
    if (response->throws) return fail(RunError{response->error, response->cause});
    if (target_.wait_for_token && execution_.options().callback.given) {
      return await_callback(response->returned);
    }
    if (!target_.legacy_lambda) return succeed(response->returned);
    auto result = legacy_mock_result(response->returned);
    if (!result.ok()) return fail(std::move(result.error()));
    return succeed(std::move(result.value()));
  }

  // A real invocation through the LambdaInvoker (--lambda-endpoint).
  Outcome<Json> invoked(const Json& parameters) {
    if (!target_.legacy_lambda && !target_.lambda_invoke) {
      return RunError{"wflint.NotMocked",
                      fmt::format("State '{}' calls {}, which wflint run executes only when it is "
                                  "mocked: add it to the mock file's test case.",
                                  entry_.name, target_.resource_text)};
    }
    LambdaInvoker* lambda = execution_.options().lambda;
    if (lambda == nullptr && target_.wait_for_token && execution_.options().callback.given) {
      // The invocation only hands the token over and the answer is given: take it as delivered.
      return await_callback(Json{{"Payload", nullptr}, {"StatusCode", 200}});
    }
    if (lambda == nullptr) {
      return RunError{"wflint.NotMocked",
                      fmt::format("State '{}' invokes a Lambda function that no mock answers: mock "
                                  "it (--mock-config/--test-case) or give --lambda-endpoint.",
                                  entry_.name)};
    }
    auto request = lambda_request(parameters);
    if (!request.ok()) return Execution::located(entry_, std::move(request.error()));
    const LambdaResult answer = lambda->invoke(request.value());
    if (const auto* refused = std::get_if<LambdaServiceError>(&answer)) {
      return fail(service_error(*refused));
    }
    const auto& response = std::get<LambdaResponse>(answer);
    if (!response.function_error.empty()) {
      return fail(function_error(response.payload, !target_.legacy_lambda));
    }
    if (target_.legacy_lambda) return succeed(parse_payload(response.payload));
    Json envelope = invoke_envelope(response, execution_.now(), execution_.random());
    if (!target_.wait_for_token) return succeed(std::move(envelope));
    return await_callback(std::move(envelope));
  }

  Outcome<LambdaRequest> lambda_request(const Json& parameters) const {
    if (!target_.legacy_lambda) return invoke_request(parameters);
    LambdaRequest request;
    request.function_name = target_.resource_text;
    request.payload = to_text(parameters);
    return request;
  }

  // .waitForTaskToken: the invocation only handed the token over; the result is the callback's.
  Outcome<Json> await_callback(const Json& submitted) {
    execution_.emit("TaskSubmitted", entry_.name, details({{"output", to_text(submitted)}}));
    const CallbackAnswer& callback = execution_.options().callback;
    if (callback.kind == CallbackAnswer::Kind::Success) return succeed(callback.output);
    if (callback.kind == CallbackAnswer::Kind::Failure) {
      RunError failure;
      failure.error = callback.error.value_or("");
      failure.error_set = callback.error.has_value();
      failure.cause = callback.cause.value_or("");
      failure.cause_set = callback.cause.has_value();
      return fail(std::move(failure));
    }
    return time_out();
  }

  // Nobody calls back: the heartbeat or the task's timeout fires, unless the execution's own
  // limit comes first.
  Outcome<Json> time_out() {
    const Node& state = *entry_.state;
    const int64_t timeout = seconds_field(state, "TimeoutSeconds", kDefaultTaskTimeoutSeconds);
    const int64_t heartbeat = seconds_field(state, "HeartbeatSeconds", timeout);
    auto waited = execution_.elapse(std::min(timeout, heartbeat) * kNanosPerSecond);
    if (!waited.ok()) return std::move(waited.error());
    RunError timed_out{"States.Timeout", ""};
    timed_out.heartbeat = heartbeat < timeout;
    return fail(std::move(timed_out));
  }

  // TimeoutSeconds or HeartbeatSeconds, given literally or through their ...Path twin.
  int64_t seconds_field(const Node& state, const char* field, int64_t fallback) const {
    if (const Node* value = state.find(field); value && value->number()) {
      return static_cast<int64_t>(*value->number());
    }
    if (const Node* value = state.find(field); value && entry_.jsonata && value->is_string()) {
      JsonataFields fields(execution_, variables_, effective_input_);
      auto computed = fields.typed_value(*value, field, "integer");
      return computed.ok() ? computed.value().get<int64_t>() : fallback;
    }
    if (const Node* path = state.find(std::string(field) + "Path")) {
      auto read =
          read_reference_path(path->text(), execution_.view_of(effective_input_, variables_));
      if (read.ok() && read.value().is_number()) return read.value().get<int64_t>();
    }
    return fallback;
  }

  Execution& execution_;
  const StateEntry& entry_;
  const TaskTarget& target_;
  const Json& effective_input_;
  Variables& variables_;
  std::string event_prefix_;
};

}  // namespace

Outcome<Json> Execution::task_result(const StateEntry& entry, const Json& effective_input,
                                     Variables& variables) {
  const Node& state = *entry.state;
  const TaskTarget target = target_of(state);
  // $$.Task.Token exists only while a callback task's Parameters are evaluated.
  if (target.wait_for_token) context_["Task"] = Json{{"Token", random_hex(random_, 4)}};
  Json parameters = effective_input;
  if (entry.jsonata) {
    auto arguments = jsonata_arguments(entry, effective_input, variables);
    context_.erase("Task");
    if (!arguments.ok()) return std::move(arguments.error());
    parameters = std::move(arguments.value());
  } else if (const Node* template_node = state.find("Parameters")) {
    auto made = apply_template(*template_node, view_of(effective_input, variables));
    if (!made.ok()) {
      context_.erase("Task");
      return located(entry, std::move(made.error()));
    }
    parameters = std::move(made.value());
  }
  context_.erase("Task");
  return TaskAttempt(*this, entry, target, effective_input, variables).run(parameters);
}

}  // namespace wflint::run
