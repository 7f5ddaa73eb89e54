#include <re2/re2.h>

#include <array>
#include <cmath>
#include <numeric>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {
namespace {

constexpr double kMillisPerDay = 86400000;

[[noreturn]] void unsupported(const std::string& what) {
  throw_error("D3132", 0, "Unsupported date/time picture feature: " + what);
}

// --- integer pictures (XPath F&O 4.6.1 as jsonata-js implements it) ---

enum class Primary { kDecimal, kLetters, kRoman, kWords };

struct IntegerFormat {
  Primary primary = Primary::kDecimal;
  bool upper = false;
  bool title = false;
  bool ordinal = false;
  int mandatory_digits = 0;
  int optional_digits = 0;
  std::vector<std::pair<int, std::string>> separators;  // position from the right, character
  int regular = 0;                                      // regular grouping interval
};

IntegerFormat analyse_integer_picture(std::string_view picture) {
  IntegerFormat format;
  std::string_view primary = picture;
  const size_t semicolon = picture.rfind(';');
  if (semicolon != std::string_view::npos) {
    primary = picture.substr(0, semicolon);
    format.ordinal = picture.substr(semicolon + 1).starts_with('o');
  }
  if (primary == "A" || primary == "a") {
    format.primary = Primary::kLetters;
    format.upper = primary == "A";
  } else if (primary == "I" || primary == "i") {
    format.primary = Primary::kRoman;
    format.upper = primary == "I";
  } else if (primary == "W" || primary == "w" || primary == "Ww") {
    format.primary = Primary::kWords;
    format.upper = primary == "W";
    format.title = primary == "Ww";
  } else {
    const std::u32string code_points = to_code_points(primary);
    int position = 0;
    for (auto it = code_points.rbegin(); it != code_points.rend(); ++it) {
      if (*it >= U'0' && *it <= U'9') {
        ++format.mandatory_digits;
        ++position;
      } else if (*it == U'#') {
        ++format.optional_digits;
        ++position;
      } else {
        format.separators.emplace_back(position, to_utf8(std::u32string(1, *it)));
      }
    }
    if (format.mandatory_digits == 0) {
      throw_error("D3130", 0,
                  "Formatting or parsing an integer as a sequence starting with " +
                      json_for_message(Value::string(std::string(primary))) +
                      " is not supported by this implementation");
    }
    if (!format.separators.empty()) {
      bool same = true;
      int factor = 0;
      for (const auto& [at, character] : format.separators) {
        same = same && character == format.separators.front().second;
        factor = std::gcd(factor, at);
      }
      bool regular = same && factor > 0;
      for (size_t i = 1; regular && i <= format.separators.size(); ++i) {
        bool found = false;
        for (const auto& separator : format.separators) {
          found = found || separator.first == static_cast<int>(i) * factor;
        }
        regular = found;
      }
      format.regular = regular ? factor : 0;
    }
  }
  return format;
}

std::string to_roman(double value) {
  static constexpr std::array<std::pair<int, const char*>, 13> kNumerals = {{
      {1000, "m"},
      {900, "cm"},
      {500, "d"},
      {400, "cd"},
      {100, "c"},
      {90, "xc"},
      {50, "l"},
      {40, "xl"},
      {10, "x"},
      {9, "ix"},
      {5, "v"},
      {4, "iv"},
      {1, "i"},
  }};
  std::string out;
  for (const auto& [amount, numeral] : kNumerals) {
    while (value >= amount) {
      out += numeral;
      value -= amount;
    }
  }
  return out;
}

std::string to_letters(double value, char a) {
  std::string out;
  while (value > 0) {
    out.insert(out.begin(), static_cast<char>(a + static_cast<int>(std::fmod(value - 1, 26))));
    value = std::floor((value - 1) / 26);
  }
  return out;
}

std::string to_words(double num, bool previous, bool ordinal) {
  static constexpr std::array<const char*, 20> kFew = {
      "Zero",     "One",     "Two",     "Three",     "Four",     "Five",    "Six",
      "Seven",    "Eight",   "Nine",    "Ten",       "Eleven",   "Twelve",  "Thirteen",
      "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"};
  static constexpr std::array<const char*, 20> kOrdinals = {
      "Zeroth",    "First",     "Second",      "Third",      "Fourth",
      "Fifth",     "Sixth",     "Seventh",     "Eighth",     "Ninth",
      "Tenth",     "Eleventh",  "Twelfth",     "Thirteenth", "Fourteenth",
      "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"};
  static constexpr std::array<const char*, 9> kDecades = {
      "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"};
  static constexpr std::array<const char*, 4> kMagnitudes = {"Thousand", "Million", "Billion",
                                                             "Trillion"};
  std::string words;
  if (num <= 19) {
    const auto n = static_cast<size_t>(num);
    words = std::string(previous ? " and " : "") + (ordinal ? kOrdinals[n] : kFew[n]);
  } else if (num < 100) {
    const auto tens = static_cast<size_t>(num / 10);
    const double remainder = std::fmod(num, 10);
    words = std::string(previous ? " and " : "") + kDecades[tens - 2];
    if (remainder > 0) {
      words += "-" + to_words(remainder, false, ordinal);
    } else if (ordinal) {
      words = words.substr(0, words.size() - 1) + "ieth";
    }
  } else if (num < 1000) {
    const auto hundreds = static_cast<size_t>(num / 100);
    const double remainder = std::fmod(num, 100);
    words = std::string(previous ? ", " : "") + kFew[hundreds] + " Hundred";
    if (remainder > 0) {
      words += to_words(remainder, true, ordinal);
    } else if (ordinal) {
      words += "th";
    }
  } else {
    auto magnitude = static_cast<size_t>(std::floor(std::log10(num) / 3));
    magnitude = std::min(magnitude, kMagnitudes.size());
    const double factor = std::pow(10, static_cast<double>(magnitude * 3));
    const double mantissa = std::floor(num / factor);
    const double remainder = num - mantissa * factor;
    words = std::string(previous ? ", " : "") + to_words(mantissa, false, false) + " " +
            kMagnitudes[magnitude - 1];
    if (remainder > 0) {
      words += to_words(remainder, true, ordinal);
    } else if (ordinal) {
      words += "th";
    }
  }
  return words;
}

std::string ascii_case(std::string text, bool upper) {
  for (char& c : text)
    c = static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
  return text;
}

std::string format_decimal(double value, const IntegerFormat& format) {
  std::string digits = format_number(value);
  if (static_cast<int>(digits.size()) < format.mandatory_digits) {
    digits.insert(0, static_cast<size_t>(format.mandatory_digits) - digits.size(), '0');
  }
  if (format.regular > 0) {
    const auto interval = static_cast<size_t>(format.regular);
    for (size_t n = (digits.size() - 1) / interval; n > 0; --n) {
      digits.insert(digits.size() - n * interval, format.separators.front().second);
    }
  } else {
    for (auto it = format.separators.rbegin(); it != format.separators.rend(); ++it) {
      const auto at = static_cast<size_t>(it->first);
      if (at <= digits.size()) digits.insert(digits.size() - at, it->second);
    }
  }
  if (format.ordinal) {
    const char last = digits.back();
    const bool teen = digits.size() > 1 && digits[digits.size() - 2] == '1';
    digits += teen || last < '1' || last > '3' ? "th"
              : last == '1'                    ? "st"
              : last == '2'                    ? "nd"
                                               : "rd";
  }
  return digits;
}

std::string format_integer(double value, const IntegerFormat& format) {
  const bool negative = value < 0;
  value = std::fabs(value);
  std::string out;
  switch (format.primary) {
    case Primary::kLetters:
      out = to_letters(value, format.upper ? 'A' : 'a');
      break;
    case Primary::kRoman:
      out = ascii_case(to_roman(value), format.upper);
      break;
    case Primary::kWords:
      out = to_words(value, false, format.ordinal);
      if (!format.title) out = ascii_case(out, format.upper);
      break;
    case Primary::kDecimal:
      out = format_decimal(value, format);
      break;
  }
  return negative ? "-" + out : out;
}

// --- dates ---

struct CivilTime {
  int64_t year;
  int month;  // 1-12
  int day;
  int hour, minute, second, millisecond;
  int weekday;  // 1 = Monday ... 7 = Sunday
  int day_of_year;
};

int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilTime civil_from_millis(double millis) {
  const auto days = static_cast<int64_t>(std::floor(millis / kMillisPerDay));
  const auto in_day = static_cast<int64_t>(millis - static_cast<double>(days) * kMillisPerDay);
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilTime t{};
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = yoe + era * 400 + (t.month <= 2);
  t.hour = static_cast<int>(in_day / 3600000);
  t.minute = static_cast<int>(in_day / 60000 % 60);
  t.second = static_cast<int>(in_day / 1000 % 60);
  t.millisecond = static_cast<int>(in_day % 1000);
  const int64_t weekday = (days % 7 + 7 + 3) % 7;  // 1970-01-01 was a Thursday
  t.weekday = static_cast<int>(weekday + 1);
  t.day_of_year = static_cast<int>(days - days_from_civil(t.year, 1, 1) + 1);
  return t;
}

struct Marker {
  char component = 0;
  std::string presentation1;
  std::string presentation2;
  int width_min = -1;
  int width_max = -1;
  int names = 0;  // 0 none, 1 lower, 2 upper, 3 title
  IntegerFormat integer_format;
  int year_digits = -1;
};

Marker analyse_marker(std::string marker) {
  std::erase_if(marker, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  Marker def;
  def.component = marker.empty() ? '\0' : marker[0];
  std::string modifiers = marker.size() > 1 ? marker.substr(1) : "";
  const size_t comma = modifiers.rfind(',');
  if (comma != std::string::npos) {
    const std::string width = modifiers.substr(comma + 1);
    modifiers = modifiers.substr(0, comma);
    const size_t dash = width.find('-');
    const auto parse_width = [](const std::string& text) {
      return text.empty() || text == "*" ? -1 : std::atoi(text.c_str());
    };
    def.width_min = parse_width(width.substr(0, dash));
    if (dash != std::string::npos) def.width_max = parse_width(width.substr(dash + 1));
  }
  if (modifiers.size() > 1 && std::string("atco").find(modifiers.back()) != std::string::npos) {
    def.presentation2 = modifiers.substr(modifiers.size() - 1);
    modifiers.pop_back();
  }
  if (modifiers.empty()) {
    const std::string_view defaults[] = {"Y1", "M1",     "D1",     "d1", "Fn", "W1",  "w1",
                                         "X1", "x1",     "H1",     "h1", "Pn", "m01", "s01",
                                         "f1", "Z01:01", "z01:01", "Cn", "En"};
    for (const std::string_view entry : defaults) {
      if (entry.front() == def.component) modifiers = std::string(entry.substr(1));
    }
    if (modifiers.empty()) {
      throw_error("D3132", 0,
                  "Unknown component specifier " +
                      json_for_message(Value::string(std::string(1, def.component))) +
                      " in date/time picture string");
    }
  }
  def.presentation1 = modifiers;
  if (modifiers[0] == 'n') {
    def.names = 1;
  } else if (modifiers[0] == 'N') {
    def.names = modifiers.size() > 1 && modifiers[1] == 'n' ? 3 : 2;
  } else if (std::string("YMDdFWwXxHhmsf").find(def.component) != std::string::npos) {
    std::string pattern = modifiers;
    if (!def.presentation2.empty()) pattern += ";" + def.presentation2;
    def.integer_format = analyse_integer_picture(pattern);
    if (def.width_min > def.integer_format.mandatory_digits) {
      def.integer_format.mandatory_digits = def.width_min;
    }
    if (def.component == 'Y') {
      if (def.width_max >= 0) {
        def.year_digits = def.width_max;
        def.integer_format.mandatory_digits = def.width_max;
      } else if (def.integer_format.mandatory_digits + def.integer_format.optional_digits >= 2) {
        def.year_digits = def.integer_format.mandatory_digits + def.integer_format.optional_digits;
      }
    }
  }
  if (def.component == 'Z' || def.component == 'z') {
    def.integer_format = analyse_integer_picture(def.presentation1);
  }
  return def;
}

std::string format_name(std::string name, const Marker& marker) {
  if (marker.names == 2) name = ascii_case(name, true);
  if (marker.names == 1) name = ascii_case(name, false);
  if (marker.width_max >= 0 && static_cast<int>(name.size()) > marker.width_max) {
    name.resize(static_cast<size_t>(marker.width_max));
  }
  return name;
}

std::string format_timezone(const Marker& marker, int offset_hours, int offset_minutes) {
  const int offset = offset_hours * 100 + offset_minutes;
  std::string out;
  if (marker.integer_format.regular > 0) {
    out = format_integer(offset, marker.integer_format);
  } else {
    const int digits = marker.integer_format.mandatory_digits;
    if (digits == 1 || digits == 2) {
      out = format_integer(offset_hours, marker.integer_format);
      if (offset_minutes != 0) {
        IntegerFormat two;
        two.mandatory_digits = 2;
        out += ':';
        out += format_integer(offset_minutes, two);
      }
    } else if (digits == 3 || digits == 4) {
      out = format_integer(offset, marker.integer_format);
    } else {
      throw_error("D3134", 0,
                  "The timezone integer format specifier cannot have more than four digits");
    }
  }
  if (offset >= 0) out.insert(0, "+");
  if (marker.component == 'z') out.insert(0, "GMT");
  if (offset == 0 && marker.presentation2 == "t") out = "Z";
  return out;
}

std::string format_component(const CivilTime& t, const Marker& marker, int offset_hours,
                             int offset_minutes) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static constexpr std::array<const char*, 8> kDays = {
      "", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  double value = 0;
  switch (marker.component) {
    case 'Y':
      value = static_cast<double>(t.year);
      break;
    case 'M':
      value = t.month;
      break;
    case 'D':
      value = t.day;
      break;
    case 'd':
      value = t.day_of_year;
      break;
    case 'F':
      value = t.weekday;
      break;
    case 'H':
      value = t.hour;
      break;
    case 'h':
      value = t.hour % 12 == 0 ? 12 : t.hour % 12;
      break;
    case 'm':
      value = t.minute;
      break;
    case 's':
      value = t.second;
      break;
    case 'f':
      value = t.millisecond;
      break;
    case 'P': {
      std::string marker_text = t.hour >= 12 ? "pm" : "am";
      return marker.names == 2 ? ascii_case(marker_text, true) : marker_text;
    }
    case 'Z':
    case 'z':
      return format_timezone(marker, offset_hours, offset_minutes);
    case 'C':
    case 'E':
      return "ISO";
    case 'W':
    case 'w':
    case 'X':
    case 'x':
      unsupported(std::string("week component [") + marker.component + "]");
    default:
      throw_error("D3132", 0,
                  "Unknown component specifier " +
                      json_for_message(Value::string(std::string(1, marker.component))) +
                      " in date/time picture string");
  }
  if (marker.component == 'Y' && marker.year_digits >= 0) {
    value = std::fmod(value, std::pow(10, marker.year_digits));
  }
  if (marker.names != 0) {
    if (marker.component == 'M')
      return format_name(kMonths[static_cast<size_t>(value) - 1], marker);
    if (marker.component == 'F') return format_name(kDays[static_cast<size_t>(value)], marker);
    throw_error("D3133", 0,
                "The 'name' modifier can only be applied to months and days in the date/time "
                "picture string, not " +
                    json_for_message(Value::string(std::string(1, marker.component))));
  }
  return format_integer(value, marker.integer_format);
}

}  // namespace

std::string format_integer_picture(double value, std::string_view picture) {
  return format_integer(std::floor(value), analyse_integer_picture(picture));
}

double parse_integer_picture(std::string_view text, std::string_view picture) {
  const IntegerFormat format = analyse_integer_picture(picture);
  if (format.primary != Primary::kDecimal) {
    unsupported("$parseInteger with a letters, roman or words picture");
  }
  std::string digits;
  std::string_view body = text;
  if (format.ordinal && body.size() >= 2) body.remove_suffix(2);
  for (const char c : body) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits.empty() ? std::nan("") : std::strtod(digits.c_str(), nullptr);
}

std::string format_date_time(double millis, const std::string* picture,
                             const std::string* timezone) {
  int offset_hours = 0;
  int offset_minutes = 0;
  if (timezone != nullptr) {
    const int offset = std::atoi(timezone->c_str());
    offset_hours = static_cast<int>(std::floor(offset / 100.0));
    offset_minutes = offset % 100;
  }
  const std::string text =
      picture != nullptr ? *picture : "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";
  const CivilTime t =
      civil_from_millis(millis + (60.0 * offset_hours + offset_minutes) * 60 * 1000);
  std::string out;
  size_t start = 0;
  const auto add_literal = [&](size_t end) {
    std::string literal = text.substr(start, end - start);
    for (size_t at = literal.find("]]"); at != std::string::npos; at = literal.find("]]", at + 1)) {
      literal.erase(at, 1);
    }
    out += literal;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] != '[') {
      ++pos;
      continue;
    }
    if (pos + 1 < text.size() && text[pos + 1] == '[') {
      add_literal(pos);
      out += '[';
      pos += 2;
      start = pos;
      continue;
    }
    add_literal(pos);
    const size_t close = text.find(']', pos);
    if (close == std::string::npos) {
      throw_error("D3135", 0, "No matching closing bracket ']' in date/time picture string");
    }
    const Marker marker = analyse_marker(text.substr(pos + 1, close - pos - 1));
    out += format_component(t, marker, offset_hours, offset_minutes);
    pos = close + 1;
    start = pos;
  }
  add_literal(text.size());
  return out;
}

