#pragma once

#include <cstdint>

#include "lang/resource.h"
#include "load/node.h"
#include "model/asl/state_machine.h"
#include "support/source.h"

namespace wflint::rules {

// A Task state's Resource string and what it names.
struct TaskResourceRef {
  const asl::State* state = nullptr;
  const Node* node = nullptr;  // the Resource value
  lang::TaskResource resource;

  // The characters [offset, offset + length) of the value; the whole value when length is 0.
  Span span(uint32_t offset, uint32_t length) const;
  Span span(const lang::Segment& segment) const { return span(segment.offset, segment.length()); }
};

// The state's Resource when it is a Task and the Resource a plain string; nullptr otherwise.
// Skipped: CloudFormation intrinsics (objects such as {"Fn::GetAtt": ...}) and YAML-tagged values
// (!Sub, !GetAtt), which a deployment tool turns into the real string.
const Node* checkable_task_resource(const asl::State& state);

// Calls visit(const TaskResourceRef&) with the state's Resource, parsed, when it is checkable.
template <class Visit>
void for_each_task_resource(const asl::State& state, Visit&& visit) {
  const Node* node = checkable_task_resource(state);
  if (!node) return;
  const TaskResourceRef ref{&state, node, lang::parse_task_resource(node->text())};
  visit(ref);
}

}  // namespace wflint::rules
