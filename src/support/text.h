#pragma once

#include <span>
#include <string>
#include <string_view>

namespace wflint::text {

// Damerau-Levenshtein distance (optimal string alignment), for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, if it is close enough to be a likely typo; empty otherwise.
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);
// `text` quoted and escaped as a JSON string.
std::string json_quote(std::string_view text);

// The words JSON-quoted and joined with ", ": "\"Event\", \"RequestResponse\"".
std::string quoted_list(std::span<const std::string_view> words);

}  // namespace wflint::text
