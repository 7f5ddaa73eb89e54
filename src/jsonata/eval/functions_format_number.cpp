// $formatNumber: XPath F&O 4.7 picture strings, as jsonata-js implements them.

#include <cmath>
#include <cstdio>
#include <numeric>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {
namespace {

using Text = std::u32string;

struct Properties {
  char32_t decimal = U'.';
  char32_t grouping = U',';
  char32_t exponent = U'e';
  char32_t percent = U'%';
  char32_t per_mille = U'\u2030';
  char32_t zero = U'0';
  char32_t digit = U'#';
  char32_t pattern = U';';
  Text minus = U"-";
};

Properties properties_from(const Value& options) {
  Properties p;
  if (!options.is_object()) return p;
  const auto first = [&](std::string_view key, char32_t& target) {
    const Value* value = options.as_object().find(key);
    if (value != nullptr && value->is_string() && !value->as_string().empty()) {
      target = to_code_points(value->as_string()).front();
    }
  };
  first("decimal-separator", p.decimal);
  first("grouping-separator", p.grouping);
  first("exponent-separator", p.exponent);
  first("percent", p.percent);
  first("per-mille", p.per_mille);
  first("zero-digit", p.zero);
  first("digit", p.digit);
  first("pattern-separator", p.pattern);
  const Value* minus = options.as_object().find("minus-sign");
  if (minus != nullptr && minus->is_string()) p.minus = to_code_points(minus->as_string());
  return p;
}

struct Picture {
  Text prefix, suffix, active, mantissa, integer, fraction, whole;
  bool has_exponent = false;
  Text exponent;
};

[[noreturn]] void picture_error(const BuiltinCall& call, const char* code, const char* message) {
  throw_error(code, call.position, message);
}

class NumberFormatter {
 public:
  NumberFormatter(const BuiltinCall& call, Properties properties)
      : call_(call), p_(std::move(properties)) {}

  bool is_digit(char32_t c) const { return c >= p_.zero && c < p_.zero + 10; }
  bool is_active(char32_t c) const {
    return is_digit(c) || c == p_.decimal || c == p_.exponent || c == p_.grouping ||
           c == p_.digit || c == p_.pattern;
  }

  Picture split(const Text& sub) const {
    Picture part;
    part.whole = sub;
    size_t first = 0;
    while (first < sub.size() && !(is_active(sub[first]) && sub[first] != p_.exponent))
      ++first;
    size_t last = sub.size();
    while (last > 0 && !(is_active(sub[last - 1]) && sub[last - 1] != p_.exponent))
      --last;
    part.prefix = sub.substr(0, first);
    part.suffix = last >= first ? sub.substr(last) : Text();
    part.active = last > first ? sub.substr(first, last - first) : Text();
    const size_t exponent_at = sub.find(p_.exponent, part.prefix.size());
    if (exponent_at == Text::npos || exponent_at > sub.size() - part.suffix.size()) {
      part.mantissa = part.active;
    } else {
      // jsonata-js indexes the active part with the position in the whole sub-picture.
      part.mantissa = part.active.substr(0, std::min(exponent_at, part.active.size()));
      part.exponent =
          exponent_at + 1 <= part.active.size() ? part.active.substr(exponent_at + 1) : Text();
      part.has_exponent = true;
    }
    const size_t decimal_at = part.mantissa.find(p_.decimal);
    if (decimal_at == Text::npos) {
      part.integer = part.mantissa;
      part.fraction = part.suffix;
    } else {
      part.integer = part.mantissa.substr(0, decimal_at);
      part.fraction = part.mantissa.substr(decimal_at + 1);
    }
    return part;
  }

