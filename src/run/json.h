#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>

namespace wflint {
class Node;
}

namespace wflint::run {

// The interpreter's mutable JSON value. Objects keep their keys in insertion order, as Step
// Functions prints them; numbers keep the integer/float distinction ("1" vs "1.0").
using Json = nlohmann::ordered_json;

// An error as Step Functions reports it: a name ("States.Runtime", "Lambda.Unknown", a
// function's errorType) and a cause. `cause_set` is false when AWS reports no cause at all.
struct RunError {
  std::string error;
  std::string cause;
  bool cause_set = true;
  bool error_set = true;   // false when a Fail state or SendTaskFailure gives no error
  bool heartbeat = false;  // a heartbeat expired: also matches States.HeartbeatTimeout
};

// Either a value or the error that prevented it.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Outcome(RunError error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  const RunError& error() const { return std::get<1>(state_); }
  RunError& error() { return std::get<1>(state_); }

 private:
  std::variant<T, RunError> state_;
};

// Compact JSON text, UTF-8, no spaces: how Step Functions serializes values and measures them.
std::string to_text(const Json& value);

// A value as AWS's messages quote it: a string as it is, anything else as compact JSON.
std::string message_text(const Json& value);

// The byte length of to_text(value), computed without building the text.
std::size_t serialized_size(const Json& value);

// Parses JSON text; an error names what is wrong and where.
Outcome<Json> parse_json(std::string_view text);

// A definition's constant (Result, a Parameters template, a mock's Return) as a value. Numbers
// keep their spelling: "1" stays an integer, "1.0" a float.
Json from_node(const Node& node);

// Deep equality where numbers compare by value (1 == 1.0), as Step Functions compares them.
bool same_value(const Json& a, const Json& b);

}  // namespace wflint::run
