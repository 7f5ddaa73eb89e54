#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "analysis/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kPayloadExceedsLimit;

namespace {

// Step Functions' limit on the data of a state (its input after Parameters, its result, ...):
// bytes of UTF-8 compact JSON.
constexpr int64_t kStateDataLimit = 262'144;
constexpr std::string_view kStateDataOption = "state-data-bytes";
constexpr std::string_view kSyncRequestOption = "sync-request-bytes";
constexpr std::string_view kEventRequestOption = "event-request-bytes";
const OptionSpec kOptions[] = {
    {.name = kStateDataOption,
     .type = OptionSpec::Type::Integer,
     .description = "the most bytes a state's data may take; lower it to keep headroom below "
                    "Step Functions' 262,144",
     .default_integer = kStateDataLimit,
     .minimum = 1,
     .maximum = kStateDataLimit},
    {.name = kSyncRequestOption,
     .type = OptionSpec::Type::Integer,
     .description = "Lambda's limit on a synchronous (RequestResponse) invocation's request",
     .default_integer = 6'291'456,
     .minimum = 1},
    {.name = kEventRequestOption,
     .type = OptionSpec::Type::Integer,
     .description = "Lambda's limit on an asynchronous (Event) invocation's request",
     .default_integer = 1'048'576,
     .minimum = 1},
};

// The limits a finding is judged by, from the rule's options.
struct Limits {
  uint64_t state_data;
  uint64_t sync_request;
  uint64_t event_request;
};

// The fields whose value becomes a state's data as written.
constexpr std::string_view kDataFields[] = {"Parameters",     "Arguments",    "Result",
                                            "ResultSelector", "ItemSelector", "Output"};

// The least number of bytes a value's compact JSON can take: values computed at run time (`.$`
// members, JSONata expressions) and values a deployment tool fills in (CloudFormation
// intrinsics, YAML tags) count as absent, ${...} placeholders as empty.
struct Size {
  uint64_t bytes = 0;
  bool exact = true;
};

uint64_t json_string_size(std::string_view text) {
  uint64_t bytes = 2;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      bytes += 2;
    } else if (byte < 0x20) {
      const bool short_escape = c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
      bytes += short_escape ? 2 : 6;
    } else {
      bytes += 1;
    }
  }
  return bytes;
}

// The text without its ${...} placeholders.
std::string without_placeholders(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t open = text.find("${", i);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    i = close + 1;
  }
  return out;
}

bool is_cloudformation_intrinsic(const Node& node) {
  if (!node.is_object() || node.size() != 1) return false;
  const std::string_view key = node.children().front().key();
  return key == "Ref" || key.starts_with("Fn::");
}

class Measure {
 public:
  explicit Measure(bool jsonata) : jsonata_(jsonata) {}

  Size of(const Node& node) {
    Size size;
    size.bytes = value(node).value_or(0);
    size.exact = exact_;
    return size;
  }

 private:
  // nullopt for a value only known at run or deployment time.
  std::optional<uint64_t> value(const Node& node) {
    if (!node.tag().empty() || is_cloudformation_intrinsic(node)) return unknown();
    switch (node.kind()) {
      case NodeKind::Object:
        return object(node);
      case NodeKind::Array:
        return array(node);
      case NodeKind::String:
        return string(node.text());
      case NodeKind::Number:
        return node.text().size();
      case NodeKind::Bool:
        return node.bool_value() ? 4 : 5;
      case NodeKind::Null:
        return 4;
    }
    return unknown();
  }

  uint64_t object(const Node& node) {
    uint64_t bytes = 2;
    uint64_t members = 0;
    for (const Node& member : node.children()) {
      if (!jsonata_ && member.key().ends_with(".$")) {
        unknown();
        continue;
      }
      const std::optional<uint64_t> size = value(member);
      if (!size) continue;
      bytes += json_string_size(member.key()) + 1 + *size;
      ++members;
    }
    return bytes + (members > 0 ? members - 1 : 0);
  }

  uint64_t array(const Node& node) {
    uint64_t bytes = 2;
    uint64_t elements = 0;
    for (const Node& element : node.children()) {
      const std::optional<uint64_t> size = value(element);
      if (!size) continue;
      bytes += *size;
      ++elements;
    }
    return bytes + (elements > 0 ? elements - 1 : 0);
  }

  std::optional<uint64_t> string(std::string_view text) {
    if (jsonata_ && analysis::is_jsonata_expression(text)) return unknown();
    if (analysis::has_placeholder(text)) {
      exact_ = false;
      return json_string_size(without_placeholders(text));
    }
    return json_string_size(text);
  }

  std::nullopt_t unknown() {
    exact_ = false;
    return std::nullopt;
  }

  bool jsonata_;
  bool exact_ = true;
};

