#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "load/json_syntax.h"
#include "load/placeholders.h"
#include "model/azure/pipeline.h"
#include "rules/azp/lambda_task.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kAzpPayloadNotJson;

namespace {

constexpr std::string_view kWhiteSpace = " \t\r\n";

// Where the expression starting at `at` ($(var), ${{ ... }}, $[ ... ]) ends, one past its last
// character; npos when none starts there.
std::size_t expression_end(std::string_view text, std::size_t at) {
  std::string_view close;
  if (text.substr(at, 3) == "${{") {
    close = "}}";
  } else if (text.substr(at, 2) == "$(") {
    close = ")";
  } else if (text.substr(at, 2) == "$[") {
    close = "]";
  } else {
    return std::string_view::npos;
  }
  const std::size_t found = text.find(close, at + 2);
  return found == std::string_view::npos ? found : found + close.size();
}

// The task's own test (TaskOperations.isJson): it sends the trimmed text as is when it starts
// with '"', '{' or '[' and ends with '"', ']' or '}', and JSON.stringify's anything else.
bool opens_json(char c) {
  return c == '"' || c == '{' || c == '[';
}
bool closes_json(char c) {
  return c == '"' || c == ']' || c == '}';
}

enum class Sending { AsIs, AsString, Unknown };

// How the task will send the payload whose first and last characters are at `first` and `last`.
// An expression at either end decides it when the pipeline runs, unless the other end already
// rules out sending as is.
Sending how_sent(std::string_view text, std::size_t first, std::size_t last,
                 const FilledJson& filled) {
  const bool first_known = !filled.in_placeholder(first);
  const bool last_known = !filled.in_placeholder(last);
  if ((first_known && !opens_json(text[first])) || (last_known && !closes_json(text[last])))
    return Sending::AsString;
  return first_known && last_known ? Sending::AsIs : Sending::Unknown;
}

void report_wrapped(const Node& payload, DiagnosticSink& sink) {
  sink.report(kAzpPayloadNotJson, payload,
              "payload does not start and end like JSON, so the task sends it as one JSON "
              "string: the function receives a string, not an object")
      .help(
          "the task sends a payload as is only when it starts with '\"', '{' or '[' and ends "
          "with '\"', ']' or '}'; write the payload as JSON, e.g. {\"key\": \"value\"}");
}

void report_syntax_error(const Node& payload, const JsonSyntaxError& error, DiagnosticSink& sink) {
  sink.report_at(kAzpPayloadNotJson,
                 payload.text_span(static_cast<uint32_t>(error.offset),
                                   static_cast<uint32_t>(std::max<std::size_t>(error.length, 1))),
                 payload.json_pointer(),
                 fmt::format("payload is not JSON: {}", message_about(error.message, "payload")))
      .help(error.help.empty()
                ? std::string("the task sends a payload that looks like JSON as is, and Lambda "
                              "rejects one that is not JSON")
                : error.help);
}

void check_payload_text(const Node& payload, DiagnosticSink& sink) {
  const std::string_view text = payload.text();
  const std::size_t first = text.find_first_not_of(kWhiteSpace);
  if (first == std::string_view::npos) return;  // an empty payload is not sent at all
  const std::size_t last = text.find_last_not_of(kWhiteSpace);
  const FilledJson filled = fill_placeholders(text, &expression_end);
  const Sending sending = how_sent(text, first, last, filled);
  if (sending == Sending::AsString) return report_wrapped(payload, sink);
  if (sending == Sending::Unknown) return;
  const std::optional<JsonSyntaxError> error = find_json_syntax_error(filled.text);
  if (error && !filled.in_unquoted(error->offset)) report_syntax_error(payload, *error, sink);
}

void report_structured(const Node& payload, DiagnosticSink& sink) {
  sink.report(kAzpPayloadNotJson, payload,
              fmt::format("payload is given as a YAML {}, but task inputs are strings: Azure "
                          "Pipelines rejects the pipeline",
                          payload.is_object() ? "mapping" : "list"))
      .help(
          "write the payload as JSON text, e.g. in a block scalar: `payload: |` and the JSON "
          "on the lines below")
      .severity(Severity::Error);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const azure::TaskStep& step : ctx.pipeline->lambda_invocations()) {
    const Node* payload = step.input("payload");
    if (!payload || !payload->tag().empty()) continue;
    if (payload->is_string() || payload->is_number()) {
      check_payload_text(*payload, sink);
    } else if (payload->is_object() || payload->is_array()) {
      report_structured(*payload, sink);
    }
  }
}

}  // namespace

const Rule kAzpPayloadNotJson{{"AZP005", "payload-not-json", Severity::Warning, kAzurePipelines,
                               "A LambdaInvokeFunction payload the task sends as a JSON string, "
                               "or that looks like JSON but is not"},
                              &check};

}  // namespace wflint::rules
