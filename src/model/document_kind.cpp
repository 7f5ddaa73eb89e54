#include "model/document_kind.h"

namespace wflint {

std::string_view to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::Asl:
      return "asl";
    case DocumentKind::Ssm:
      return "ssm";
    case DocumentKind::AzurePipelines:
      return "azure-pipelines";
    case DocumentKind::CloudFormation:
      return "cloudformation";
    case DocumentKind::Terraform:
      return "terraform";
    case DocumentKind::Serverless:
      return "serverless";
    case DocumentKind::Unknown:
      return "unknown";
  }
  return "unknown";
}

bool is_host(DocumentKind kind) {
  return kind == DocumentKind::CloudFormation || kind == DocumentKind::Terraform ||
         kind == DocumentKind::Serverless;
}

std::optional<DocumentKind> parse_document_kind(std::string_view text) {
  if (text == "asl") return DocumentKind::Asl;
  if (text == "ssm") return DocumentKind::Ssm;
  if (text == "azure-pipelines") return DocumentKind::AzurePipelines;
  if (text == "cloudformation") return DocumentKind::CloudFormation;
  if (text == "serverless") return DocumentKind::Serverless;
  return std::nullopt;
}

namespace {

bool has_aws_resource(const Node& resources) {
  if (!resources.is_object()) return false;
  for (const Node& resource : resources.children()) {
    if (resource.is_object() && resource.find_string("Type").starts_with("AWS::")) return true;
  }
  return false;
}

bool is_cloudformation(const Node& root) {
  const Node* resources = root.find("Resources");
  return resources && (has_aws_resource(*resources) || root.find("AWSTemplateFormatVersion"));
}

bool is_serverless(const Node& root) {
  return root.find("service") && (root.find("provider") || root.find("stepFunctions"));
}

bool is_azure_pipeline(const Node& root) {
  const auto list = [&](std::string_view key) {
    const Node* member = root.find(key);
    return member && member->is_array();
  };
  return list("steps") || list("jobs") || list("stages");
}

}  // namespace

DocumentKind classify(const Node* root) {
  if (!root || !root->is_object()) return DocumentKind::Unknown;
  if (root->find("StartAt") && root->find("States")) return DocumentKind::Asl;
  if (root->find("schemaVersion") && root->find("mainSteps")) return DocumentKind::Ssm;
  if (is_cloudformation(*root)) return DocumentKind::CloudFormation;
  if (is_serverless(*root)) return DocumentKind::Serverless;
  if (is_azure_pipeline(*root)) return DocumentKind::AzurePipelines;
  return DocumentKind::Unknown;
}

bool may_hold_workflow(std::string_view text) {
  auto has = [&](std::string_view word) { return text.find(word) != std::string_view::npos; };
  return (has("StartAt") && has("States")) || (has("schemaVersion") && has("mainSteps")) ||
         has("AWS::StepFunctions::") || has("AWS::Serverless::StateMachine") ||
         has("AWS::SSM::Document") || has("stepFunctions") || has("LambdaInvokeFunction") ||
         has("aws_sfn_state_machine") || has("aws_ssm_document");
}

}  // namespace wflint
