#include "rules/rule_options.h"

#include <algorithm>
#include <stdexcept>

#include "rules/rule.h"

namespace wflint::rules {

const OptionSpec* find_option(const Rule& rule, std::string_view name) {
  for (const OptionSpec& spec : rule.options) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

void RuleOptions::set(std::string_view rule_id, std::string_view option, OptionValue value) {
  for (Entry& entry : entries_) {
    if (entry.rule_id == rule_id && entry.option == option) {
      entry.value = std::move(value);
      return;
    }
  }
  entries_.push_back(Entry{rule_id, option, std::move(value)});
}

const OptionValue* RuleOptions::find(std::string_view rule_id, std::string_view option) const {
  for (const Entry& entry : entries_) {
    if (entry.rule_id == rule_id && entry.option == option) return &entry.value;
  }
  return nullptr;
}

int64_t RuleOptions::integer(const Rule& rule, std::string_view option) const {
  if (const OptionValue* value = find(rule.info.id, option)) return std::get<int64_t>(*value);
  const OptionSpec* spec = find_option(rule, option);
  if (!spec) throw std::logic_error("no such rule option");
  return spec->default_integer;
}

std::vector<std::string_view> RuleOptions::strings(const Rule& rule,
                                                   std::string_view option) const {
  if (const OptionValue* value = find(rule.info.id, option)) {
    const auto& texts = std::get<std::vector<std::string>>(*value);
    return {texts.begin(), texts.end()};
  }
  const OptionSpec* spec = find_option(rule, option);
  if (!spec) throw std::logic_error("no such rule option");
  return {spec->default_strings.begin(), spec->default_strings.end()};
}

}  // namespace wflint::rules
