#include "engine/rule_filter.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/registry.h"

namespace wflint {
namespace {

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ')
      item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ')
      item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    start = comma + 1;
  }
  return items;
}

bool selector_matches(std::string_view selector, const rules::RuleInfo& rule) {
  return rule.name == selector || rule.id.substr(0, selector.size()) == selector;
}

}  // namespace

bool RuleFilter::matches(const std::vector<std::string>& selectors, const rules::RuleInfo& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& s) { return selector_matches(s, rule); });
}

std::optional<RuleFilter> RuleFilter::parse(std::string_view select, std::string_view ignore,
                                            std::string& error) {
  const std::vector<std::string> selected = split_list(select);
  const std::vector<std::string> ignored = split_list(ignore);
  for (const auto* list : {&selected, &ignored}) {
    for (const std::string& selector : *list) {
      const auto& all = rules::all_rules();
      if (std::none_of(all.begin(), all.end(), [&](const rules::Rule* rule) {
            return selector_matches(selector, rule->info);
          })) {
        error = fmt::format("'{}' matches no rule id, prefix or name (see rules/ for the list)",
                            selector);
        return std::nullopt;
      }
    }
  }
  RuleFilter filter;
  for (const rules::Rule* rule : rules::all_rules()) {
    if ((selected.empty() || matches(selected, rule->info)) && !matches(ignored, rule->info)) {
      filter.enabled_ids_.emplace_back(rule->info.id);
    }
  }
  return filter;
}

bool RuleFilter::enabled(std::string_view rule_id) const {
  return std::find(enabled_ids_.begin(), enabled_ids_.end(), rule_id) != enabled_ids_.end();
}

}  // namespace wflint
