#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace wflint {

// --select and --ignore: comma-separated rule ids, rule names, or id prefixes ("LMB", "ASL0").
// A rule runs when it matches select (or select is empty) and does not match ignore.
class RuleFilter {
 public:
  // Fails with a message naming the first selector that matches no rule.
  static std::optional<RuleFilter> parse(std::string_view select, std::string_view ignore,
                                         std::string& error);
  bool enabled(std::string_view rule_id) const;

 private:
  static bool matches(const std::vector<std::string>& selectors, const rules::RuleInfo& rule);
  std::vector<std::string> enabled_ids_;
};

}  // namespace wflint
