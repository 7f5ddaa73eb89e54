#pragma once

#include <string_view>

namespace wflint::rules {

// RFC 3339 date-time as Step Functions reads it: uppercase T, and Z or a numeric offset.
bool is_rfc3339_timestamp(std::string_view text);

}  // namespace wflint::rules
