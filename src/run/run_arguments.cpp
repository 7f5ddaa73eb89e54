#include "run/run_arguments.h"

#include <fmt/format.h>

#include <filesystem>

#include "run/loaded_file.h"

namespace wflint::run {

namespace {

RunError usage(std::string message) {
  return RunError{"usage", std::move(message)};
}

}  // namespace

Outcome<Json> read_input_argument(std::string_view argument) {
  if (!argument.starts_with('@')) {
    auto parsed = parse_json(argument);
    if (!parsed.ok()) return usage(fmt::format("--input is not JSON ({})", parsed.error().cause));
    return parsed;
  }
  std::string error;
  const auto file = load_file(std::string(argument.substr(1)), error);
  if (!file) return usage(error);
  return from_node(*file->root());
}

std::string state_machine_name_of(std::string_view path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (const std::string_view extension : {".json", ".yaml", ".yml", ".asl"}) {
    if (name.size() > extension.size() && name.ends_with(extension)) {
      name.resize(name.size() - extension.size());
    }
  }
  return name;
}

Outcome<CallbackAnswer> parse_callback(std::string_view text) {
  CallbackAnswer answer;
  answer.given = true;
  if (text == "none") return answer;
  if (text.starts_with("success:")) {
    auto output = parse_json(text.substr(8));
    if (!output.ok()) {
      return usage(
          fmt::format("--callback success: the output is not JSON: {}", output.error().cause));
    }
    answer.kind = CallbackAnswer::Kind::Success;
    answer.output = std::move(output.value());
    return answer;
  }
  if (text == "failure" || text.starts_with("failure:")) {
    answer.kind = CallbackAnswer::Kind::Failure;
    if (text.size() > 8) {
      const std::string_view rest = text.substr(8);
      const auto colon = rest.find(':');
      answer.error = std::string(rest.substr(0, colon));
      if (colon != std::string_view::npos) answer.cause = std::string(rest.substr(colon + 1));
    }
    return answer;
  }
  return usage(
      fmt::format("--callback '{}' is not one of success:JSON, failure[:ERROR[:CAUSE]], "
                  "none",
                  text));
}

}  // namespace wflint::run
