#pragma once

#include <string>
#include <string_view>

#include "run/interpreter.h"
#include "run/json.h"

namespace wflint::run {

// The value of --input: inline JSON text, or @FILE (JSON or YAML; "@-" reads standard input).
// The error is a sentence naming what is wrong and where.
Outcome<Json> read_input_argument(std::string_view argument);

// The name a definition runs under, and finds its MockConfigFile test cases by: the file name
// without its directory and its .json/.yaml/.yml and .asl extensions ("orders.asl.json" →
// "orders").
std::string state_machine_name_of(std::string_view path);

// --callback: "success:JSON" (SendTaskSuccess output), "failure[:ERROR[:CAUSE]]"
// (SendTaskFailure), or "none" (nobody answers; a heartbeat or timeout fires).
Outcome<CallbackAnswer> parse_callback(std::string_view text);

}  // namespace wflint::run
