#include "schema/schema_locator.h"

#include <algorithm>
#include <string>

namespace wflint::schema {
namespace {

// Deep enough for any schema written by hand; stops a $ref cycle that never reaches a value.
constexpr int kMaxExpansionDepth = 32;

std::vector<const Node*> path_from_root(const Node& value) {
  std::vector<const Node*> path;
  for (const Node* node = &value; node; node = node->parent())
    path.push_back(node);
  std::reverse(path.begin(), path.end());
  return path;
}

// The schemas `child` must match given those its parent matches.
std::vector<const Node*> step(const std::vector<const Node*>& parent_schemas, const Node& parent,
                              const Node& child) {
  std::vector<const Node*> next;
  for (const Node* schema : parent_schemas) {
    if (parent.is_object()) {
      const Node* properties = schema->find("properties");
      const Node* named = properties ? properties->find(child.key()) : nullptr;
      const Node* additional = schema->find("additionalProperties");
      if (named) {
        next.push_back(named);
      } else if (additional && additional->is_object()) {
        next.push_back(additional);
      }
    } else if (parent.is_array()) {
      const Node* items = schema->find("items");
      if (items && items->is_object()) next.push_back(items);
    }
  }
  return next;
}

}  // namespace

std::vector<const Node*> SchemaLocator::applicable(const Node& value) const {
  const std::vector<const Node*> path = path_from_root(value);
  std::vector<const Node*> schemas;
  expand(&root_, *path.front(), schemas, 0);
  for (std::size_t i = 1; i < path.size() && !schemas.empty(); ++i) {
    std::vector<const Node*> expanded;
    for (const Node* schema : step(schemas, *path[i - 1], *path[i]))
      expand(schema, *path[i], expanded, 0);
    schemas = std::move(expanded);
  }
  return schemas;
}

void SchemaLocator::expand(const Node* schema, const Node& value, std::vector<const Node*>& out,
                           int depth) const {
  if (!schema || !schema->is_object() || depth > kMaxExpansionDepth) return;
  if (const Node* reference = schema->find("$ref"); reference && reference->is_string()) {
    // In draft 7 a $ref replaces the rest of its object.
    expand(resolve(reference->text()), value, out, depth + 1);
    return;
  }
  out.push_back(schema);
  for (std::string_view combinator : {"allOf", "anyOf", "oneOf"}) {
    const Node* members = schema->find(combinator);
    if (!members || !members->is_array()) continue;
    for (const Node& member : members->children())
      expand(&member, value, out, depth + 1);
  }
  if (const Node* condition = schema->find("if")) {
    const bool holds = condition_holds(*condition, value);
    expand(schema->find(holds ? "then" : "else"), value, out, depth + 1);
  }
}

const Node* SchemaLocator::resolve(std::string_view reference) const {
  if (!reference.starts_with("#")) return nullptr;
  reference.remove_prefix(1);
  const Node* node = &root_;
  while (node && !reference.empty()) {
    if (reference.front() != '/') return nullptr;
    reference.remove_prefix(1);
    const std::size_t end = std::min(reference.find('/'), reference.size());
    node = node->child_at(reference.substr(0, end));
    reference.remove_prefix(end);
  }
  return node;
}

bool SchemaLocator::condition_holds(const Node& condition, const Node& value) {
  if (!value.is_object()) return false;
  if (const Node* required = condition.find("required"); required && required->is_array()) {
    for (const Node& name : required->children()) {
      if (!value.find(name.text())) return false;
    }
  }
  if (const Node* properties = condition.find("properties");
      properties && properties->is_object()) {
    for (const Node& property : properties->children()) {
      const Node* expected = property.find("const");
      const Node* actual = value.find(property.key());
      if (expected && actual &&
          (actual->kind() != expected->kind() || actual->text() != expected->text())) {
        return false;
      }
    }
  }
  return true;
}

std::string_view SchemaLocator::title(const std::vector<const Node*>& schemas) {
  for (const Node* schema : schemas) {
    if (std::string_view title = schema->find_string("title"); !title.empty()) return title;
  }
  return {};
}

std::vector<std::string_view> SchemaLocator::fields(const std::vector<const Node*>& schemas,
                                                    bool closed_only) {
  std::vector<std::string_view> names;
  for (const Node* schema : schemas) {
    const Node* additional = schema->find("additionalProperties");
    if (closed_only && !(additional && additional->is_bool() && !additional->bool_value()))
      continue;
    const Node* properties = schema->find("properties");
    if (!properties || !properties->is_object()) continue;
    for (const Node& property : properties->children()) {
      if (std::find(names.begin(), names.end(), property.key()) == names.end())
        names.push_back(property.key());
    }
  }
  return names;
}

const Node* SchemaLocator::keyword(const std::vector<const Node*>& schemas,
                                   std::string_view keyword) {
  for (const Node* schema : schemas) {
    if (const Node* found = schema->find(keyword)) return found;
  }
  return nullptr;
}

}  // namespace wflint::schema
