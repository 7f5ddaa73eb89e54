#include "rules/asl/timestamp.h"

#include <re2/re2.h>

namespace wflint::rules {

bool is_rfc3339_timestamp(std::string_view text) {
  static const RE2 kTimestamp(
      R"((\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))");
  return RE2::FullMatch(text, kTimestamp);
}

}  // namespace wflint::rules
