#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace wflint {

// Rules are selected by selectors: rule ids, rule names, or id prefixes ("LMB", "ASL0").
bool selector_matches(std::string_view selector, const rules::RuleInfo& rule);
// Whether `selector` matches any registered rule.
bool selects_some_rule(std::string_view selector);
// "ASL, LMB015" as {"ASL", "LMB015"}.
std::vector<std::string> split_selectors(std::string_view comma_separated);

// Which rules run. Settings apply in layers (the configuration, its overrides, the command line):
// a layer's select replaces the enabled rules with those it matches, then its ignore removes rules.
class RuleFilter {
 public:
  // Every rule.
  RuleFilter();
  // --select and --ignore, comma-separated. Fails with a message naming the first selector that
  // matches no rule.
  static std::optional<RuleFilter> parse(std::string_view select, std::string_view ignore,
                                         std::string& error);

  void apply(const std::optional<std::vector<std::string>>& select,
             const std::vector<std::string>& ignore);
  bool enabled(std::string_view rule_id) const;
  const std::vector<std::string_view>& enabled_ids() const { return enabled_ids_; }

 private:
  void set_enabled(std::vector<std::string_view> ids);

  std::vector<std::string_view> enabled_ids_;  // static strings of the registry, in its order
  std::vector<std::string_view> sorted_ids_;   // the same, sorted: enabled() runs per rule and file
};

}  // namespace wflint
