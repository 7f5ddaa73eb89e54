#pragma once

#include <string>

namespace wflint::bench {

enum class Format { Json, Yaml };

// A valid state machine of `states` Lambda task states chained by Next, each with Parameters,
// ResultSelector and a Retry, the last one ending the execution. About 450 bytes a state.
std::string synthetic_state_machine(int states, Format format);

}  // namespace wflint::bench
