#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>

#include "jsonata/eval/functions.h"
#include "jsonata/eval/json_text.h"

namespace wflint::jsonata {

const Value& argument(const BuiltinCall& call, size_t index) {
  static const Value undefined;
  return index < call.arguments.size() ? call.arguments[index] : undefined;
}

Value make_array(std::vector<Value> items, bool sequence) {
  Array array;
  array.items = std::move(items);
  array.sequence = sequence;
  return Value::array(std::move(array));
}

namespace {

const std::vector<Value>& numbers_of(const BuiltinCall& call) {
  return argument(call, 0).as_array().items;
}

// JavaScript's Number(text) for a string the caller has checked looks numeric: NaN unless the
// whole text is consumed.
double js_number(const std::string& text) {
  if (text.size() > 2 && text[0] == '0') {
    const char kind = static_cast<char>(text[1] | 0x20);
    const int base = kind == 'x' ? 16 : kind == 'o' ? 8 : kind == 'b' ? 2 : 0;
    if (base != 0) {
      double value = 0;
      for (size_t i = 2; i < text.size(); ++i) {
        const char c = static_cast<char>(text[i] | 0x20);
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
        if (digit >= base) return std::nan("");
        value = value * base + digit;
      }
      return value;
    }
  }
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && !text.empty() ? value : std::nan("");
}

// JavaScript's +(mantissa + "e" + exponent) used by $round to shift the decimal point.
double shift_decimal(double value, double places) {
  const std::string text = format_number(value);
  const size_t e = text.find('e');
  const double exponent = (e == std::string::npos ? 0 : std::atof(text.c_str() + e + 1)) + places;
  return js_number(text.substr(0, e) + "e" + format_number(exponent));
}

double js_math_round(double x) {
  const double floored = std::floor(x);
  return x - floored >= 0.5 ? floored + 1 : floored;
}

std::string to_radix(double value, int radix) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  double magnitude = std::fabs(value);
  std::string digits;
  while (magnitude >= 1) {
    const double remainder = std::fmod(magnitude, radix);
    digits.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[static_cast<int>(remainder)]);
    magnitude = (magnitude - remainder) / radix;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace

double round_half_even(double value, double precision) {
  double shifted = precision != 0 ? shift_decimal(value, precision) : value;
  double result = js_math_round(shifted);
  if (std::fabs(result - shifted) == 0.5 && std::fabs(std::fmod(result, 2)) == 1) result -= 1;
  if (precision != 0) result = shift_decimal(result, -precision);
  return result == 0 ? 0 : result;
}

Value fn_sum(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value();
  double total = 0;
  for (const Value& n : numbers_of(call))
    total += n.as_number();
  return Value::number(total);
}

Value fn_count(BuiltinCall& call) {
  if (argument(call, 0).is_undefined()) return Value::number(0);
  return Value::number(static_cast<double>(numbers_of(call).size()));
}

namespace {

Value extreme(const BuiltinCall& call, bool maximum) {
  if (argument(call, 0).is_undefined() || numbers_of(call).empty()) return Value();
  double best = maximum ? -INFINITY : INFINITY;
  for (const Value& n : numbers_of(call)) {
    best = maximum ? std::max(best, n.as_number()) : std::min(best, n.as_number());
  }
  return Value::number(best);
}

}  // namespace

Value fn_max(BuiltinCall& call) {
  return extreme(call, true);
}
Value fn_min(BuiltinCall& call) {
  return extreme(call, false);
}

Value fn_average(BuiltinCall& call) {
  if (argument(call, 0).is_undefined() || numbers_of(call).empty()) return Value();
  double total = 0;
  for (const Value& n : numbers_of(call))
    total += n.as_number();
  return Value::number(total / static_cast<double>(numbers_of(call).size()));
}

Value fn_number(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  if (arg.is_number()) return arg;
  if (arg.is_boolean()) return Value::number(arg.as_boolean() ? 1 : 0);
  if (arg.is_string()) {
    static const re2::RE2 decimal("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");
    // jsonata-js's regex anchors only its first alternative at the start and its last at the end.
    static const re2::RE2 prefixed("^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$");
    const std::string& text = arg.as_string();
    if (re2::RE2::FullMatch(text, decimal)) {
      const double value = std::strtod(text.c_str(), nullptr);
      if (std::isfinite(value)) return Value::number(value);
    } else if (re2::RE2::PartialMatch(text, prefixed)) {
      return Value::number(js_number(text));
    }
  }
  throw_error("D3030", call.position, "Unable to cast value to a number: " + json_for_message(arg));
}

Value fn_abs(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  return arg.is_undefined() ? Value() : Value::number(std::fabs(arg.as_number()));
}

Value fn_floor(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  return arg.is_undefined() ? Value() : Value::number(std::floor(arg.as_number()));
}

Value fn_ceil(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  return arg.is_undefined() ? Value() : Value::number(std::ceil(arg.as_number()));
}

Value fn_round(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  const Value& precision = argument(call, 1);
  return Value::number(
      round_half_even(arg.as_number(), precision.is_number() ? precision.as_number() : 0));
}

Value fn_sqrt(BuiltinCall& call) {
  const Value& arg = argument(call, 0);
  if (arg.is_undefined()) return Value();
  if (arg.as_number() < 0) {
    throw_error(
        "D3060", call.position,
        "The sqrt function cannot be applied to a negative number: " + json_for_message(arg));
  }
  return Value::number(std::sqrt(arg.as_number()));
}

Value fn_power(BuiltinCall& call) {
  const Value& base = argument(call, 0);
  if (base.is_undefined()) return Value();
  const Value& exponent = argument(call, 1);
  const double result = std::pow(base.as_number(), exponent.as_number());
  if (!std::isfinite(result)) {
    throw_error("D3061", call.position,
                "The power function has resulted in a value that cannot be represented as a JSON "
                "number: base=" +
                    json_for_message(base) + ", exponent=" + json_for_message(exponent));
  }
  return Value::number(result);
}

Value fn_random(BuiltinCall& call) {
  const auto& random = call.evaluator.options().random;
  if (random) return Value::number(random());
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  return Value::number(std::uniform_real_distribution<double>(0, 1)(engine));
}

Value fn_format_base(BuiltinCall& call) {
  const Value& value = argument(call, 0);
  if (value.is_undefined()) return Value();
  const Value& radix_argument = argument(call, 1);
  const double radix =
      radix_argument.is_undefined() ? 10 : round_half_even(radix_argument.as_number(), 0);
  if (!(radix >= 2 && radix <= 36)) {
    throw_error("D3100", call.position,
                "The radix of the formatBase function must be between 2 and 36.  It was given " +
                    format_number(radix));
  }
  return Value::string(to_radix(round_half_even(value.as_number(), 0), static_cast<int>(radix)));
}

}  // namespace wflint::jsonata