  void validate(const Picture& part) const {
    const Text& sub = part.whole;
    const char* error = nullptr;
    const char* message = nullptr;
    const auto fail = [&](const char* code, const char* text) {
      error = code;
      message = text;
    };
    const auto count = [&](char32_t c) { return std::count(sub.begin(), sub.end(), c); };
    if (count(p_.decimal) > 1)
      fail("D3081",
           "The sub-picture must not contain more than one instance of the 'decimal-separator' "
           "character");
    if (count(p_.percent) > 1)
      fail("D3082",
           "The sub-picture must not contain more than one instance of the 'percent' character");
    if (count(p_.per_mille) > 1)
      fail("D3083",
           "The sub-picture must not contain more than one instance of the 'per-mille' character");
    if (count(p_.percent) > 0 && count(p_.per_mille) > 0)
      fail("D3084",
           "The sub-picture must not contain both a 'percent' and a 'per-mille' character");
    if (std::none_of(part.mantissa.begin(), part.mantissa.end(),
                     [&](char32_t c) { return is_digit(c) || c == p_.digit; })) {
      fail("D3085",
           "The mantissa part of a sub-picture must contain at least one character that is either "
           "an 'optional digit character' or a member of the 'decimal digit family'");
    }
    if (std::any_of(part.active.begin(), part.active.end(),
                    [&](char32_t c) { return !is_active(c); })) {
      fail("D3086",
           "The sub-picture must not contain a passive character that is preceded by an active "
           "character and that is followed by another active character");
    }
    const size_t decimal_at = sub.find(p_.decimal);
    if (decimal_at != Text::npos) {
      if ((decimal_at > 0 && sub[decimal_at - 1] == p_.grouping) ||
          (decimal_at + 1 < sub.size() && sub[decimal_at + 1] == p_.grouping)) {
        fail("D3087",
             "The sub-picture must not contain a 'grouping-separator' character that appears "
             "adjacent to a 'decimal-separator' character");
      }
    } else if (!part.integer.empty() && part.integer.back() == p_.grouping) {
      fail(
          "D3088",
          "The sub-picture must not contain a 'grouping-separator' at the end of the integer part");
    }
    if (sub.find(Text{p_.grouping, p_.grouping}) != Text::npos) {
      fail("D3089",
           "The sub-picture must not contain two adjacent instances of the 'grouping-separator' "
           "character");
    }
    const size_t optional_at = part.integer.find(p_.digit);
    if (optional_at != Text::npos &&
        std::any_of(part.integer.begin(),
                    part.integer.begin() + static_cast<std::ptrdiff_t>(optional_at),
                    [&](char32_t c) { return is_digit(c); })) {
      fail("D3090",
           "The integer part of the sub-picture must not contain a member of the 'decimal digit "
           "family' that is followed by an instance of the 'optional digit character'");
    }
    const size_t last_optional = part.fraction.rfind(p_.digit);
    if (last_optional != Text::npos &&
        std::any_of(part.fraction.begin() + static_cast<std::ptrdiff_t>(last_optional),
                    part.fraction.end(), [&](char32_t c) { return is_digit(c); })) {
      fail("D3091",
           "The fractional part of the sub-picture must not contain an instance of the 'optional "
           "digit character' that is followed by a member of the 'decimal digit family'");
    }
    if (part.has_exponent && !part.exponent.empty() &&
        (count(p_.percent) > 0 || count(p_.per_mille) > 0)) {
      fail("D3092",
           "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a "
           "character treated as an 'exponent-separator'");
    }
    if (part.has_exponent &&
        (part.exponent.empty() || std::any_of(part.exponent.begin(), part.exponent.end(),
                                              [&](char32_t c) { return !is_digit(c); }))) {
      fail("D3093",
           "The exponent part of the sub-picture must comprise only of one or more characters that "
           "are members of the 'decimal digit family'");
    }
    if (error != nullptr) picture_error(call_, error, message);
  }

  std::string format(double value, const Text& picture) {
    std::vector<Text> subs;
    size_t start = 0;
    for (size_t at = picture.find(p_.pattern); at != Text::npos;
         at = picture.find(p_.pattern, start)) {
      subs.push_back(picture.substr(start, at - start));
      start = at + 1;
    }
    subs.push_back(picture.substr(start));
    if (subs.size() > 2) {
      picture_error(call_, "D3080",
                    "The picture string must only contain a maximum of two sub-pictures");
    }
    std::vector<Picture> parts;
    for (const Text& sub : subs)
      parts.push_back(split(sub));
    for (const Picture& part : parts)
      validate(part);
    Picture chosen = value >= 0 ? parts[0] : parts.size() > 1 ? parts[1] : parts[0];
    if (value < 0 && parts.size() == 1) chosen.prefix = p_.minus + chosen.prefix;
    return render(value, chosen);
  }

 private:
  std::vector<int> grouping_positions(const Text& part, bool to_left, const Text& integer) const {
    std::vector<int> positions;
    size_t at = part.find(p_.grouping);
    while (at != Text::npos) {
      const Text side = to_left ? part.substr(0, at) : part.substr(at);
      positions.push_back(static_cast<int>(std::count_if(
          side.begin(), side.end(), [&](char32_t c) { return is_digit(c) || c == p_.digit; })));
      at = integer.find(p_.grouping, at + 1);  // jsonata-js searches the integer part here
    }
    return positions;
  }

  static int regular_grouping(const std::vector<int>& positions) {
    if (positions.empty()) return 0;
    int factor = 0;
    for (const int at : positions)
      factor = std::gcd(factor, at);
    for (size_t i = 1; i <= positions.size(); ++i) {
      if (std::find(positions.begin(), positions.end(), static_cast<int>(i) * factor) ==
          positions.end()) {
        return 0;
      }
    }
    return factor;
  }

