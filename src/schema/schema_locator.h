#pragma once

#include <string_view>
#include <vector>

#include "load/node.h"

namespace wflint::schema {

// Finds which parts of a schema describe a given value, to word a schema error in the schema's
// own terms: an object's title and fields, a value's expected types, enumeration and range.
//
// It follows the value's path from the document root through properties, additionalProperties
// and items, and at each step through $ref (local "#/..." references), allOf, anyOf, oneOf, and
// if/then/else. An `if` is evaluated for the forms a schema uses to dispatch on a tag field:
// `required` and `properties` with `const` values. (Validation itself is valijson's job.)
class SchemaLocator {
 public:
  explicit SchemaLocator(const Node& schema_root) : root_(schema_root) {}

  // The schema objects that apply to `value` of a document.
  std::vector<const Node*> applicable(const Node& value) const;

  // The first "title" among `schemas`; empty when none has one.
  static std::string_view title(const std::vector<const Node*>& schemas);
  // The names of the properties the schemas describe, in schema order, without repeats. With
  // `closed_only`, only those of schemas that forbid other properties (additionalProperties
  // false): the fields an object may have.
  static std::vector<std::string_view> fields(const std::vector<const Node*>& schemas,
                                              bool closed_only = false);
  // The first member `keyword` among `schemas`, e.g. "enum" or "maximum".
  static const Node* keyword(const std::vector<const Node*>& schemas, std::string_view keyword);

 private:
  void expand(const Node* schema, const Node& value, std::vector<const Node*>& out,
              int depth) const;
  const Node* resolve(std::string_view reference) const;
  static bool condition_holds(const Node& condition, const Node& value);

  const Node& root_;
};

}  // namespace wflint::schema
