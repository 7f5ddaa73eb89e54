// The only translation unit that includes valijson.
#include "schema/json_schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "load/loader.h"
#include "schema/node_adapter.h"
#include "schema/schema_locator.h"
#include "schema/violation_wording.h"

namespace wflint::schema {

extern const std::string_view kAslSchemaText;  // generated from schemas/asl.schema.json
extern const std::string_view kSsmSchemaText;  // generated from schemas/ssm-automation.schema.json

struct JsonSchema::Compiled {
  std::unique_ptr<Source> source;
  std::vector<LoadedDocument> documents;
  valijson::Schema schema;
  std::unique_ptr<SchemaLocator> locator;
};

namespace {

// valijson names the path to a failing value as "<root>", then "[key]" or "[index]" per step.
const Node* node_at(const Node& root, const std::vector<std::string>& context) {
  const Node* node = &root;
  for (std::size_t i = 1; i < context.size() && node; ++i) {
    const std::string& step = context[i];
    if (step.size() < 2 || step.front() != '[' || step.back() != ']') return nullptr;
    const std::string_view name(step.data() + 1, step.size() - 2);
    if (node->is_object()) {
      node = node->find(name);
    } else if (node->is_array()) {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), index);
      if (error != std::errc() || end != name.data() + name.size() || index >= node->size())
        return nullptr;
      node = &node->children()[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

// valijson's descriptions for the leaf errors wflint rewords; all others (allOf, if/then,
// "failed to validate item #2", ...) only repeat what their leaves say.
constexpr std::string_view kMissingPrefix = "Missing required property '";
constexpr std::string_view kUnknownPrefix =
    "Object contains a property that could not be validated using 'properties' or "
    "'additionalProperties' constraints: '";
constexpr std::string_view kAnyOfFailed =
    "Failed to validate against any schemas allowed by anyOf constraint.";

// The text between the quotes that end `description` ("... 'Name'." -> "Name").
std::string_view quoted_name(std::string_view description, std::string_view prefix) {
  description.remove_prefix(prefix.size());
  const std::size_t end = description.rfind('\'');
  return end == std::string_view::npos ? description : description.substr(0, end);
}

std::optional<ValueProblem> value_problem(std::string_view description) {
  using enum ValueProblem;
  static constexpr std::pair<std::string_view, ValueProblem> kLeaves[] = {
      {"Value type not permitted", Type},
      {"Failed to match against any enum values", Enum},
      {"Failed to match expected value set by 'const'", Enum},
      {"Expected number greater than", Range},
      {"Expected number less than", Range},
      {"Array should contain no fewer than", TooShort},
      {"String should be no fewer than", TooShort},
  };
  for (const auto& [prefix, problem] : kLeaves) {
    if (description.starts_with(prefix)) return problem;
  }
  return std::nullopt;
}

// JSONata expressions are evaluated, and placeholders (${...}, and SSM's {{ }} references),
// CloudFormation intrinsic functions and YAML tags such as !Ref are substituted, before a value's
// type matters.
bool is_filled_in(const Node& value) {
  if (!value.tag().empty()) return true;
  if (value.is_string()) {
    const std::string_view text = value.text();
    return (text.starts_with("{%") && text.ends_with("%}")) ||
           text.find("${") != std::string_view::npos || text.find("{{") != std::string_view::npos;
  }
  if (value.is_object() && value.size() == 1) {
    const std::string_view key = value.children().front().key();
    return key == "Ref" || key.starts_with("Fn::");
  }
  return false;
}

bool is_filled_in_later(const Node& node) {
  for (const Node* at = &node; at; at = at->parent()) {
    if (is_filled_in(*at)) return true;
  }
  return false;
}

class Translator {
 public:
  Translator(const SchemaLocator& locator, std::vector<Violation>& out)
      : locator_(locator), out_(out) {}

  void add(const Node& node, std::string_view description) {
    if (is_filled_in_later(node)) return;
    if (description.starts_with(kMissingPrefix)) {
      missing(node, quoted_name(description, kMissingPrefix));
    } else if (description.starts_with(kUnknownPrefix)) {
      unknown_members(node);
    } else if (description == kAnyOfFailed) {
      merge_alternatives(node);
    } else if (const auto problem = value_problem(description)) {
      invalid(node, *problem);
    }
  }

 private:
  void missing(const Node& object, std::string_view field) {
    const std::string fields[] = {std::string(field)};
    out_.push_back(word_missing_field(object, locator_.applicable(object), fields));
  }

  // One finding per value, for the first constraint it breaks.
  void invalid(const Node& value, ValueProblem problem) {
    const bool already_reported = !out_.empty() && out_.back().node == &value &&
                                  out_.back().kind == Violation::Kind::InvalidValue;
    if (!already_reported)
      out_.push_back(word_invalid_value(value, locator_.applicable(value), problem));
  }

  // valijson names only the first member that no property allows: report them all, once.
  void unknown_members(const Node& object) {
    if (std::find(objects_with_unknown_members_.begin(), objects_with_unknown_members_.end(),
                  &object) != objects_with_unknown_members_.end()) {
      return;
    }
    objects_with_unknown_members_.push_back(&object);
    for (Violation& violation : word_unknown_fields(object, locator_.applicable(object)))
      out_.push_back(std::move(violation));
  }

  // An anyOf of `required` alternatives fails with one "missing" error per alternative, pushed
  // just before the anyOf's own error: say it once, naming them all.
  void merge_alternatives(const Node& object) {
    std::size_t first = out_.size();
    while (first > 0 && out_[first - 1].kind == Violation::Kind::MissingField &&
           out_[first - 1].node == &object) {
      --first;
    }
    if (out_.size() - first < 2) return;
    std::vector<std::string> fields;
    for (std::size_t i = first; i < out_.size(); ++i)
      fields.push_back(std::move(out_[i].field));
    out_.resize(first);
    out_.push_back(word_missing_field(object, locator_.applicable(object), fields));
  }

  const SchemaLocator& locator_;
  std::vector<Violation>& out_;
  std::vector<const Node*> objects_with_unknown_members_;
};

}  // namespace

JsonSchema::JsonSchema(std::string_view name, std::string_view text)
    : compiled_(std::make_unique<Compiled>()) {
  compiled_->source = Source::from_bytes(std::string(name), text);
  compiled_->documents = load_documents(*compiled_->source, Syntax::Json);
  const Node* root =
      compiled_->documents.empty() ? nullptr : compiled_->documents.front().document->root();
  if (!root || !compiled_->documents.front().problems.empty())
    throw std::runtime_error(fmt::format("{} is not valid JSON", name));
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(NodeAdapter(*root), compiled_->schema);
  compiled_->locator = std::make_unique<SchemaLocator>(*root);
}

JsonSchema::~JsonSchema() = default;

std::vector<Violation> JsonSchema::validate(const Node& root) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  std::vector<Violation> violations;
  if (validator.validate(compiled_->schema, NodeAdapter(root), &results)) return violations;
  Translator translator(*compiled_->locator, violations);
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    if (const Node* node = node_at(root, error.context)) translator.add(*node, error.description);
  }
  return violations;
}

const JsonSchema& asl_schema() {
  static const JsonSchema schema("schemas/asl.schema.json", kAslSchemaText);
  return schema;
}

const JsonSchema& ssm_automation_schema() {
  static const JsonSchema schema("schemas/ssm-automation.schema.json", kSsmSchemaText);
  return schema;
}

}  // namespace wflint::schema
