#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "load/node.h"

namespace wflint {

// What a document is. CloudFormation (SAM included), Terraform and Serverless documents are hosts:
// they are not checked themselves, the state machines and runbooks they embed are.
enum class DocumentKind : uint8_t {
  Unknown,
  Asl,
  Ssm,
  AzurePipelines,
  CloudFormation,
  Terraform,
  Serverless,
};

// Whether documents of this kind embed the definitions to check.
bool is_host(DocumentKind kind);

// A Step Functions state machine's type: EXPRESS ones cannot wait for callbacks.
enum class StateMachineType : uint8_t { Standard, Express };

std::string_view to_string(DocumentKind kind);
std::optional<DocumentKind> parse_document_kind(std::string_view text);

// ASL: a top-level object with StartAt and States. SSM Automation: schemaVersion and mainSteps.
// CloudFormation: Resources whose members have a Type of AWS::*. Serverless Framework: service and
// provider (or stepFunctions). Azure Pipelines: steps, jobs or stages at the top. Terraform is
// not a tree of this kind: it is told by its .tf name.
DocumentKind classify(const Node* root);

// A cheap look at raw bytes: could this file hold a workflow at all? Used to stay quiet about
// broken files met while walking a directory that are plainly something else.
bool may_hold_workflow(std::string_view text);

}  // namespace wflint
