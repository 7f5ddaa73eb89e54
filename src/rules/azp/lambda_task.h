#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/azure/pipeline.h"

namespace wflint::rules::azp {

// The inputs LambdaInvokeFunction@1 takes (its task.json). outputLogsVariable, which receives the
// log tail, came with later releases of the task.
inline constexpr std::array<std::string_view, 10> kInputNames = {
    "awsCredentials", "regionName",         "functionName", "payload",    "invocationType",
    "outputVariable", "outputLogsVariable", "logType",      "logRequest", "logResponse"};

// The value of input `name` when it is known before the pipeline runs: a string or number that
// holds no pipeline expression. nullopt when the input is absent or has any other value.
std::optional<std::string_view> literal_input(const azure::TaskStep& step, std::string_view name);

// True when input `name` is given a value that is not empty.
bool is_set(const azure::TaskStep& step, std::string_view name);

// True when `text` is empty or only white space.
bool is_blank(std::string_view text);

}  // namespace wflint::rules::azp
