#pragma once

#include <string>

namespace wflint::bench {

enum class Format { Json, Yaml };

// A valid state machine of `states` Lambda task states chained by Next, each with Parameters,
// ResultSelector and a Retry, the last one ending the execution. About 450 bytes a state.
std::string synthetic_state_machine(int states, Format format);

// A valid state machine of `states` Choice states, each with `choices` rules and a Default that
// branch forward (so states * (choices + 1) transitions), the last ones ending in a Succeed
// state. JSON, one state per line.
std::string synthetic_dense_choices(int states, int choices);

}  // namespace wflint::bench

namespace wflint::bench {

// A state machine for `wflint run` of `states` states chained in a line, cycling through a Lambda
// task (lambda:invoke, with ResultSelector, ResultPath and Retry), a Pass state computing with
// paths and intrinsic functions, and a Choice. JSON.
std::string synthetic_run_chain(int states);

// The MockConfigFile that answers every task of synthetic_run_chain(states), under state machine
// name `name`, test case "Bench".
std::string synthetic_run_mocks(int states, const std::string& name);

// A distributed Map over `items` integers given in the input ({"items": [0, 1, ...]}): each
// iteration's input is selected with $$.Map.Item, then a Pass state and a Choice run; a
// ResultWriter keeps the result small. The input is returned in `input`.
std::string synthetic_map(int items, std::string& input);
// The same Map written in JSONata: Items, ItemSelector with $states.context.Map.Item, a Pass
// Output and a Choice Condition. Its input is synthetic_map's.
std::string synthetic_jsonata_map();

}  // namespace wflint::bench
