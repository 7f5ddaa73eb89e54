#include "model/document_kind.h"

namespace wflint {

std::string_view to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::Asl:
      return "asl";
    case DocumentKind::Ssm:
      return "ssm";
    case DocumentKind::Unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<DocumentKind> parse_document_kind(std::string_view text) {
  if (text == "asl") return DocumentKind::Asl;
  if (text == "ssm") return DocumentKind::Ssm;
  return std::nullopt;
}

DocumentKind classify(const Node* root) {
  if (!root || !root->is_object()) return DocumentKind::Unknown;
  if (root->find("StartAt") && root->find("States")) return DocumentKind::Asl;
  if (root->find("schemaVersion") && root->find("mainSteps")) return DocumentKind::Ssm;
  return DocumentKind::Unknown;
}

bool may_hold_workflow(std::string_view text) {
  auto has = [&](std::string_view word) { return text.find(word) != std::string_view::npos; };
  return (has("StartAt") && has("States")) || (has("schemaVersion") && has("mainSteps"));
}

}  // namespace wflint
