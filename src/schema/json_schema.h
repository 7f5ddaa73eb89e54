#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/node.h"

namespace wflint::schema {

// One schema error, already worded for a person.
struct Violation {
  enum class Kind : uint8_t {
    UnknownField,  // `node` is the member the schema does not allow
    MissingField,  // `node` is the object that lacks `field`
    InvalidValue,  // `node` is a value of the wrong type, outside its range or enumeration
  };
  Kind kind;
  const Node* node;
  std::string field;  // MissingField: the missing member's name (the first, when one of several)
  std::string message;
  std::string help;
};

// A JSON Schema compiled once (by valijson, through an adapter over wflint's own tree) and then
// applied to any number of documents. Values that are filled in or evaluated before they are
// used (JSONata expressions, ${...} placeholders, CloudFormation intrinsic functions and YAML
// tags) are exempt from type, enumeration and range constraints.
class JsonSchema {
 public:
  // Throws std::runtime_error when `text` is not a schema: a bug in wflint's own build.
  JsonSchema(std::string_view name, std::string_view text);
  ~JsonSchema();
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  std::vector<Violation> validate(const Node& root) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

// schemas/asl.schema.json, embedded at build time and compiled on first use.
const JsonSchema& asl_schema();
// schemas/ssm-automation.schema.json (SSM Automation runbooks), likewise.
const JsonSchema& ssm_automation_schema();

}  // namespace wflint::schema
