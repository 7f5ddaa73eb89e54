#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/resource.h"

namespace wflint::lang {

// Bits of OptimizedApi::patterns.
enum PatternBits : uint8_t {
  kRequestResponseBit = 1,
  kSyncBit = 2,
  kSync2Bit = 4,
  kWaitForTaskTokenBit = 8,
};

uint8_t pattern_bit(IntegrationPattern pattern);

// One API of an optimized service integration (arn:aws:states:::SERVICE:API) and the integration
// patterns it accepts.
struct OptimizedApi {
  std::string_view service;
  std::string_view api;
  uint8_t patterns;

  bool supports(IntegrationPattern pattern) const { return (patterns & pattern_bit(pattern)) != 0; }
};

// The known API, or nullptr (also for unknown services).
const OptimizedApi* find_optimized_api(std::string_view service, std::string_view api);
bool is_optimized_service(std::string_view service);
// Every optimized service name, and every API of one service, for "did you mean" suggestions.
std::vector<std::string_view> optimized_services();
std::vector<std::string_view> optimized_apis(std::string_view service);
// "no suffix, .sync or .waitForTaskToken": the patterns an API accepts, in words.
std::string describe_patterns(uint8_t patterns);

}  // namespace wflint::lang
