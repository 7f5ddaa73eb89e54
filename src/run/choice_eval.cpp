#include "run/choice_eval.h"

#include <fmt/format.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/path.h"
#include "load/node.h"
#include "run/timestamp.h"

namespace wflint::run {

namespace {

enum class Family : uint8_t { String, Numeric, Boolean, Timestamp, TypeTest };

enum class Test : uint8_t {
  Equals,
  LessThan,
  GreaterThan,
  LessThanEquals,
  GreaterThanEquals,
  Matches,
  IsNull,
  IsPresent,
  IsNumeric,
  IsString,
  IsBoolean,
  IsTimestamp,
};

struct Operator {
  Family family = Family::String;
  Test test = Test::Equals;
  bool operand_is_path = false;  // a *Path operator: the operand is a path to the value
};

RunError runtime_error(std::string cause) {
  return RunError{"States.Runtime", std::move(cause)};
}

std::optional<Test> type_test_named(std::string_view key) {
  constexpr std::pair<std::string_view, Test> kTypeTests[] = {
      {"IsNull", Test::IsNull},       {"IsPresent", Test::IsPresent},
      {"IsNumeric", Test::IsNumeric}, {"IsString", Test::IsString},
      {"IsBoolean", Test::IsBoolean}, {"IsTimestamp", Test::IsTimestamp},
  };
  for (const auto& [name, test] : kTypeTests) {
    if (key == name) return test;
  }
  return std::nullopt;
}

std::optional<Test> comparison_named(std::string_view name) {
  constexpr std::pair<std::string_view, Test> kComparisons[] = {
      {"Equals", Test::Equals},
      {"LessThan", Test::LessThan},
      {"GreaterThan", Test::GreaterThan},
      {"LessThanEquals", Test::LessThanEquals},
      {"GreaterThanEquals", Test::GreaterThanEquals},
  };
  for (const auto& [comparison, test] : kComparisons) {
    if (name == comparison) return test;
  }
  return std::nullopt;
}

// The operator a rule member's key names: "NumericLessThanPath", "IsNull", "StringMatches", ...
std::optional<Operator> operator_named(std::string_view key) {
  if (const auto test = type_test_named(key)) return Operator{Family::TypeTest, *test, false};
  if (key == "StringMatches") return Operator{Family::String, Test::Matches, false};

  constexpr std::string_view kPathSuffix = "Path";
  const bool operand_is_path = key.ends_with(kPathSuffix);
  if (operand_is_path) key.remove_suffix(kPathSuffix.size());

  constexpr std::pair<std::string_view, Family> kFamilies[] = {
      {"String", Family::String},
      {"Numeric", Family::Numeric},
      {"Boolean", Family::Boolean},
      {"Timestamp", Family::Timestamp},
  };
  for (const auto& [prefix, family] : kFamilies) {
    if (!key.starts_with(prefix)) continue;
    const auto test = comparison_named(key.substr(prefix.size()));
    if (!test || (family == Family::Boolean && *test != Test::Equals)) return std::nullopt;
    return Operator{family, *test, operand_is_path};
  }
  return std::nullopt;
}

// --- Paths -----------------------------------------------------------------------------------

// What a path in the rule selects; nullopt when it selects nothing.
Outcome<std::optional<Json>> resolve(const Node& path_node, const PathLookup& lookup) {
  if (!path_node.is_string()) {
    return runtime_error(
        fmt::format("The choice rule's field '{}' must be a path string.", path_node.key()));
  }
  const std::string_view text = path_node.text();
  const lang::PathResult parsed = lang::parse_path(text);
  if (!parsed.ok()) {
    return runtime_error(fmt::format("Invalid path '{}': {}", text, parsed.error->message));
  }
  return lookup(parsed.path, text);
}

// What a path in the rule selects, which must be something.
Outcome<Json> resolve_required(const Node& path_node, const PathLookup& lookup) {
  Outcome<std::optional<Json>> found = resolve(path_node, lookup);
  if (!found.ok()) return found.error();
  if (!found.value()) {
    return runtime_error(fmt::format(
        "Invalid path '{}': The choice state's condition path references an invalid value.",
        path_node.text()));
  }
  return std::move(*found.value());
}

// --- StringMatches -----------------------------------------------------------------------------

// A StringMatches pattern split at its unescaped '*' into literal pieces, escapes decoded:
// "a*b\*c" is {"a", "b*c"}. There is one piece more than there are wildcards.
struct WildcardPattern {
  std::vector<std::string> pieces;
};

Outcome<WildcardPattern> compile_pattern(std::string_view pattern) {
  WildcardPattern compiled;
  compiled.pieces.emplace_back();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '*') {
      compiled.pieces.emplace_back();
    } else if (c != '\\') {
      compiled.pieces.back() += c;
    } else if (i + 1 < pattern.size()) {
      // "\*" and "\\" are the documented escapes; any other escaped character stands for itself.
      compiled.pieces.back() += pattern[++i];
    } else {
      return runtime_error(fmt::format(
          "The StringMatches pattern '{}' ends with an unpaired escape character '\\'.", pattern));
    }
  }
  return compiled;
}