std::string with_separators(uint64_t number) {
  const std::string digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string size_text(const Size& size) {
  return fmt::format("{}{} bytes", size.exact ? "" : "at least ", with_separators(size.bytes));
}

// Lambda's own limit on the request, when the Payload (optimized integration) or the whole
// Parameters (function ARN) is the event.
struct RequestLimit {
  uint64_t bytes = 0;  // 0 when it cannot be told
  bool event = false;
};

RequestLimit lambda_request_limit(const analysis::LambdaCall& call, const Limits& limits) {
  const RequestLimit sync{limits.sync_request, false};
  if (call.kind == analysis::LambdaCallKind::FunctionArn) return sync;
  if (!call.is_invoke()) return {};
  if (!call.parameter("InvocationType")) return sync;
  const std::optional<std::string_view> type = call.literal_string("InvocationType");
  if (!type) return {};
  return *type == "Event" ? RequestLimit{limits.event_request, true} : sync;
}

std::string lambda_note(uint64_t bytes, RequestLimit limit) {
  if (limit.bytes == 0 || bytes <= limit.bytes) return "";
  constexpr uint64_t kMegabyte = 1'048'576;
  const std::string amount = limit.bytes % kMegabyte == 0
                                 ? fmt::format("{} MB", limit.bytes / kMegabyte)
                                 : fmt::format("{}-byte", with_separators(limit.bytes));
  return fmt::format(", and over Lambda's {} request limit for {} invocation", amount,
                     limit.event ? "an Event" : "a synchronous");
}

// "over the 262,144-byte (256 KiB) limit on a state's data ...", or the budget the configuration
// sets below it.
std::string limit_text(uint64_t bytes, uint64_t state_data_limit) {
  if (state_data_limit == kStateDataLimit || bytes > kStateDataLimit)
    return "over the 262,144-byte (256 KiB) limit on a state's data";
  return fmt::format("over the {}-byte budget set for {} in the configuration",
                     with_separators(state_data_limit), kPayloadExceedsLimit.info.id);
}

std::string consequence(uint64_t bytes) {
  if (bytes > kStateDataLimit) return ": the state fails with States.DataLimitExceeded";
  return " (Step Functions fails a state over 262,144 bytes with States.DataLimitExceeded)";
}

void report(const Node& field, std::string_view what, const Size& size, RequestLimit lambda_limit,
            const Limits& limits, DiagnosticSink& sink) {
  sink.report_key(kPayloadExceedsLimit, field,
                  fmt::format("{} is {} of JSON, {}{}{}", what, size_text(size),
                              limit_text(size.bytes, limits.state_data),
                              lambda_note(size.bytes, lambda_limit), consequence(size.bytes)))
      .help(
          "keep large data in S3 or DynamoDB and pass its key, or build it at run time from "
          "smaller pieces");
}

// The Lambda event inside the arguments: the Payload of an invoke, when it is a literal.
const Node* literal_payload(const analysis::LambdaCall& call) {
  if (!call.is_invoke() || !call.arguments || !call.arguments->is_object()) return nullptr;
  return call.arguments->find("Payload");
}

void check_field(const asl::State& state, const Node& field, const analysis::LambdaCall* call,
                 const Limits& limits, DiagnosticSink& sink) {
  const bool arguments = call && &field == call->arguments;
  if (arguments) {
    if (const Node* payload = literal_payload(*call)) {
      const Size size = Measure(state.jsonata).of(*payload);
      if (size.bytes > limits.state_data) {
        report(*payload, "Payload", size, lambda_request_limit(*call, limits), limits, sink);
        return;
      }
    }
  }
  const Size size = Measure(state.jsonata).of(field);
  if (size.bytes <= limits.state_data) return;
  const bool event_is_field = arguments && call->kind == analysis::LambdaCallKind::FunctionArn;
  report(field, field.key(), size,
         event_is_field ? lambda_request_limit(*call, limits) : RequestLimit{}, limits, sink);
}

Limits limits_of(const RuleOptions& options) {
  const auto bytes = [&](std::string_view name) {
    return static_cast<uint64_t>(options.integer(kPayloadExceedsLimit, name));
  };
  return {bytes(kStateDataOption), bytes(kSyncRequestOption), bytes(kEventRequestOption)};
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = nullptr;
  std::optional<Limits> limits;
  for (std::string_view name : kDataFields) {
    const Node* field = state.field(name);
    // Measured whatever its length in the source: YAML aliases can repeat a short text.
    if (!field) continue;
    if (!call) call = ctx.lambda_calls->of(state);
    if (!limits) limits = limits_of(*ctx.options);
    check_field(state, *field, call, *limits, sink);
  }
}

}  // namespace

const Rule kPayloadExceedsLimit{
    {"LMB006", "payload-exceeds-limit", Severity::Error, kAsl,
     "A literal payload or result over the Step Functions or Lambda size limits"},
    nullptr,
    &check_each_state,
    false,
    kOptions};

}  // namespace wflint::rules
