#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wflint {

struct JsonSyntaxError {
  std::size_t offset = 0;  // where the problem is, in `text`
  std::size_t length = 1;
  std::string message;
  std::string help;
};

// Finds the first syntax error of RFC 8259 JSON in `text`, starting at `start`, with a message
// for people. Runs only when the fast parser has rejected a document, so it favours clarity over
// speed; it is iterative, so no input can exhaust the stack.
std::optional<JsonSyntaxError> find_json_syntax_error(std::string_view text, std::size_t start = 0);

// A syntax error's message about JSON held in a string rather than a file: "end of the file"
// becomes "end of the <what>" ("end of the Payload").
std::string message_about(std::string message, std::string_view what);

// True when `token` is exactly one JSON number.
bool is_json_number(std::string_view token);

}  // namespace wflint
