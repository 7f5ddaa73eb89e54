#include "run/variables.h"

namespace wflint::run {

const Json* Variables::find(std::string_view name) const {
  for (const Variables* scope = this; scope != nullptr; scope = scope->parent_) {
    const auto found = scope->values_.find(name);
    if (found != scope->values_.end()) return &*found;
  }
  return nullptr;
}

void Variables::assign(const Json& values) {
  for (const auto& [name, value] : values.items())
    values_[name] = value;
}

}  // namespace wflint::run
