#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "run/timestamp.h"

namespace wflint::run {
namespace {

constexpr int64_t kSecond = 1'000'000'000;

// Nanoseconds since the epoch of `text`, or -1 when it does not parse (no test uses 1969).
int64_t nanos_of(std::string_view text) {
  const std::optional<Timestamp> parsed = parse_timestamp(text);
  return parsed ? parsed->nanos : -1;
}

TEST(TimestampTest, ParsesUtc) {
  EXPECT_EQ(nanos_of("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(nanos_of("1970-01-02T00:00:01Z"), 86'401 * kSecond);
  EXPECT_EQ(nanos_of("2001-09-09T01:46:40Z"), 1'000'000'000 * kSecond);
  EXPECT_EQ(nanos_of("2038-01-19T03:14:08Z"), (int64_t{1} << 31) * kSecond);
}

TEST(TimestampTest, ParsesFractions) {
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.5Z"), kSecond + 500'000'000);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.05Z"), kSecond + 50'000'000);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.000Z"), kSecond);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.000000Z"), kSecond);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.123456789Z"), kSecond + 123'456'789);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.1234567890Z"), -1);  // ten digits
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01.Z"), -1);
  EXPECT_EQ(nanos_of("1970-01-01T00:00:01,5Z"), -1);
}

TEST(TimestampTest, ParsesOffsets) {
  const int64_t noon = nanos_of("2020-05-05T12:00:00Z");
  EXPECT_EQ(nanos_of("2020-05-05T14:00:00+02:00"), noon);
  EXPECT_EQ(nanos_of("2020-05-05T06:15:00-05:45"), noon);
  EXPECT_EQ(nanos_of("2020-05-06T00:00:00+12:00"), noon);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+00:00"), noon);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00-00:00"), noon);
  EXPECT_EQ(nanos_of("2020-05-06T06:00:00+18:00"), noon);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+18:01"), -1);  // beyond java.time's range
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+02"), -1);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+0200"), -1);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+02:60"), -1);
  EXPECT_EQ(nanos_of("2020-05-05T12:00:00+02:00:00"), -1);
}

TEST(TimestampTest, RejectsWhatAwsRejects) {
  // The recorded Wait rejections: no offset, a space for T, a day-month-year date, hour 25,
  // month 13.
  for (const char* text : {"2020-05-05T12:00:00", "2020-05-05 12:00:00Z", "05-05-2020T12:00:00Z",
                           "2020-05-05T25:00:00Z", "2020-13-05T12:00:00Z"}) {
    EXPECT_FALSE(parse_timestamp(text)) << text;
  }
}

TEST(TimestampTest, RejectsMalformedText) {
  for (const char* text : {"",
                           "Z",
                           "2020-05-05",
                           "2020-05-05T",
                           "2020-05-05T12:00Z",
                           "2020-05-05T12Z",
                           "2020-05-05t12:00:00Z",
                           "2020-05-05T12:00:00z",
                           "2020-5-05T12:00:00Z",
                           "20200505T120000Z",
                           "+2020-05-05T12:00:00Z",
                           "12020-05-05T12:00:00Z",
                           " 2020-05-05T12:00:00Z",
                           "2020-05-05T12:00:00Z ",
                           "2020-05-05T12:00:00Zx",
                           "2020-05-05T12:00:00.5",
                           "2020-00-05T12:00:00Z",
                           "2020-05-00T12:00:00Z",
                           "2020-04-31T12:00:00Z",
                           "2020-05-05T24:00:00Z",
                           "2020-05-05T12:60:00Z",
                           "2020-05-05T12:00:60Z",
                           "2020-05-05T1a:00:00Z",
                           "２０２０-05-05T12:00:00Z"}) {
    EXPECT_FALSE(parse_timestamp(text)) << text;
  }
}

TEST(TimestampTest, KnowsLeapYears) {
  EXPECT_TRUE(parse_timestamp("2024-02-29T00:00:00Z"));
  EXPECT_TRUE(parse_timestamp("2000-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2023-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("1900-02-29T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2024-02-30T00:00:00Z"));
  EXPECT_EQ(nanos_of("2024-03-01T00:00:00Z") - nanos_of("2024-02-28T00:00:00Z"),
            2 * 86'400 * kSecond);
}

TEST(TimestampTest, InstantsCoverEveryYear) {
  EXPECT_EQ(parse_instant("0000-01-01T00:00:00Z")->seconds, -62'167'219'200);
  EXPECT_EQ(parse_instant("9999-12-31T23:59:59.999999999Z")->seconds, 253'402'300'799);
  EXPECT_EQ(parse_instant("9999-12-31T23:59:59.999999999Z")->nanos, 999'999'999);
  EXPECT_LT(*parse_instant("1969-12-31T23:59:59.9Z"), *parse_instant("1970-01-01T00:00:00Z"));
  EXPECT_EQ(parse_instant("1969-12-31T23:59:59.25Z")->seconds, -1);
  EXPECT_EQ(parse_instant("1969-12-31T23:59:59.25Z")->nanos, 250'000'000);
}

TEST(TimestampTest, ClampsBeyondTheNanosecondRange) {
  EXPECT_EQ(nanos_of("2262-04-11T23:47:16.854775807Z"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(nanos_of("2262-04-11T23:47:16.854775806Z"), std::numeric_limits<int64_t>::max() - 1);
  EXPECT_EQ(nanos_of("9999-01-01T00:00:00Z"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(parse_timestamp("1000-01-01T00:00:00Z")->nanos, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(parse_timestamp("1677-09-21T00:12:43.145224192Z")->nanos,
            std::numeric_limits<int64_t>::min());
}

TEST(TimestampTest, FormatsWithMilliseconds) {
  EXPECT_EQ(format_timestamp(Timestamp{0}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_timestamp(*parse_timestamp("2024-02-29T23:59:59.123456789+00:00")),
            "2024-02-29T23:59:59.123Z");
  EXPECT_EQ(format_timestamp(*parse_timestamp("2024-01-01T01:30:00.5+01:30")),
            "2024-01-01T00:00:00.500Z");
  EXPECT_EQ(format_timestamp(Timestamp{-1}), "1969-12-31T23:59:59.999Z");  // truncates down
  EXPECT_EQ(format_timestamp(Timestamp{std::numeric_limits<int64_t>::max()}),
            "2262-04-11T23:47:16.854Z");
  EXPECT_EQ(format_timestamp(Timestamp{std::numeric_limits<int64_t>::min()}),
            "1677-09-21T00:12:43.145Z");
}

TEST(TimestampTest, FormattedTextParsesBack) {
  for (const int64_t nanos : {int64_t{0}, int64_t{1'700'000'000'123'000'000},
                              int64_t{-86'400'000'000'000}, int64_t{951'782'400'000'000'000}}) {
    EXPECT_EQ(nanos_of(format_timestamp(Timestamp{nanos})), nanos) << nanos;
  }
}

}  // namespace
}  // namespace wflint::run
