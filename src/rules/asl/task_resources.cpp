#include "rules/asl/task_resources.h"

namespace wflint::rules {

Span TaskResourceRef::span(uint32_t offset, uint32_t length) const {
  return length == 0 ? node->span() : node->text_span(offset, length);
}

const Node* checkable_task_resource(const asl::State& state) {
  if (state.type != "Task") return nullptr;
  const Node* resource = state.field("Resource");
  if (!resource || !resource->is_string() || !resource->tag().empty()) return nullptr;
  return resource;
}

}  // namespace wflint::rules
