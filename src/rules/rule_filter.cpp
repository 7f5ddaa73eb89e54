#include "rules/rule_filter.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/registry.h"

namespace wflint {

bool selector_matches(std::string_view selector, const rules::RuleInfo& rule) {
  return rule.name == selector || rule.id.substr(0, selector.size()) == selector;
}

bool selects_some_rule(std::string_view selector) {
  const auto all = rules::all_rules();
  return !selector.empty() && std::any_of(all.begin(), all.end(), [&](const rules::Rule* rule) {
    return selector_matches(selector, rule->info);
  });
}

std::vector<std::string> split_selectors(std::string_view text) {
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

namespace {

bool matches_any(const std::vector<std::string>& selectors, const rules::RuleInfo& rule) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const std::string& s) { return selector_matches(s, rule); });
}

}  // namespace

RuleFilter::RuleFilter() {
  std::vector<std::string_view> all;
  for (const rules::Rule* rule : rules::all_rules())
    all.push_back(rule->info.id);
  set_enabled(std::move(all));
}

void RuleFilter::set_enabled(std::vector<std::string_view> ids) {
  enabled_ids_ = std::move(ids);
  sorted_ids_ = enabled_ids_;
  std::sort(sorted_ids_.begin(), sorted_ids_.end());
}

std::optional<RuleFilter> RuleFilter::parse(std::string_view select, std::string_view ignore,
                                            std::string& error) {
  const std::vector<std::string> selected = split_selectors(select);
  const std::vector<std::string> ignored = split_selectors(ignore);
  for (const auto* list : {&selected, &ignored}) {
    for (const std::string& selector : *list) {
      if (!selects_some_rule(selector)) {
        error = fmt::format("'{}' matches no rule id, prefix or name (wflint rules lists them)",
                            selector);
        return std::nullopt;
      }
    }
  }
  RuleFilter filter;
  filter.apply(selected.empty() ? std::nullopt : std::optional(selected), ignored);
  return filter;
}

void RuleFilter::apply(const std::optional<std::vector<std::string>>& select,
                       const std::vector<std::string>& ignore) {
  std::vector<std::string_view> enabled;
  for (const rules::Rule* rule : rules::all_rules()) {
    const bool was_enabled =
        select ? matches_any(*select, rule->info) : this->enabled(rule->info.id);
    if (was_enabled && !matches_any(ignore, rule->info)) enabled.push_back(rule->info.id);
  }
  set_enabled(std::move(enabled));
}

bool RuleFilter::enabled(std::string_view rule_id) const {
  return std::binary_search(sorted_ids_.begin(), sorted_ids_.end(), rule_id);
}

}  // namespace wflint