Value fn_format_integer(BuiltinCall& call) {
  const Value& value = argument(call, 0);
  if (value.is_undefined()) return Value();
  return Value::string(format_integer_picture(value.as_number(), argument(call, 1).as_string()));
}

Value fn_parse_integer(BuiltinCall& call) {
  const Value& value = argument(call, 0);
  if (value.is_undefined()) return Value();
  return Value::number(parse_integer_picture(value.as_string(), argument(call, 1).as_string()));
}

Value fn_now(BuiltinCall& call) {
  const Value& picture = argument(call, 0);
  const Value& timezone = argument(call, 1);
  return Value::string(format_date_time(call.evaluator.options().now_millis,
                                        picture.is_string() ? &picture.as_string() : nullptr,
                                        timezone.is_string() ? &timezone.as_string() : nullptr));
}

Value fn_millis(BuiltinCall& call) {
  return Value::number(call.evaluator.options().now_millis);
}

Value fn_from_millis(BuiltinCall& call) {
  const Value& millis = argument(call, 0);
  if (millis.is_undefined()) return Value();
  const Value& picture = argument(call, 1);
  const Value& timezone = argument(call, 2);
  return Value::string(format_date_time(millis.as_number(),
                                        picture.is_string() ? &picture.as_string() : nullptr,
                                        timezone.is_string() ? &timezone.as_string() : nullptr));
}

