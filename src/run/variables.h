#pragma once

#include <string_view>

#include "run/json.h"

namespace wflint::run {

// The variables of one States block (the machine, a Parallel branch, a Map iteration). A nested
// scope reads its parents' variables; it assigns only its own.
class Variables {
 public:
  explicit Variables(const Variables* parent = nullptr) : parent_(parent) {}

  const Json* find(std::string_view name) const;
  void assign(const Json& values);  // an object of name → value

 private:
  const Variables* parent_;
  Json values_ = Json::object();
};

}  // namespace wflint::run
