#pragma once

#include <optional>
#include <vector>

#include "load/node.h"
#include "schema/json_schema.h"

namespace wflint::analysis {

// The document's violations of its schema (schemas/asl.schema.json for state machines,
// schemas/ssm-automation.schema.json for runbooks), validated on first request: the schema rules
// share one validation, and none runs when all of them are turned off.
class SchemaViolations {
 public:
  using SchemaGetter = const schema::JsonSchema& (*)();
  explicit SchemaViolations(const Node& root, SchemaGetter schema = &schema::asl_schema)
      : root_(root), schema_(schema) {}

  const std::vector<schema::Violation>& all() const;

 private:
  const Node& root_;
  SchemaGetter schema_;  // a getter, so that the schema is compiled only when a rule needs it
  mutable std::optional<std::vector<schema::Violation>> violations_;
};

}  // namespace wflint::analysis
