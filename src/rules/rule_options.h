#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wflint::rules {

struct Rule;

// A setting a rule takes from the configuration (`options: {LMB006: {state-data-bytes: ...}}`).
struct OptionSpec {
  enum class Type : uint8_t { Integer, StringList };
  std::string_view name;  // kebab-case, as written in .wflint.yaml
  Type type;
  std::string_view description;
  int64_t default_integer = 0;                             // Integer
  int64_t minimum = 0;                                     // Integer
  int64_t maximum = INT64_MAX;                             // Integer
  std::span<const std::string_view> default_strings = {};  // StringList
};

using OptionValue = std::variant<int64_t, std::vector<std::string>>;

// The option values configured for one file; an option not set has its spec's default.
class RuleOptions {
 public:
  void set(std::string_view rule_id, std::string_view option, OptionValue value);
  int64_t integer(const Rule& rule, std::string_view option) const;
  std::vector<std::string_view> strings(const Rule& rule, std::string_view option) const;
  // The value set for an option; nullptr when it has its default.
  const OptionValue* find(std::string_view rule_id, std::string_view option) const;

 private:
  struct Entry {
    std::string_view rule_id;  // static strings of the registry
    std::string_view option;
    OptionValue value;
  };
  std::vector<Entry> entries_;
};

// The spec of `rule`'s option `name`; nullptr when the rule has no such option.
const OptionSpec* find_option(const Rule& rule, std::string_view name);

}  // namespace wflint::rules
