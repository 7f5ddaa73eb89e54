#include "schema/violation_wording.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "schema/schema_locator.h"
#include "support/text.h"

namespace wflint::schema {
namespace {

constexpr std::size_t kMaxQuotedValue = 40;

std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("AEIOUaeiou").find(noun.front()) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", noun);
}

// Objects a user names: states and runbook parameters, variables and files by their key, runbook
// steps by their "name" member.
std::string_view name_of(const Node& object, std::string_view title) {
  const bool named_by_key =
      title.ends_with(" state") || title == "parameter" || title == "variable" || title == "file";
  if (named_by_key && object.has_key()) return object.key();
  if (title == "step") {
    if (const Node* name = object.find("name"); name && name->is_string()) return name->text();
  }
  return {};
}

// "the Task state \"Charge\"", "the step \"Reboot\"", "a retrier", "the state machine".
std::string describe_object(const Node& object, const std::vector<const Node*>& schemas) {
  const std::string_view title = SchemaLocator::title(schemas);
  if (title.empty()) return "this object";
  if (!object.parent()) return fmt::format("the {}", title);
  if (const std::string_view name = name_of(object, title); !name.empty())
    return fmt::format("the {} {}", title, text::json_quote(name));
  return with_article(title);
}

// "\"TimeoutSeconds\"", "\"ErrorEquals\"[1]", or "the value".
std::string describe_field(const Node& value) {
  if (value.has_key()) return text::json_quote(value.key());
  const Node* parent = value.parent();
  if (parent && parent->is_array() && parent->has_key())
    return fmt::format("{}[{}]", text::json_quote(parent->key()), value.index_in_parent());
  return "the value";
}

std::string describe_value(const Node& value) {
  switch (value.kind()) {
    case NodeKind::String:
      if (value.text().size() > kMaxQuotedValue) return "a longer string";
      return text::json_quote(value.text());
    case NodeKind::Number:
      return std::string(value.text());
    case NodeKind::Bool:
      return value.bool_value() ? "true" : "false";
    case NodeKind::Null:
      return "null";
    case NodeKind::Object:
      return "an object";
    case NodeKind::Array:
      return "an array";
  }
  return "a value";
}

std::string_view describe_type(std::string_view type) {
  if (type == "integer") return "a whole number";
  if (type == "number") return "a number";
  if (type == "string") return "a string";
  if (type == "boolean") return "true or false";
  if (type == "object") return "an object";
  if (type == "array") return "an array";
  if (type == "null") return "null";
  return type;
}

// "a, b or c"
std::string join_alternatives(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string expected_types(const Node* type) {
  std::vector<std::string> names;
  if (type && type->is_string()) names.emplace_back(describe_type(type->text()));
  if (type && type->is_array()) {
    for (const Node& name : type->children())
      names.emplace_back(describe_type(name.text()));
  }
  return names.empty() ? "of another type" : join_alternatives(names);
}

std::string expected_values(const Node* values) {
  std::vector<std::string> quoted;
  if (values && values->is_array()) {
    for (const Node& value : values->children())
      quoted.push_back(describe_value(value));
  }
  return join_alternatives(quoted);
}

std::string expected_range(const Node* minimum, const Node* maximum) {
  if (minimum && maximum) return fmt::format("from {} to {}", minimum->text(), maximum->text());
  if (minimum) return fmt::format("at least {}", minimum->text());
  if (maximum) return fmt::format("at most {}", maximum->text());
  return "in range";
}

bool holds_number(const Node& value) {
  const std::string_view text = value.text();
  return value.is_string() && !text.empty() &&
         text.find_first_not_of("0123456789.-") == std::string_view::npos;
}

Violation invalid(const Node& value, std::string message, std::string help = {}) {
  return Violation{Violation::Kind::InvalidValue, &value, {}, std::move(message), std::move(help)};
}

Violation wrong_type(const Node& value, const std::vector<const Node*>& schemas) {
  const std::string expected = expected_types(SchemaLocator::keyword(schemas, "type"));
  std::string help;
  if (holds_number(value) && expected.find("number") != std::string::npos)
    help = "write the number without quotes";
  return invalid(
      value,
      fmt::format("{} must be {}, not {}", describe_field(value), expected, describe_value(value)),
      std::move(help));
}

Violation not_enumerated(const Node& value, const std::vector<const Node*>& schemas) {
  const Node* values = SchemaLocator::keyword(schemas, "enum");
  std::string help;
  if (values && values->is_array() && value.is_string()) {
    std::vector<std::string_view> candidates;
    for (const Node& candidate : values->children())
      candidates.push_back(candidate.text());
    if (std::string_view near = text::closest_match(value.text(), candidates); !near.empty())
      help = fmt::format("did you mean \"{}\"?", near);
  }
  return invalid(value,
                 fmt::format("{} must be {}, not {}", describe_field(value),
                             expected_values(values), describe_value(value)),
                 std::move(help));
}

Violation out_of_range(const Node& value, const std::vector<const Node*>& schemas) {
  const std::string range = expected_range(SchemaLocator::keyword(schemas, "minimum"),
                                           SchemaLocator::keyword(schemas, "maximum"));
  return invalid(value, fmt::format("{} must be {}, not {}", describe_field(value), range,
                                    describe_value(value)));
}

Violation too_short(const Node& value, const std::vector<const Node*>& schemas) {
  const Node* minimum =
      SchemaLocator::keyword(schemas, value.is_array() ? "minItems" : "minLength");
  const std::string_view count = minimum ? minimum->text() : "1";
  if (count == "1")
    return invalid(value, fmt::format("{} must not be empty", describe_field(value)));
  return invalid(value, fmt::format("{} must have at least {} {}", describe_field(value), count,
                                    value.is_array() ? "entries" : "characters"));
}

Violation word_unknown_field(const Node& member, const std::vector<const Node*>& object_schemas,
                             std::span<const std::string_view> fields) {
  std::string message = fmt::format("{} is not a field of {}", text::json_quote(member.key()),
                                    describe_object(*member.parent(), object_schemas));
  if (std::string_view near = text::closest_match(member.key(), fields); !near.empty())
    message += fmt::format("; did you mean \"{}\"?", near);
  std::string help = fields.empty() ? std::string("remove it")
                                    : fmt::format("its fields are {}", fmt::join(fields, ", "));
  return Violation{Violation::Kind::UnknownField, &member, {}, std::move(message), std::move(help)};
}

}  // namespace

std::vector<Violation> word_unknown_fields(const Node& object,
                                           const std::vector<const Node*>& object_schemas) {
  const std::vector<std::string_view> fields = SchemaLocator::fields(object_schemas, true);
  std::vector<Violation> violations;
  for (const Node& member : object.children()) {
    if (std::find(fields.begin(), fields.end(), member.key()) == fields.end())
      violations.push_back(word_unknown_field(member, object_schemas, fields));
  }
  return violations;
}

Violation word_missing_field(const Node& object, const std::vector<const Node*>& object_schemas,
                             std::span<const std::string> alternatives) {
  std::vector<std::string> quoted;
  for (const std::string& name : alternatives)
    quoted.push_back(text::json_quote(name));
  std::string message = fmt::format("{} has no {}", describe_object(object, object_schemas),
                                    join_alternatives(quoted));
  std::string help = alternatives.size() > 1
                         ? fmt::format("add one of {}", join_alternatives(quoted))
                         : fmt::format("add {}, which it requires", quoted.front());
  return Violation{Violation::Kind::MissingField, &object,
                   alternatives.empty() ? std::string() : alternatives.front(), std::move(message),
                   std::move(help)};
}

Violation word_invalid_value(const Node& value, const std::vector<const Node*>& value_schemas,
                             ValueProblem problem) {
  switch (problem) {
    case ValueProblem::Type:
      return wrong_type(value, value_schemas);
    case ValueProblem::Enum:
      return not_enumerated(value, value_schemas);
    case ValueProblem::Range:
      return out_of_range(value, value_schemas);
    case ValueProblem::TooShort:
      return too_short(value, value_schemas);
  }
  return invalid(value, "invalid value");
}

}  // namespace wflint::schema
