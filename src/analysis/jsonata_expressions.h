#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/jsonata_strings.h"
#include "jsonata/parser.h"

namespace wflint::analysis {

// Where in its state a JSONata string sits: the state field holding it, and whether that field
// belongs to the state itself, to one of its catchers or to one of its Choice rules.
enum class FieldOwner : uint8_t { State, Catcher, ChoiceRule };
struct FieldSite {
  std::string_view field;  // "Arguments", "Output", "Assign", "Items", "Condition", ...
  FieldOwner owner = FieldOwner::State;
};

// One {% %} expression of a JSONata state, parsed.
struct JsonataExpression {
  const JsonataString* string = nullptr;
  FieldSite site;
  // Holds a "${...}" placeholder, filled in before deployment: not parsed, judged then.
  bool placeholder = false;
  jsonata::ParseResult parsed;  // empty for placeholders

  const jsonata::Ast* ast() const { return parsed.ast ? &*parsed.ast : nullptr; }
  // The host-file span of `length` bytes at `offset` in the expression text.
  Span span(uint32_t offset, uint32_t length) const;
  // The host-file span of an AST node.
  Span span_of(uint32_t node) const;
  std::string_view text_of(uint32_t node) const;
};

// Every {% %} expression of the machine's JSONata states, parsed once per document and shared by
// the JSN rules. Strings with only one delimiter (JSN002) are left out.
class JsonataExpressions {
 public:
  explicit JsonataExpressions(const JsonataStrings& strings);

  const std::vector<JsonataExpression>& all() const { return expressions_; }

 private:
  std::vector<JsonataExpression> expressions_;
};

// The field of `state` that holds `value`, found by walking up from the value.
FieldSite field_site(const Node& value, const asl::State& state);

// The names an expression binds itself: by ":=", as lambda parameters, or with "@$v" / "#$i".
// Such names shadow the library's functions and the state machine's variables.
std::vector<std::string_view> locally_bound_names(const jsonata::Ast& ast);
bool binds_locally(const std::vector<std::string_view>& bound, std::string_view name);

}  // namespace wflint::analysis
