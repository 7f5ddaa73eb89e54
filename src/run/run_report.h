#pragma once

#include <ostream>

#include "run/interpreter.h"

namespace wflint::run {

// `wflint run` output: the status, then the output or the error and cause; with the history, a
// table of its events (id, type, state, size of the data the event carries).
void write_run_text(const RunResult& result, bool with_events, std::ostream& out);

// One JSON object: {"status", "output" (a value, not a string), "error", "cause", "events"}.
Json run_result_json(const RunResult& result, bool with_events);

}  // namespace wflint::run
