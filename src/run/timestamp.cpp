#include "run/timestamp.h"

#include <limits>

namespace wflint::run {

namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int kMaxFractionDigits = 9;
constexpr int kMaxOffsetMinutes = 18 * 60;  // java.time.ZoneOffset's range

struct CivilDate {
  int64_t year = 0;
  int month = 0;  // 1 to 12
  int day = 0;    // 1 to 31
};

bool is_leap_year(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int64_t year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(const CivilDate& date) {
  const int64_t year = date.month <= 2 ? date.year - 1 : date.year;
  const int64_t era = floor_div(year, 400);
  const int64_t year_of_era = year - era * 400;
  const int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + day_of_era - 719'468;
}

CivilDate civil_from_days(int64_t days) {
  days += 719'468;
  const int64_t era = floor_div(days, 146'097);
  const int64_t day_of_era = days - era * 146'097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_from_march = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  date.month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  date.year = year_of_era + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

// Reads the text left to right; every read fails (returns false) without moving on a mismatch.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  bool literal(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }

  // Exactly `count` ASCII digits, within [min, max].
  bool number(int count, int min, int max, int& value) {
    if (text_.size() - pos_ < static_cast<std::size_t>(count)) return false;
    int result = 0;
    for (int i = 0; i < count; ++i) {
      const char c = text_[pos_ + static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      result = result * 10 + (c - '0');
    }
    if (result < min || result > max) return false;
    pos_ += static_cast<std::size_t>(count);
    value = result;
    return true;
  }

  // 1 to 9 digits after the decimal point, as nanoseconds.
  bool fraction(int32_t& nanos) {
    int digits = 0;
    int32_t value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (++digits > kMaxFractionDigits) return false;
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
    }
    if (digits == 0) return false;
    for (int i = digits; i < kMaxFractionDigits; ++i)
      value *= 10;
    nanos = value;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool read_date(Reader& in, CivilDate& date) {
  int year = 0;
  if (!in.number(4, 0, 9999, year) || !in.literal('-') || !in.number(2, 1, 12, date.month) ||
      !in.literal('-')) {
    return false;
  }
  date.year = year;
  return in.number(2, 1, days_in_month(date.year, date.month), date.day);
}

bool read_time_of_day(Reader& in, int64_t& seconds, int32_t& nanos) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!in.number(2, 0, 23, hour) || !in.literal(':') || !in.number(2, 0, 59, minute) ||
      !in.literal(':') || !in.number(2, 0, 59, second)) {
    return false;
  }
  seconds = hour * 3600 + minute * 60 + second;
  nanos = 0;
  return !in.literal('.') || in.fraction(nanos);
}

// "Z" or "+hh:mm"/"-hh:mm", as seconds east of UTC.
bool read_offset(Reader& in, int64_t& offset_seconds) {
  if (in.literal('Z')) {
    offset_seconds = 0;
    return true;
  }
  const bool negative = in.peek('-');
  if (!in.literal('+') && !in.literal('-')) return false;
  int hours = 0;
  int minutes = 0;
  if (!in.number(2, 0, 23, hours) || !in.literal(':') || !in.number(2, 0, 59, minutes)) {
    return false;
  }
  const int total_minutes = hours * 60 + minutes;
  if (total_minutes > kMaxOffsetMinutes) return false;
  offset_seconds = (negative ? -1 : 1) * int64_t{total_minutes} * 60;
  return true;
}

}  // namespace

std::optional<Instant> parse_instant(std::string_view text) {
  Reader in(text);
  CivilDate date;
  int64_t second_of_day = 0;
  int32_t nanos = 0;
  int64_t offset_seconds = 0;
  if (!read_date(in, date) || !in.literal('T') || !read_time_of_day(in, second_of_day, nanos) ||
      !read_offset(in, offset_seconds) || !in.at_end()) {
    return std::nullopt;
  }
  const int64_t local_seconds = days_from_civil(date) * kSecondsPerDay + second_of_day;
  return Instant{local_seconds - offset_seconds, nanos};
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  const std::optional<Instant> instant = parse_instant(text);
  if (!instant) return std::nullopt;
  int64_t nanos = 0;
  if (__builtin_mul_overflow(instant->seconds, kNanosPerSecond, &nanos) ||
      __builtin_add_overflow(nanos, int64_t{instant->nanos}, &nanos)) {
    return Timestamp{instant->seconds < 0 ? std::numeric_limits<int64_t>::min()
                                          : std::numeric_limits<int64_t>::max()};
  }
  return Timestamp{nanos};
}

namespace {

void append_padded(std::string& out, int64_t value, int width) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = count; i < width; ++i)
    out += '0';
  while (count > 0)
    out += digits[--count];
}

}  // namespace

std::string format_timestamp(Timestamp t) {
  const int64_t millis = floor_div(t.nanos, 1'000'000);
  const int64_t seconds = floor_div(millis, 1000);
  const int64_t days = floor_div(seconds, kSecondsPerDay);
  const int64_t second_of_day = seconds - days * kSecondsPerDay;
  const CivilDate date = civil_from_days(days);

  std::string out;
  out.reserve(24);
  append_padded(out, date.year, 4);
  out += '-';
  append_padded(out, date.month, 2);
  out += '-';
  append_padded(out, date.day, 2);
  out += 'T';
  append_padded(out, second_of_day / 3600, 2);
  out += ':';
  append_padded(out, second_of_day / 60 % 60, 2);
  out += ':';
  append_padded(out, second_of_day % 60, 2);
  out += '.';
  append_padded(out, millis - seconds * 1000, 3);
  out += 'Z';
  return out;
}

}  // namespace wflint::run