  Text digits_of(double magnitude, int places) const {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, magnitude);
    Text out;
    for (const char* c = buffer; *c != '\0'; ++c) {
      out.push_back(*c >= '0' && *c <= '9' ? p_.zero + static_cast<char32_t>(*c - '0')
                                           : static_cast<char32_t>(*c));
    }
    return out;
  }

  std::string render(double value, const Picture& pic) const {
    const auto count_digits = [&](const Text& text, bool optional_too) {
      return static_cast<int>(std::count_if(text.begin(), text.end(), [&](char32_t c) {
        return is_digit(c) || (optional_too && c == p_.digit);
      }));
    };
    const std::vector<int> integer_groups = grouping_positions(pic.integer, false, pic.integer);
    const int regular = regular_grouping(integer_groups);
    const std::vector<int> fraction_groups = grouping_positions(pic.fraction, true, pic.integer);
    int min_integer = count_digits(pic.integer, false);
    const int scaling = min_integer;
    int min_fraction = count_digits(pic.fraction, false);
    int max_fraction = count_digits(pic.fraction, true);
    if (min_integer == 0 && max_fraction == 0) {
      if (pic.has_exponent) {
        min_fraction = max_fraction = 1;
      } else {
        min_integer = 1;
      }
    }
    if (pic.has_exponent && min_integer == 0 && pic.integer.find(p_.digit) != Text::npos)
      min_integer = 1;
    if (min_integer == 0 && min_fraction == 0) min_fraction = 1;
    const int min_exponent = pic.has_exponent ? count_digits(pic.exponent, false) : 0;

    double adjusted = value;
    if (pic.whole.find(p_.percent) != Text::npos) {
      adjusted = value * 100;
    } else if (pic.whole.find(p_.per_mille) != Text::npos) {
      adjusted = value * 1000;
    }
    double mantissa = adjusted;
    std::optional<int> exponent;
    if (min_exponent != 0) {
      const double max_mantissa = std::pow(10, scaling);
      const double min_mantissa = std::pow(10, scaling - 1);
      exponent = 0;
      while (mantissa < min_mantissa) {
        mantissa *= 10;
        --*exponent;
      }
      while (mantissa > max_mantissa) {
        mantissa /= 10;
        ++*exponent;
      }
    }
    const double rounded = round_half_even(mantissa, max_fraction);
    Text text = digits_of(std::fabs(rounded), max_fraction);
    const size_t dot = text.find(U'.');
    if (dot == Text::npos) {
      text.push_back(p_.decimal);
    } else {
      text[dot] = p_.decimal;
    }
    while (!text.empty() && text.front() == p_.zero)
      text.erase(0, 1);
    while (!text.empty() && text.back() == p_.zero)
      text.pop_back();
    size_t decimal_at = text.find(p_.decimal);
    const int pad_left = min_integer - static_cast<int>(decimal_at);
    const int pad_right = min_fraction - static_cast<int>(text.size() - decimal_at - 1);
    if (pad_left > 0) text.insert(0, static_cast<size_t>(pad_left), p_.zero);
    if (pad_right > 0) text.append(static_cast<size_t>(pad_right), p_.zero);
    decimal_at = text.find(p_.decimal);
    if (regular > 0) {
      const size_t group_count = (decimal_at - 1) / static_cast<size_t>(regular);
      for (size_t group = 1; group <= group_count; ++group) {
        text.insert(decimal_at - group * static_cast<size_t>(regular), 1, p_.grouping);
      }
    } else {
      for (const int at : integer_groups) {
        text.insert(decimal_at - static_cast<size_t>(at), 1, p_.grouping);
        ++decimal_at;
      }
    }
    decimal_at = text.find(p_.decimal);
    for (const int at : fraction_groups) {
      text.insert(std::min(text.size(), static_cast<size_t>(at) + decimal_at + 1), 1, p_.grouping);
    }
    decimal_at = text.find(p_.decimal);
    if (pic.whole.find(p_.decimal) == Text::npos || decimal_at == text.size() - 1) text.pop_back();
    if (exponent) {
      Text exponent_text = digits_of(std::fabs(*exponent), 0);
      const int pad = min_exponent - static_cast<int>(exponent_text.size());
      if (pad > 0) exponent_text.insert(0, static_cast<size_t>(pad), p_.zero);
      text.push_back(p_.exponent);
      if (*exponent < 0) text += p_.minus;
      text += exponent_text;
    }
    return to_utf8(pic.prefix + text + pic.suffix);
  }

  const BuiltinCall& call_;
  Properties p_;
};

}  // namespace

Value fn_format_number(BuiltinCall& call) {
  const Value& value = argument(call, 0);
  if (value.is_undefined()) return Value();
  NumberFormatter formatter(call, properties_from(argument(call, 2)));
  return Value::string(
      formatter.format(value.as_number(), to_code_points(argument(call, 1).as_string())));
}

}  // namespace wflint::jsonata
