#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/functions.h"
#include "jsonata/function_catalogue.h"

namespace wflint::jsonata {
namespace {

// One parameter of a signature as jsonata-js's parseSignature sees it: the type symbols its
// regex accepts ('m' stands for a missing/undefined argument), its quantifier, and whether a
// missing argument is taken from the context ("-").
struct Parameter {
  char type = 'x';       // s n b l o a f j x, or '(' for a choice
  std::string accepted;  // the symbols of the regex character class
  char quantifier = 0;   // 0, '?' or '+'
  bool from_context = false;
  std::string subtype;  // of a<...> or f<...>
};

size_t closing_bracket(std::string_view text, size_t open, char open_symbol, char close_symbol) {
  int depth = 1;
  size_t position = open;
  while (position + 1 < text.size()) {
    ++position;
    if (text[position] == close_symbol && --depth == 0) break;
    if (text[position] == open_symbol) ++depth;
  }
  return position;
}

std::vector<Parameter> parse_signature(std::string_view signature) {
  std::vector<Parameter> parameters;
  for (size_t position = 1; position < signature.size(); ++position) {
    const char symbol = signature[position];
    if (symbol == ':') break;
    Parameter parameter;
    parameter.type = symbol;
    switch (symbol) {
      case 's':
      case 'n':
      case 'b':
      case 'l':
      case 'o':
        parameter.accepted = std::string(1, symbol) + "m";
        break;
      case 'a':
      case 'x':
        parameter.accepted = "asnblfom";
        break;
      case 'f':
        parameter.accepted = "f";
        break;
      case 'j':
        parameter.accepted = "asnblom";
        break;
      case '(': {
        const size_t end = closing_bracket(signature, position, '(', ')');
        parameter.accepted = std::string(signature.substr(position + 1, end - position - 1)) + "m";
        position = end;
        break;
      }
      case '-':
        parameters.back().from_context = true;
        parameters.back().quantifier = '?';
        continue;
      case '?':
      case '+':
        parameters.back().quantifier = symbol;
        continue;
      case '<': {
        const size_t end = closing_bracket(signature, position, '<', '>');
        parameters.back().subtype = std::string(signature.substr(position + 1, end - position - 1));
        position = end;
        continue;
      }
      default:
        continue;
    }
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

char type_symbol(const Value& value) {
  switch (value.type()) {
    case Type::kUndefined:
      return 'm';
    case Type::kNull:
      return 'l';
    case Type::kBoolean:
      return 'b';
    case Type::kNumber:
      return 'n';
    case Type::kString:
      return 's';
    case Type::kArray:
      return 'a';
    case Type::kObject:
      return 'o';
    case Type::kFunction:
      return 'f';
  }
  return 'm';
}

bool accepts(const Parameter& parameter, char symbol) {
  return parameter.accepted.find(symbol) != std::string::npos;
}

// Matches the argument symbols against the parameters the way the JavaScript regex
// ^([..]?)([..]+)...$ does: greedy quantifiers, first successful path. `lengths` receives how
// many symbols each parameter took. Without `whole`, a prefix match suffices.
bool match_parameters(std::span<const Parameter> parameters, std::string_view symbols,
                      size_t position, bool whole, std::vector<size_t>& lengths) {
  if (parameters.empty()) return !whole || position == symbols.size();
  const Parameter& parameter = parameters.front();
  size_t available = 0;
  while (position + available < symbols.size() &&
         accepts(parameter, symbols[position + available]) &&
         (available == 0 || parameter.quantifier == '+')) {
    ++available;
  }
  const size_t minimum = parameter.quantifier == '?' ? 0 : 1;
  for (size_t take = available + 1; take-- > minimum;) {
    lengths.push_back(take);
    if (match_parameters(parameters.subspan(1), symbols, position + take, whole, lengths)) {
      return true;
    }
    lengths.pop_back();
  }
  return false;
}

std::string quoted(std::string_view text) {
  return fmt::format("\"{}\"", text);
}

[[noreturn]] void throw_mismatch(std::string_view name, std::span<const Parameter> parameters,
                                 std::string_view symbols, uint32_t position) {
  // Like jsonata-js: the argument just after the longest prefix that still matches.
  size_t good_to = 0;
  for (size_t count = 1; count <= parameters.size(); ++count) {
    std::vector<size_t> lengths;
    if (!match_parameters(parameters.first(count), symbols, 0, false, lengths)) break;
    good_to = 0;
    for (const size_t length : lengths)
      good_to += length;
  }
  throw_error("T0410", position,
              "Argument " + std::to_string(good_to + 1) + " of function " + quoted(name) +
                  " does not match function signature");
}

std::string_view plural_type_name(std::string_view subtype) {
  switch (subtype.empty() ? ' ' : subtype.front()) {
    case 'a':
      return "arrays";
    case 'b':
      return "booleans";
    case 'f':
      return "functions";
    case 'n':
      return "numbers";
    case 'o':
      return "objects";
    case 's':
      return "strings";
    default:
      return "undefined";
  }
}

bool array_items_match(const Array& array, std::string_view subtype) {
  if (array.items.empty()) return true;
  const char first = type_symbol(array.items.front());
  if (first != subtype.front()) return false;
  for (const Value& item : array.items) {
    if (type_symbol(item) != first) return false;
  }
  return true;
}

class BuiltinFunction final : public Function {
 public:
  explicit BuiltinFunction(const Builtin& builtin)
      : builtin_(builtin), parameters_(parse_signature(builtin.signature)) {}

  Value call(Evaluator& evaluator, const Value& context, std::span<const Value> arguments,
             uint32_t position) const override {
    const std::vector<Value> validated = validate(context, arguments, position);
    BuiltinCall call{evaluator, validated, context, position};
    return builtin_.implementation(call);
  }

  // jsonata-js counts the JavaScript parameters of the implementation; that is the signature's
  // count except where the implementation declares fewer.
  uint32_t arity() const override {
    if (builtin_.name == "string") return 1;
    if (builtin_.name == "zip") return 0;
    return static_cast<uint32_t>(parameters_.size());
  }

 private:
  std::vector<Value> validate(const Value& context, std::span<const Value> arguments,
                              uint32_t position) const {
    std::string symbols;
    for (const Value& argument : arguments)
      symbols.push_back(type_symbol(argument));
    std::vector<size_t> lengths;
    if (!match_parameters(parameters_, symbols, 0, true, lengths)) {
      throw_mismatch(builtin_.name, parameters_, symbols, position);
    }
    std::vector<Value> validated;
    size_t index = 0;
    for (size_t p = 0; p < parameters_.size(); ++p) {
      const Parameter& parameter = parameters_[p];
      if (lengths[p] == 0) {
        if (parameter.from_context) {
          if (!accepts(parameter, type_symbol(context))) {
            throw_error("T0411", position,
                        "Context value is not a compatible type with argument " +
                            std::to_string(index + 1) + " of function " + quoted(builtin_.name));
          }
          validated.push_back(context);
        } else {
          validated.push_back(index < arguments.size() ? arguments[index] : Value());
          ++index;
        }
        continue;
      }
      for (size_t taken = 0; taken < lengths[p]; ++taken, ++index) {
        validated.push_back(parameter.type == 'a'
                                ? as_array_argument(parameter, arguments[index],
                                                    symbols.substr(index - taken, lengths[p]),
                                                    index, position)
                                : arguments[index]);
      }
    }
    return validated;
  }

  Value as_array_argument(const Parameter& parameter, const Value& argument,
                          std::string_view matched, size_t index, uint32_t position) const {
    if (argument.is_undefined()) return argument;
    bool ok = true;
    if (!parameter.subtype.empty()) {
      if (!argument.is_array()) {
        ok = matched == parameter.subtype;
      } else {
        ok = array_items_match(argument.as_array(), parameter.subtype);
      }
    }
    if (!ok) {
      throw_error("T0412", position,
                  "Argument " + std::to_string(index + 1) + " of function " +
                      quoted(builtin_.name) + " must be an array of " +
                      quoted(plural_type_name(parameter.subtype)));
    }
    if (argument.is_array()) return argument;
    return make_array({argument});
  }

  Builtin builtin_;
  std::vector<Parameter> parameters_;
};

// The implementations by name; signatures come from the function catalogue.
struct Implementation {
  std::string_view name;
  BuiltinImplementation implementation;
};

constexpr std::array<Implementation, 65> kStandardImplementations = {{
    {"sum", fn_sum},
    {"count", fn_count},
    {"max", fn_max},
    {"min", fn_min},
    {"average", fn_average},
    {"string", fn_string},
    {"substring", fn_substring},
    {"substringBefore", fn_substring_before},
    {"substringAfter", fn_substring_after},
    {"lowercase", fn_lowercase},
    {"uppercase", fn_uppercase},
    {"length", fn_length},
    {"trim", fn_trim},
    {"pad", fn_pad},
    {"match", fn_match},
    {"contains", fn_contains},
    {"replace", fn_replace},
    {"split", fn_split},
    {"join", fn_join},
    {"formatNumber", fn_format_number},
    {"formatBase", fn_format_base},
    {"formatInteger", fn_format_integer},
    {"parseInteger", fn_parse_integer},
    {"number", fn_number},
    {"floor", fn_floor},
    {"ceil", fn_ceil},
    {"round", fn_round},
    {"abs", fn_abs},
    {"sqrt", fn_sqrt},
    {"power", fn_power},
    {"random", fn_random},
    {"boolean", fn_boolean},
    {"not", fn_not},
    {"map", fn_map},
    {"zip", fn_zip},
    {"filter", fn_filter},
    {"single", fn_single},
    {"reduce", fn_reduce},
    {"sift", fn_sift},
    {"keys", fn_keys},
    {"lookup", fn_lookup},
    {"append", fn_append},
    {"exists", fn_exists},
    {"spread", fn_spread},
    {"merge", fn_merge},
    {"reverse", fn_reverse},
    {"each", fn_each},
    {"error", fn_error},
    {"assert", fn_assert},
    {"type", fn_type},
    {"sort", fn_sort},
    {"shuffle", fn_shuffle},
    {"distinct", fn_distinct},
    {"base64encode", fn_base64encode},
    {"base64decode", fn_base64decode},
    {"encodeUrlComponent", fn_encode_url_component},
    {"encodeUrl", fn_encode_url},
    {"decodeUrlComponent", fn_decode_url_component},
    {"decodeUrl", fn_decode_url},
    {"eval", fn_eval},
    {"toMillis", fn_to_millis},
    {"fromMillis", fn_from_millis},
    {"clone", fn_clone},
    {"now", fn_now},
    {"millis", fn_millis},
}};

constexpr std::array<Implementation, 6> kStepFunctionsImplementations = {{
    {"partition", fn_partition},
    {"range", fn_range},
    {"hash", fn_hash},
    {"random", fn_seeded_random},
    {"uuid", fn_uuid},
    {"parse", fn_parse},
}};

// The catalogue lists only Step Functions' $random (with a seed); the standard one takes no
// argument, as in jsonata-js.
constexpr std::string_view kStandardRandomSignature = "<:n>";

std::string_view catalogue_signature(std::string_view name) {
  const CatalogueEntry* entry = find_catalogue_entry(name);
  return entry != nullptr ? entry->signature : std::string_view("<x*>");
}

std::vector<Builtin> make_standard_builtins() {
  std::vector<Builtin> builtins;
  for (const Implementation& implementation : kStandardImplementations) {
    const std::string_view signature = implementation.name == "random"
                                           ? kStandardRandomSignature
                                           : catalogue_signature(implementation.name);
    builtins.push_back(Builtin{implementation.name, signature, implementation.implementation});
  }
  return builtins;
}

std::shared_ptr<const Environment> make_library(bool step_functions) {
  auto environment = std::make_shared<Environment>();
  for (const Builtin& builtin : standard_builtins()) {
    if (step_functions && builtin.name == "eval") continue;
    environment->bind(builtin.name, builtin_function(builtin));
  }
  if (step_functions) {
    for (const Implementation& implementation : kStepFunctionsImplementations) {
      environment->bind(
          implementation.name,
          builtin_function(Builtin{implementation.name, catalogue_signature(implementation.name),
                                   implementation.implementation}));
    }
  }
  return environment;
}

}  // namespace

Value builtin_function(const Builtin& builtin) {
  return Value::function(std::make_shared<BuiltinFunction>(builtin));
}

std::span<const Builtin> standard_builtins() {
  static const std::vector<Builtin> builtins = make_standard_builtins();
  return builtins;
}

std::shared_ptr<const Environment> standard_library() {
  static const std::shared_ptr<const Environment> library = make_library(false);
  return library;
}

std::shared_ptr<const Environment> step_functions_library() {
  static const std::shared_ptr<const Environment> library = make_library(true);
  return library;
}

}  // namespace wflint::jsonata
