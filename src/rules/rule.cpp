#include "rules/rule.h"

namespace wflint::rules {

bool RuleInfo::applies_to(DocumentKind kind) const {
  switch (kind) {
    case DocumentKind::Asl:
      return (kinds & kAsl) != 0;
    case DocumentKind::Ssm:
      return (kinds & kSsm) != 0;
    case DocumentKind::AzurePipelines:
      return (kinds & kAzurePipelines) != 0;
    case DocumentKind::CloudFormation:
    case DocumentKind::Terraform:
    case DocumentKind::Serverless:
      return (kinds & kTemplate) != 0;
    case DocumentKind::Unknown:
      return kinds == kAnyDocument;
  }
  return false;
}

DiagnosticBuilder& DiagnosticBuilder::related(const Span& span, std::string message) {
  diagnostic_.related.push_back(RelatedSpan{span, std::move(message)});
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::severity(Severity level) {
  diagnostic_.severity = level;
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::help(std::string text) {
  diagnostic_.help = std::move(text);
  return *this;
}

DiagnosticBuilder DiagnosticSink::report_at(const Rule& rule, const Span& span, std::string pointer,
                                            std::string message) {
  Diagnostic& d = out_.emplace_back();
  d.rule_id = rule.info.id;
  d.rule_name = rule.info.name;
  d.severity = rule.info.severity;
  d.message = std::move(message);
  d.span = span;
  d.pointer = std::move(pointer);
  return DiagnosticBuilder(d);
}

DiagnosticBuilder DiagnosticSink::report(const Rule& rule, const Node& node, std::string message) {
  return report_at(rule, node.span(), node.json_pointer(), std::move(message));
}

DiagnosticBuilder DiagnosticSink::report_key(const Rule& rule, const Node& node,
                                             std::string message) {
  return report_at(rule, node.key_span(), node.json_pointer(), std::move(message));
}

}  // namespace wflint::rules
