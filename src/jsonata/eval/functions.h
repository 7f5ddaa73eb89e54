#pragma once

// The implementations of the built-in functions, shared by builtin.cpp (which registers them) and
// the functions_*.cpp files (which define them). Private to the evaluator.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/value.h"

namespace wflint::jsonata {

// --- helpers shared by the implementations ---

// The argument at `index`, undefined when the call passed fewer.
const Value& argument(const BuiltinCall& call, size_t index);
// JSON.stringify of a value without $string's rounding, for error messages ("{{value}}").
std::string json_for_message(const Value& value);
// JSONata's effective boolean value ($boolean); undefined stays undefined.
Value effective_boolean(const Value& value);
bool is_truthy(const Value& value);
// An array value holding these items; `sequence` marks a result sequence.
Value make_array(std::vector<Value> items, bool sequence = false);
// The (value, index, array) arguments a higher-order function passes to `function`, as many as
// its arity asks for (jsonata-js hofFuncArgs).
std::vector<Value> callback_arguments(const Value& function, const Value& value, const Value& index,
                                      const Value& collection);
// Unicode code points of UTF-8 text and back.
std::u32string to_code_points(std::string_view text);
std::string to_utf8(std::u32string_view code_points);
// JavaScript's Math.round with jsonata's round-half-to-even ($round).
double round_half_even(double value, double precision);
// The datetime module's integer formatting ($formatInteger) and parsing ($parseInteger).
std::string format_integer_picture(double value, std::string_view picture);
double parse_integer_picture(std::string_view text, std::string_view picture);
// $fromMillis's formatting with an optional picture and timezone ("±HHMM").
std::string format_date_time(double millis, const std::string* picture,
                             const std::string* timezone);

// --- aggregate and numeric ---
Value fn_sum(BuiltinCall& call);
Value fn_count(BuiltinCall& call);
Value fn_max(BuiltinCall& call);
Value fn_min(BuiltinCall& call);
Value fn_average(BuiltinCall& call);
Value fn_number(BuiltinCall& call);
Value fn_abs(BuiltinCall& call);
Value fn_floor(BuiltinCall& call);
Value fn_ceil(BuiltinCall& call);
Value fn_round(BuiltinCall& call);
Value fn_sqrt(BuiltinCall& call);
Value fn_power(BuiltinCall& call);
Value fn_random(BuiltinCall& call);
Value fn_format_number(BuiltinCall& call);
Value fn_format_base(BuiltinCall& call);
Value fn_format_integer(BuiltinCall& call);
Value fn_parse_integer(BuiltinCall& call);

// --- string ---
Value fn_string(BuiltinCall& call);
Value fn_substring(BuiltinCall& call);
Value fn_substring_before(BuiltinCall& call);
Value fn_substring_after(BuiltinCall& call);
Value fn_lowercase(BuiltinCall& call);
Value fn_uppercase(BuiltinCall& call);
Value fn_length(BuiltinCall& call);
Value fn_trim(BuiltinCall& call);
Value fn_pad(BuiltinCall& call);
Value fn_contains(BuiltinCall& call);
Value fn_match(BuiltinCall& call);
Value fn_replace(BuiltinCall& call);
Value fn_split(BuiltinCall& call);
Value fn_join(BuiltinCall& call);
Value fn_base64encode(BuiltinCall& call);
Value fn_base64decode(BuiltinCall& call);
Value fn_encode_url_component(BuiltinCall& call);
Value fn_encode_url(BuiltinCall& call);
Value fn_decode_url_component(BuiltinCall& call);
Value fn_decode_url(BuiltinCall& call);

// --- boolean, array, object ---
Value fn_boolean(BuiltinCall& call);
Value fn_not(BuiltinCall& call);
Value fn_exists(BuiltinCall& call);
Value fn_type(BuiltinCall& call);
Value fn_error(BuiltinCall& call);
Value fn_assert(BuiltinCall& call);
Value fn_zip(BuiltinCall& call);
Value fn_append(BuiltinCall& call);
Value fn_reverse(BuiltinCall& call);
Value fn_shuffle(BuiltinCall& call);
Value fn_distinct(BuiltinCall& call);
Value fn_keys(BuiltinCall& call);
Value fn_lookup(BuiltinCall& call);
Value fn_spread(BuiltinCall& call);
Value fn_merge(BuiltinCall& call);
Value fn_clone(BuiltinCall& call);

// --- higher-order ---
Value fn_map(BuiltinCall& call);
Value fn_filter(BuiltinCall& call);
Value fn_single(BuiltinCall& call);
Value fn_reduce(BuiltinCall& call);
Value fn_sift(BuiltinCall& call);
Value fn_each(BuiltinCall& call);
Value fn_sort(BuiltinCall& call);
Value fn_eval(BuiltinCall& call);

// --- date and time ---
Value fn_now(BuiltinCall& call);
Value fn_millis(BuiltinCall& call);
Value fn_from_millis(BuiltinCall& call);
Value fn_to_millis(BuiltinCall& call);

// --- Step Functions' additions ---
Value fn_partition(BuiltinCall& call);
Value fn_range(BuiltinCall& call);
Value fn_hash(BuiltinCall& call);
Value fn_seeded_random(BuiltinCall& call);
Value fn_uuid(BuiltinCall& call);
Value fn_parse(BuiltinCall& call);

}  // namespace wflint::jsonata