// Where `needle` first occurs in `haystack` at or after `from` (Knuth-Morris-Pratt: linear time).
std::size_t find_from(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from;
  std::vector<std::size_t> border(needle.size(), 0);
  for (std::size_t i = 1, k = 0; i < needle.size(); ++i) {
    while (k > 0 && needle[i] != needle[k])
      k = border[k - 1];
    if (needle[i] == needle[k]) ++k;
    border[i] = k;
  }
  for (std::size_t i = from, k = 0; i < haystack.size(); ++i) {
    while (k > 0 && haystack[i] != needle[k])
      k = border[k - 1];
    if (haystack[i] == needle[k]) ++k;
    if (k == needle.size()) return i + 1 - needle.size();
  }
  return std::string_view::npos;
}

// With '*' the only wildcard, matching the inner pieces at their leftmost places is enough: no
// backtracking, linear in the text and pattern lengths.
bool matches(std::string_view text, const WildcardPattern& pattern) {
  const std::vector<std::string>& pieces = pattern.pieces;
  if (pieces.size() == 1) return text == pieces.front();
  const std::string& first = pieces.front();
  const std::string& last = pieces.back();
  if (text.size() < first.size() + last.size() || !text.starts_with(first) ||
      !text.ends_with(last)) {
    return false;
  }
  const std::string_view middle =
      text.substr(first.size(), text.size() - first.size() - last.size());
  std::size_t position = 0;
  for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
    const std::size_t found = find_from(middle, pieces[i], position);
    if (found == std::string_view::npos) return false;
    position = found + pieces[i].size();
  }
  return true;
}

// --- Comparisons -------------------------------------------------------------------------------

bool satisfies(Test test, std::partial_ordering order) {
  switch (test) {
    case Test::Equals:
      return order == 0;
    case Test::LessThan:
      return order < 0;
    case Test::GreaterThan:
      return order > 0;
    case Test::LessThanEquals:
      return order <= 0;
    case Test::GreaterThanEquals:
      return order >= 0;
    default:
      return false;
  }
}

bool has_type(Test test, const Json& value) {
  switch (test) {
    case Test::IsNull:
      return value.is_null();
    case Test::IsNumeric:
      return value.is_number();
    case Test::IsString:
      return value.is_string();
    case Test::IsBoolean:
      return value.is_boolean();
    case Test::IsTimestamp:
      return value.is_string() && parse_instant(value.get_ref<const std::string&>()).has_value();
    default:
      return false;
  }
}

// Strings compare byte by byte, unsigned: for UTF-8 that is code point order.
bool compare_values(const Operator& op, const Json& variable, const Json& operand) {
  switch (op.family) {
    case Family::String: {
      if (!variable.is_string() || !operand.is_string()) return false;
      const int order =
          variable.get_ref<const std::string&>().compare(operand.get_ref<const std::string&>());
      return satisfies(op.test, order <=> 0);
    }
    case Family::Numeric:
      if (!variable.is_number() || !operand.is_number()) return false;
      return satisfies(op.test, variable.get<double>() <=> operand.get<double>());
    case Family::Boolean:
      return variable.is_boolean() && operand.is_boolean() &&
             variable.get<bool>() == operand.get<bool>();
    case Family::Timestamp: {
      if (!variable.is_string() || !operand.is_string()) return false;
      const auto left = parse_instant(variable.get_ref<const std::string&>());
      const auto right = parse_instant(operand.get_ref<const std::string&>());
      return left && right && satisfies(op.test, *left <=> *right);
    }
    case Family::TypeTest:
      return false;
  }
  return false;
}

// --- Data tests --------------------------------------------------------------------------------

struct DataTest {
  const Node* variable = nullptr;
  const Node* operand = nullptr;  // the operator's member: its value, or the path to it
  Operator op;
};

Outcome<DataTest> read_data_test(const Node& rule) {
  DataTest test;
  test.variable = rule.find("Variable");
  if (test.variable == nullptr) {
    return runtime_error("The choice rule has neither a Variable nor And, Or or Not.");
  }
  for (const Node& member : rule.children()) {
    const std::optional<Operator> op = operator_named(member.key());
    if (!op) continue;
    if (test.operand != nullptr) {
      return runtime_error(
          fmt::format("The choice rule has more than one comparison operator: "
                      "'{}' and '{}'.",
                      test.operand->key(), member.key()));
    }
    test.operand = &member;
    test.op = *op;
  }
  if (test.operand == nullptr) {
    return runtime_error(fmt::format("The choice rule on Variable '{}' has no comparison operator.",
                                     test.variable->text()));
  }
  return test;
}

