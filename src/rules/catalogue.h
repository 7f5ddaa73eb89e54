#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "support/rule_description.h"

namespace wflint::rules {

// Every registered rule with its page, in registry order.
std::span<const RuleDescription> catalogue();
// The rule with this id (any case) or name; nullptr when there is none.
const RuleDescription* describe(std::string_view id_or_name);

// The text of a page's "## <heading>" section, without the heading line; empty when absent.
std::string_view page_section(std::string_view page, std::string_view heading);

}  // namespace wflint::rules
