#include "rules/registry.h"

namespace wflint::rules {

extern const Rule kMissingStartState;
extern const Rule kDuplicateStepName;

std::span<const Rule* const> all_rules() {
  static const Rule* const kRules[] = {
      &kSyntaxError, &kDuplicateKey, &kUnknownDocument, &kMissingStartState, &kDuplicateStepName,
  };
  return kRules;
}

const Rule* find_rule(std::string_view id_or_name) {
  for (const Rule* rule : all_rules()) {
    if (rule->info.id == id_or_name || rule->info.name == id_or_name) return rule;
  }
  return nullptr;
}

}  // namespace wflint::rules
