#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>
#include <string>

#include "load/loader.h"
#include "rules/lmb/invoke_parameters.h"
#include "rules/rule.h"
#include "support/text.h"

namespace wflint::rules {

extern const Rule kInvalidInvokeParameterValue;

namespace {

constexpr std::array<std::string_view, 3> kInvocationTypes{"RequestResponse", "Event", "DryRun"};
constexpr std::array<std::string_view, 2> kLogTypes{"None", "Tail"};
constexpr std::size_t kMaxClientContext = 3583;
constexpr std::string_view kClientContextHelp =
    "ClientContext is a JSON object encoded in base64, such as eyJjdXN0b20iOnt9fQ== for "
    "{\"custom\":{}}";

// The parameters whose value is a string, and what a good one looks like.
struct StringParameter {
  std::string_view name;
  std::string_view example;
};
constexpr std::array<StringParameter, 5> kStringParameters{{
    {"FunctionName", "\"FunctionName\": \"my-function\""},
    {"InvocationType", "\"InvocationType\": \"Event\""},
    {"LogType", "\"LogType\": \"Tail\""},
    {"ClientContext", "\"ClientContext\": \"eyJjdXN0b20iOnt9fQ==\""},
    {"Qualifier", "\"Qualifier\": \"1\" or \"Qualifier\": \"prod\""},
}};

// The known value of `name` when it is a string; a value of another type is reported.
const Node* string_parameter(const analysis::LambdaCall& call, const StringParameter& parameter,
                             DiagnosticSink& sink) {
  const Node* member = lmb::known_parameter(call, parameter.name);
  if (!member || member->is_string()) return member;
  sink.report(kInvalidInvokeParameterValue, *member,
              fmt::format("{} must be a string, not {} {}", parameter.name,
                          member->is_array() || member->is_object() ? "an" : "a",
                          to_string(member->kind())))
      .help(fmt::format("write it as a string: {}", parameter.example));
  return nullptr;
}

void check_choice(const Node& member, std::span<const std::string_view> allowed,
                  std::string_view all, DiagnosticSink& sink) {
  const std::string_view value = member.text();
  for (std::string_view name : allowed) {
    if (value == name) return;
  }
  const std::string_view near = text::closest_match(value, allowed);
  sink.report(kInvalidInvokeParameterValue, member,
              fmt::format("{} {} is not one Lambda accepts", member.key(), text::json_quote(value)))
      .help(near.empty() ? fmt::format("{} is {}", member.key(), all)
                         : fmt::format("did you mean \"{}\"? {} is {}", near, member.key(), all));
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Where `text` stops being base64 (its length when it is whole but badly padded); nullopt when
// it is valid.
std::optional<std::size_t> base64_error(std::string_view text) {
  std::size_t body = text.size();
  while (body > 0 && text.size() - body < 2 && text[body - 1] == '=')
    --body;
  for (std::size_t i = 0; i < body; ++i) {
    if (base64_value(text[i]) < 0) return i;
  }
  if (text.empty() || text.size() % 4 != 0) return text.size();
  return std::nullopt;
}

std::string base64_decode(std::string_view text) {
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const int value = base64_value(c);
    if (value < 0) break;
    bits = (bits << 6) | static_cast<uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

bool is_json_object(std::string_view text) {
  const std::unique_ptr<Source> source = Source::from_bytes("ClientContext", text);
  const std::vector<LoadedDocument> documents = load_documents(*source, Syntax::Json);
  return documents.size() == 1 && documents.front().problems.empty() &&
         documents.front().document && documents.front().document->root() &&
         documents.front().document->root()->is_object();
}

void check_client_context(const Node& member, DiagnosticSink& sink) {
  const std::string_view value = member.text();
  if (value.size() > kMaxClientContext) {
    sink.report(
            kInvalidInvokeParameterValue, member,
            fmt::format("ClientContext is {} bytes long; Lambda takes at most 3,583", value.size()))
        .help("send less context, or pass the data in Payload");
    return;
  }
  if (const std::optional<std::size_t> bad = base64_error(value)) {
    const bool inside = *bad < value.size();
    const Span span = inside ? member.text_span(static_cast<uint32_t>(*bad), 1) : member.span();
    sink.report_at(kInvalidInvokeParameterValue, span, member.json_pointer(),
                   inside ? "ClientContext is not base64: this character is not in its alphabet"
                          : "ClientContext is not base64: its length is not a multiple of 4")
        .help(std::string(kClientContextHelp));
    return;
  }
  if (!is_json_object(base64_decode(value))) {
    sink.report(kInvalidInvokeParameterValue, member,
                "ClientContext decodes to something other than a JSON object")
        .help(std::string(kClientContextHelp));
  }
}

void check_qualifier(const Node& member, DiagnosticSink& sink) {
  const std::string_view value = member.text();
  if (value.empty()) {
    sink.report(kInvalidInvokeParameterValue, member, "Qualifier is empty")
        .help("name a version or alias, or remove Qualifier to call $LATEST");
    return;
  }
  const std::optional<lang::LangError> error = lmb::check_qualifier(lang::Segment{value, 0});
  if (!error) return;
  sink.report(kInvalidInvokeParameterValue, member, error->message).help(error->help);
}

void check_each_state(const CheckContext& ctx, const asl::State& state, DiagnosticSink& sink) {
  const analysis::LambdaCall* call = lmb::invoke_request_of(ctx, state);
  if (!call) return;
  // FunctionName's text is LMB013's; only its type is checked here.
  string_parameter(*call, kStringParameters[0], sink);
  if (const Node* type = string_parameter(*call, kStringParameters[1], sink))
    check_choice(*type, kInvocationTypes, "RequestResponse, Event or DryRun", sink);
  if (const Node* log = string_parameter(*call, kStringParameters[2], sink))
    check_choice(*log, kLogTypes, "None or Tail", sink);
  if (const Node* context = string_parameter(*call, kStringParameters[3], sink))
    check_client_context(*context, sink);
  if (const Node* qualifier = string_parameter(*call, kStringParameters[4], sink))
    check_qualifier(*qualifier, sink);
}

}  // namespace

const Rule kInvalidInvokeParameterValue{
    {"LMB011", "invalid-invoke-parameter-value", Severity::Error, kAsl,
     "An Invoke parameter with a value Lambda rejects"},
    nullptr,
    &check_each_state};

}  // namespace wflint::rules