// Date.parse of the ISO 8601 forms jsonata-js accepts; NaN when the date is impossible.
// The parts of an ISO 8601 timestamp; a part that is absent is empty (a present one never is).
struct IsoParts {
  re2::StringPiece year, month, day, time, fraction, zone;
};

int digits_at(re2::StringPiece part, size_t from, size_t length) {
  return std::atoi(std::string(part.substr(from, length)).c_str());
}

double parse_iso_timestamp(const IsoParts& m) {
  const int year = digits_at(m.year, 0, m.year.size());
  const int month = m.month.empty() ? 1 : digits_at(m.month, 1, 2);
  const int day = m.day.empty() ? 1 : digits_at(m.day, 1, 2);
  int hour = 0, minute = 0, second = 0;
  if (!m.time.empty()) {
    hour = digits_at(m.time, 1, 2);
    minute = digits_at(m.time, 4, 2);
    second = digits_at(m.time, 7, 2);
  }
  double fraction = 0;
  if (!m.fraction.empty()) {
    std::string decimal(1, '0');
    decimal.append(m.fraction.data(), m.fraction.size());
    fraction = std::floor(std::atof(decimal.c_str()) * 1000 + 1e-9);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) {
    return std::nan("");
  }
  double millis = static_cast<double>(days_from_civil(year, month, day)) * kMillisPerDay +
                  ((hour * 60.0 + minute) * 60 + second) * 1000 + fraction;
  if (!m.zone.empty() && m.zone != "Z") {
    const int zone_hours = digits_at(m.zone, 1, 2);
    const int zone_minutes = digits_at(m.zone, m.zone.size() - 2, 2);
    const double offset = (zone_hours * 60.0 + zone_minutes) * 60000;
    millis += m.zone[0] == '+' ? -offset : offset;
  }
  return millis;
}

Value fn_to_millis(BuiltinCall& call) {
  const Value& timestamp = argument(call, 0);
  if (timestamp.is_undefined()) return Value();
  if (!argument(call, 1).is_undefined()) {
    unsupported("$toMillis with a picture string");
  }
  static const re2::RE2 iso(
      "(\\d{4})(-[01]\\d)?(-[0-3]\\d)?(T[0-2]\\d:[0-5]\\d:[0-5]\\d)?(\\.\\d+)?([+-][0-2]\\d:?[0-5]"
      "\\d|Z)?");
  IsoParts parts;
  if (!re2::RE2::FullMatch(timestamp.as_string(), iso, &parts.year, &parts.month, &parts.day,
                           &parts.time, &parts.fraction, &parts.zone)) {
    throw_error("D3110", call.position,
                "The argument of the toMillis function must be an ISO 8601 formatted timestamp. "
                "Given " +
                    json_for_message(timestamp));
  }
  const double millis = parse_iso_timestamp(parts);
  return std::isnan(millis) ? Value() : Value::number(millis);
}

}  // namespace wflint::jsonata
