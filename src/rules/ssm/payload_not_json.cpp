#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "load/json_syntax.h"
#include "load/placeholders.h"
#include "rules/rule.h"
#include "rules/ssm/invoke_inputs.h"

namespace wflint::rules {

extern const Rule kPayloadNotJson;

namespace {

// Where the placeholder starting at `at` ends (one past its last character), or npos.
std::size_t placeholder_end(std::string_view text, std::size_t at) {
  const bool braces = text.substr(at, 2) == "{{";
  if (!braces && text.substr(at, 2) != "${") return std::string_view::npos;
  const std::size_t close = text.find(braces ? "}}" : "}", at + 2);
  if (close == std::string_view::npos) return std::string_view::npos;
  return close + (braces ? 2 : 1);
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void check_payload_string(const Node& payload, DiagnosticSink& sink) {
  const std::string_view text = payload.text();
  if (is_blank(text)) return;
  const FilledJson filled = fill_placeholders(text, &placeholder_end);
  const std::optional<JsonSyntaxError> error = find_json_syntax_error(filled.text);
  if (!error || filled.in_unquoted(error->offset)) return;
  const std::string help = error->help.empty()
                               ? std::string(
                                     "Payload must be a JSON string; or give the payload as "
                                     "a map in InputPayload")
                               : error->help;
  sink.report_at(kPayloadNotJson,
                 payload.text_span(static_cast<uint32_t>(error->offset),
                                   static_cast<uint32_t>(std::max<std::size_t>(error->length, 1))),
                 payload.json_pointer(),
                 fmt::format("Payload is not JSON: {}", message_about(error->message, "Payload")))
      .help(help);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const ssm::Step& step : ctx.runbook->steps()) {
    const Node* inputs = ssm_invoke::invoke_inputs(step);
    const Node* payload = inputs ? inputs->find("Payload") : nullptr;
    if (!payload || !payload->tag().empty()) continue;
    if (payload->is_string()) {
      check_payload_string(*payload, sink);
    } else if (payload->is_object() || payload->is_array()) {
      // A map or list may be accepted (AWS runs such runbooks), so this case is only a warning.
      sink.report(kPayloadNotJson, *payload,
                  fmt::format("Payload is given as {}, but it takes a JSON string",
                              payload->is_object() ? "a map" : "a list"))
          .help(payload->is_object()
                    ? "move the map to InputPayload, which takes a map, or write it as a JSON "
                      "string"
                    : "write the list as a JSON string")
          .severity(Severity::Warning);
    }
  }
}

}  // namespace

const Rule kPayloadNotJson{{"SSM104", "payload-not-json", Severity::Error, kSsm,
                            "A Payload that is not JSON once {{ }} references are substituted"},
                           &check};

}  // namespace wflint::rules
