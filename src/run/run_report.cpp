#include "run/run_report.h"

#include <fmt/format.h>

#include "run/timestamp.h"

namespace wflint::run {

namespace {

// The JSON text an event carries (a state's input or output, a task's result), if any.
const Json* event_payload(const HistoryEvent& event) {
  for (const char* field : {"input", "output", "parameters"}) {
    const auto found = event.details.is_object() ? event.details.find(field) : event.details.end();
    if (event.details.is_object() && found != event.details.end() && found->is_string()) {
      return &*found;
    }
  }
  return nullptr;
}

// Virtual time since the execution started: "+0s", "+1.5s", "+2h0m3s".
std::string elapsed_text(int64_t nanos) {
  const int64_t millis = nanos / 1'000'000;
  const int64_t seconds = millis / 1000;
  if (seconds >= 3600) {
    return fmt::format("+{}h{}m{}s", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  if (millis % 1000 == 0) return fmt::format("+{}s", seconds);
  return fmt::format("+{:.3f}s", static_cast<double>(millis) / 1000.0);
}

std::string size_text(std::size_t bytes) {
  if (bytes < 10'000) return fmt::format("{} B", bytes);
  return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024.0);
}

// "executionFailedEventDetails" for "ExecutionFailed"; every state's Entered and Exited events
// share "stateEnteredEventDetails" and "stateExitedEventDetails", as in AWS's history.
std::string details_key(std::string_view type) {
  if (type.ends_with("StateEntered")) return "stateEnteredEventDetails";
  if (type.ends_with("StateExited")) return "stateExitedEventDetails";
  std::string key(type);
  if (!key.empty()) key[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(key[0])));
  return key + "EventDetails";
}

}  // namespace

void write_run_text(const RunResult& result, bool with_events, std::ostream& out) {
  if (with_events) {
    out << fmt::format("{:>5}  {:<10} {:<30} {:<24} {}\n", "id", "time", "event", "state", "data");
    const int64_t start = result.events.empty() ? 0 : result.events.front().timestamp_nanos;
    for (const HistoryEvent& event : result.events) {
      const Json* payload = event_payload(event);
      std::string data = payload ? size_text(payload->get_ref<const std::string&>().size()) : "";
      if (event.details.is_object() && event.details.contains("error")) {
        data = event.details["error"].get<std::string>();
      }
      std::string line =
          fmt::format("{:>5}  {:<10} {:<30} {:<24} {}", event.id,
                      elapsed_text(event.timestamp_nanos - start), event.type, event.state, data);
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
    }
    out << '\n';
  }
  out << to_string(result.status) << '\n';
  if (result.status == RunStatus::Succeeded) {
    out << result.output.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    return;
  }
  if (result.error) out << "error: " << *result.error << '\n';
  if (result.cause) out << "cause: " << *result.cause << '\n';
}

Json run_result_json(const RunResult& result, bool with_events) {
  Json json = Json::object();
  json["status"] = to_string(result.status);
  if (result.status == RunStatus::Succeeded) json["output"] = result.output;
  if (result.error) json["error"] = *result.error;
  if (result.cause) json["cause"] = *result.cause;
  if (with_events) {
    Json events = Json::array();
    for (const HistoryEvent& event : result.events) {
      Json entry = Json{{"id", event.id},
                        {"previousEventId", event.previous_id},
                        {"timestamp", format_timestamp(Timestamp{event.timestamp_nanos})},
                        {"type", event.type}};
      if (!event.details.is_null()) entry[details_key(event.type)] = event.details;
      events.push_back(std::move(entry));
    }
    json["events"] = std::move(events);
  }
  return json;
}

}  // namespace wflint::run
