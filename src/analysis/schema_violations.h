#pragma once

#include <optional>
#include <vector>

#include "load/node.h"
#include "schema/json_schema.h"

namespace wflint::analysis {

// The document's violations of schemas/asl.schema.json, validated on first request: the schema
// rules (ASL003 to ASL005) share one validation, and none runs when all of them are turned off.
class SchemaViolations {
 public:
  explicit SchemaViolations(const Node& root) : root_(root) {}

  const std::vector<schema::Violation>& all() const;

 private:
  const Node& root_;
  mutable std::optional<std::vector<schema::Violation>> violations_;
};

}  // namespace wflint::analysis
