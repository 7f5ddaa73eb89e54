#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wflint::run {

// An instant, in nanoseconds since the Unix epoch (UTC). Covers 1677-09-21 to 2262-04-11: every
// time an execution can run at.
struct Timestamp {
  int64_t nanos = 0;

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// An instant over the whole range a timestamp string can spell (years 0000 to 9999), for
// comparing two timestamps exactly (a Choice rule may compare against "9999-12-31T23:59:59Z").
struct Instant {
  int64_t seconds = 0;  // since the Unix epoch, UTC
  int32_t nanos = 0;    // 0 to 999,999,999

  friend auto operator<=>(const Instant&, const Instant&) = default;
};

// Parses a timestamp as Step Functions accepts it (Choice Timestamp* operators and IsTimestamp,
// Wait Timestamp/TimestampPath): "YYYY-MM-DDThh:mm:ss[.f]" then "Z" or "+hh:mm"/"-hh:mm", e.g.
// "2016-03-14T01:59:00Z", "2016-03-14T01:59:00.123456789+02:00". Accepts only what both the
// States Language profile of RFC 3339 (uppercase T and Z, seconds required, at least one fraction
// digit after a '.') and the Java ISO_OFFSET_DATE_TIME parser that AWS's messages name (at most
// nine fraction digits, no leap second 60, offsets within +-18:00) accept. nullopt otherwise.
std::optional<Instant> parse_instant(std::string_view text);

// parse_instant as a Timestamp. Instants outside the Timestamp range clamp to its ends, so a far
// future time still reads as "too far ahead" and a far past one as "already passed".
std::optional<Timestamp> parse_timestamp(std::string_view text);

// The instant as Step Functions prints Execution.StartTime and State.EnteredTime: UTC with
// millisecond precision, e.g. "2024-01-01T00:00:00.000Z". Sub-millisecond digits are truncated
// toward the past.
std::string format_timestamp(Timestamp t);

}  // namespace wflint::run
