#include "analysis/schema_violations.h"

namespace wflint::analysis {

const std::vector<schema::Violation>& SchemaViolations::all() const {
  if (!violations_) violations_ = schema_().validate(root_);
  return *violations_;
}

}  // namespace wflint::analysis
