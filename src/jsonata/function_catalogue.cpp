#include "jsonata/function_catalogue.h"

#include <algorithm>
#include <array>

namespace wflint::jsonata {
namespace {

constexpr FunctionOrigin kStandard = FunctionOrigin::kStandard;
constexpr FunctionOrigin kAws = FunctionOrigin::kStepFunctions;

// Standard signatures are jsonata-js 2.0's. Step Functions documents its additions without
// signatures; these accept what its documentation shows.
constexpr std::array<CatalogueEntry, 70> kCatalogue = {{
    {"abs", "<n-:n>", kStandard},
    {"append", "<xx:a>", kStandard},
    {"assert", "<bs?:x>", kStandard},
    {"average", "<a<n>:n>", kStandard},
    {"base64decode", "<s-:s>", kStandard},
    {"base64encode", "<s-:s>", kStandard},
    {"boolean", "<x-:b>", kStandard},
    {"ceil", "<n-:n>", kStandard},
    {"clone", "<(oa)-:o>", kStandard},
    {"contains", "<s-(sf):b>", kStandard},
    {"count", "<a:n>", kStandard},
    {"decodeUrl", "<s-:s>", kStandard},
    {"decodeUrlComponent", "<s-:s>", kStandard},
    {"distinct", "<x:x>", kStandard},
    {"each", "<o-f:a>", kStandard},
    {"encodeUrl", "<s-:s>", kStandard},
    {"encodeUrlComponent", "<s-:s>", kStandard},
    {"error", "<s?:x>", kStandard},
    {"eval", "<sx?:x>", kStandard, false},
    {"exists", "<x:b>", kStandard},
    {"filter", "<af>", kStandard},
    {"floor", "<n-:n>", kStandard},
    {"formatBase", "<n-n?:s>", kStandard},
    {"formatInteger", "<n-s:s>", kStandard},
    {"formatNumber", "<n-so?:s>", kStandard},
    {"fromMillis", "<n-s?s?:s>", kStandard},
    {"hash", "<s-s?:s>", kAws},
    {"join", "<a<s>s?:s>", kStandard},
    {"keys", "<x-:a<s>>", kStandard},
    {"length", "<s-:n>", kStandard},
    {"lookup", "<x-s:x>", kStandard},
    {"lowercase", "<s-:s>", kStandard},
    {"map", "<af>", kStandard},
    {"match", "<s-f<s:o>n?:a<o>>", kStandard},
    {"max", "<a<n>:n>", kStandard},
    {"merge", "<a<o>:o>", kStandard},
    {"millis", "<:n>", kStandard},
    {"min", "<a<n>:n>", kStandard},
    {"not", "<x-:b>", kStandard},
    {"now", "<s?s?:s>", kStandard},
    {"number", "<(nsb)-:n>", kStandard},
    {"pad", "<s-ns?:s>", kStandard},
    {"parse", "<s-:x>", kAws},
    {"parseInteger", "<s-s:n>", kStandard},
    {"partition", "<an:a>", kAws},
    {"power", "<n-n:n>", kStandard},
    {"random", "<n?:n>", kAws},
    {"range", "<nnn?:a<n>>", kAws},
    {"reduce", "<afj?:j>", kStandard},
    {"replace", "<s-(sf)(sf)n?:s>", kStandard},
    {"reverse", "<a:a>", kStandard},
    {"round", "<n-n?:n>", kStandard},
    {"shuffle", "<a:a>", kStandard},
    {"sift", "<o-f?:o>", kStandard},
    {"single", "<af?>", kStandard},
    {"sort", "<af?:a>", kStandard},
    {"split", "<s-(sf)n?:a<s>>", kStandard},
    {"spread", "<x-:a<o>>", kStandard},
    {"sqrt", "<n-:n>", kStandard},
    {"string", "<x-b?:s>", kStandard},
    {"substring", "<s-nn?:s>", kStandard},
    {"substringAfter", "<s-s:s>", kStandard},
    {"substringBefore", "<s-s:s>", kStandard},
    {"sum", "<a<n>:n>", kStandard},
    {"toMillis", "<s-s?:n>", kStandard},
    {"trim", "<s-:s>", kStandard},
    {"type", "<x:s>", kStandard},
    {"uppercase", "<s-:s>", kStandard},
    {"uuid", "<:s>", kAws},
    {"zip", "<a+>", kStandard},
}};

}  // namespace

std::span<const CatalogueEntry> function_catalogue() {
  return kCatalogue;
}

const CatalogueEntry* find_catalogue_entry(std::string_view name) {
  const auto* found = std::lower_bound(
      kCatalogue.begin(), kCatalogue.end(), name,
      [](const CatalogueEntry& entry, std::string_view key) { return entry.name < key; });
  return found != kCatalogue.end() && found->name == name ? &*found : nullptr;
}

namespace {

// Skips a parameter's type: one letter, a "(...)" choice, and a "<...>" subtype after a or f.
size_t skip_type(std::string_view params, size_t i) {
  const auto skip_bracketed = [&](char open, char close) {
    int depth = 0;
    do {
      if (params[i] == open) ++depth;
      if (params[i] == close) --depth;
      ++i;
    } while (i < params.size() && depth > 0);
  };
  if (params[i] == '(') {
    skip_bracketed('(', ')');
  } else {
    ++i;
  }
  if (i < params.size() && params[i] == '<') skip_bracketed('<', '>');
  return i;
}

}  // namespace

ArgumentRange argument_range(std::string_view signature) {
  std::string_view params = signature;
  if (params.starts_with('<')) params.remove_prefix(1);
  params = params.substr(0, std::min(params.find(':'), params.rfind('>')));
  ArgumentRange range;  // min counts the required parameters, wherever they are
  uint32_t count = 0;
  size_t i = 0;
  while (i < params.size()) {
    i = skip_type(params, i);
    ++count;
    bool optional = false;
    bool variadic = false;
    for (; i < params.size() && (params[i] == '?' || params[i] == '+' || params[i] == '-'); ++i) {
      optional = optional || params[i] == '?' || params[i] == '-';
      variadic = variadic || params[i] == '+';
    }
    if (!optional) ++range.min;
    if (variadic) return ArgumentRange{range.min, std::nullopt};
  }
  range.max = count;
  return range;
}

}  // namespace wflint::jsonata
