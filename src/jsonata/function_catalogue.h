#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace wflint::jsonata {

enum class FunctionOrigin : uint8_t {
  kStandard,       // JSONata 2.0's own library
  kStepFunctions,  // added by AWS Step Functions ($partition, $range, $hash, $random, $uuid,
                   // $parse)
};

// A function a JSONata expression in a state machine can call: its name without "$", its
// signature in jsonata-js notation, where it comes from, and whether Step Functions offers it.
struct CatalogueEntry {
  std::string_view name;
  std::string_view signature;
  FunctionOrigin origin;
  bool in_step_functions = true;  // false for $eval, which Step Functions removes
};

// Every function, standard and Step Functions', sorted by name. Where Step Functions replaces a
// standard function ($random with an optional seed), only its version is listed.
std::span<const CatalogueEntry> function_catalogue();
const CatalogueEntry* find_catalogue_entry(std::string_view name);

// How many arguments a call may pass according to a signature: "<s-nn?:s>" takes 2 or 3 (the
// "-" one comes from the context when left out, so 1 to 3); "<a+>" takes 1 or more.
struct ArgumentRange {
  uint32_t min = 0;
  std::optional<uint32_t> max;  // none: unbounded
};
ArgumentRange argument_range(std::string_view signature);

}  // namespace wflint::jsonata
