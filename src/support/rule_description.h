#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace wflint {

// What the reporters and the catalogue commands know of a rule: its registry metadata and its page
// rules/<ID>.md. Plain data, so reporters need not depend on the rules themselves.
struct RuleDescription {
  std::string_view id;
  std::string_view name;
  Severity severity;
  std::string_view summary;
  std::string_view applies_to;   // "state machines", as the page's "Applies to" line says
  std::string_view page;         // the page's Markdown
  std::string full_description;  // the first paragraph of "What it catches", on one line
  std::vector<std::string_view> tags;
};

}  // namespace wflint