Outcome<bool> expected_truth(const Node& operand) {
  if (!operand.is_bool()) {
    return runtime_error(fmt::format("The value of '{}' must be true or false.", operand.key()));
  }
  return operand.bool_value();
}

Outcome<bool> evaluate_data_test(const Node& rule, const PathLookup& lookup) {
  Outcome<DataTest> read = read_data_test(rule);
  if (!read.ok()) return read.error();
  const DataTest& test = read.value();

  if (test.op.test == Test::IsPresent) {
    const Outcome<bool> expected = expected_truth(*test.operand);
    if (!expected.ok()) return expected.error();
    const Outcome<std::optional<Json>> found = resolve(*test.variable, lookup);
    if (!found.ok()) return found.error();
    return found.value().has_value() == expected.value();
  }

  const Outcome<Json> variable = resolve_required(*test.variable, lookup);
  if (!variable.ok()) return variable.error();

  if (test.op.family == Family::TypeTest) {
    const Outcome<bool> expected = expected_truth(*test.operand);
    if (!expected.ok()) return expected.error();
    return has_type(test.op.test, variable.value()) == expected.value();
  }
  if (test.op.test == Test::Matches) {
    if (!test.operand->is_string()) return false;
    const Outcome<WildcardPattern> pattern = compile_pattern(test.operand->text());
    if (!pattern.ok()) return pattern.error();
    return variable.value().is_string() &&
           matches(variable.value().get_ref<const std::string&>(), pattern.value());
  }
  const Outcome<Json> operand = test.op.operand_is_path ? resolve_required(*test.operand, lookup)
                                                        : Outcome<Json>(from_node(*test.operand));
  if (!operand.ok()) return operand.error();
  return compare_values(test.op, variable.value(), operand.value());
}

// --- Boolean expressions -----------------------------------------------------------------------

enum class Combinator : uint8_t { And, Or, Not };

struct BooleanExpression {
  Combinator combinator = Combinator::And;
  std::span<const Node> operands;  // one rule for Not
};

// The rule's And, Or or Not; nullopt when it is a data test.
Outcome<std::optional<BooleanExpression>> read_boolean_expression(const Node& rule) {
  if (const Node* negated = rule.find("Not")) {
    if (!negated->is_object()) return runtime_error("The choice rule's Not must be a rule object.");
    return std::optional(BooleanExpression{Combinator::Not, std::span<const Node>(negated, 1)});
  }
  for (const auto& [key, combinator] :
       {std::pair{"And", Combinator::And}, std::pair{"Or", Combinator::Or}}) {
    const Node* operands = rule.find(key);
    if (operands == nullptr) continue;
    if (!operands->is_array() || operands->size() == 0) {
      return runtime_error(
          fmt::format("The choice rule's {} must be a non-empty array of rules.", key));
    }
    return std::optional(BooleanExpression{combinator, operands->children()});
  }
  return std::optional<BooleanExpression>();
}

// A Boolean expression whose operands are being evaluated, left to right.
struct PendingExpression {
  BooleanExpression expression;
  std::size_t current = 0;
};

}  // namespace

// Walks nested expressions with an explicit stack: a hostile definition nested thousands of
// levels deep costs heap, not the native stack.
Outcome<bool> evaluate_choice_rule(const Node& rule, const PathLookup& lookup) {
  std::vector<PendingExpression> pending;
  const Node* next = &rule;  // the rule to evaluate next; null once `value` holds its result
  bool value = false;
  for (;;) {
    if (next != nullptr) {
      if (!next->is_object()) return runtime_error("A choice rule must be an object.");
      Outcome<std::optional<BooleanExpression>> expression = read_boolean_expression(*next);
      if (!expression.ok()) return expression.error();
      if (expression.value()) {
        pending.push_back({*expression.value(), 0});
        next = &expression.value()->operands.front();
        continue;
      }
      const Outcome<bool> tested = evaluate_data_test(*next, lookup);
      if (!tested.ok()) return tested.error();
      value = tested.value();
      next = nullptr;
      continue;
    }
    if (pending.empty()) return value;

    PendingExpression& top = pending.back();
    bool decided = true;  // Not: its one operand decides
    switch (top.expression.combinator) {
      case Combinator::And:
        decided = !value;
        break;
      case Combinator::Or:
        decided = value;
        break;
      case Combinator::Not:
        value = !value;
        break;
    }
    if (decided || ++top.current == top.expression.operands.size()) {
      pending.pop_back();
    } else {
      next = &top.expression.operands[top.current];
    }
  }
}

}  // namespace wflint::run
