#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "load/node.h"

namespace wflint {

enum class DocumentKind : uint8_t { Unknown, Asl, Ssm };

// A Step Functions state machine's type: EXPRESS ones cannot wait for callbacks.
enum class StateMachineType : uint8_t { Standard, Express };

std::string_view to_string(DocumentKind kind);
std::optional<DocumentKind> parse_document_kind(std::string_view text);

// ASL: a top-level object with StartAt and States. SSM Automation: schemaVersion and mainSteps.
DocumentKind classify(const Node* root);

// A cheap look at raw bytes: could this file hold a workflow at all? Used to stay quiet about
// broken files met while walking a directory that are plainly something else.
bool may_hold_workflow(std::string_view text);

}  // namespace wflint
