#include <fmt/format.h>

#include "model/embed/definition_loading.h"
#include "model/embed/embedding.h"

namespace wflint::embed {
namespace {

// serverless-step-functions: stepFunctions.stateMachines.<name>.definition, a mapping; `type:
// express` makes an EXPRESS machine. The framework resolves ${...} variables itself.
void read_state_machine(const Node& machine, Embedding& embedding) {
  const Node* definition_node = machine.find("definition");
  if (!definition_node) return;
  if (!definition_node->is_object()) {
    embedding.unresolved.push_back(
        {Unresolved::Reason::Elsewhere, definition_node->span(),
         fmt::format("the definition of state machine {} is not written here ({}): it cannot "
                     "be checked",
                     machine.key(), definition_node->text()),
         "check the file it comes from with wflint as well"});
    return;
  }
  EmbeddedDefinition definition;
  definition.kind = DocumentKind::Asl;
  definition.form = Form::Object;
  definition.owner = fmt::format("state machine {}", machine.key());
  definition.owner_span = machine.key_span();
  definition.filling = Filling::HostLanguage;
  definition.has_account_references = true;
  definition.account_reference_hint =
      "write ${aws:accountId} and ${aws:region}, or reference the function with Fn::GetAtt";
  const std::string_view type = machine.find_string("type");
  if (type == "express" || type == "EXPRESS") definition.type = StateMachineType::Express;
  if (type == "standard" || type == "STANDARD") definition.type = StateMachineType::Standard;
  definition.document = view_of(embedding, *definition_node);
  embedding.definitions.push_back(std::move(definition));
}

}  // namespace

Embedding embed_serverless(const Document& service_document, const EmbedContext&) {
  Embedding embedding;
  const Node* root = service_document.root();
  const Node* step_functions = root ? root->find("stepFunctions") : nullptr;
  const Node* machines = step_functions ? step_functions->find("stateMachines") : nullptr;
  if (!machines || !machines->is_object()) return embedding;
  for (const Node& machine : machines->children()) {
    if (machine.is_object()) read_state_machine(machine, embedding);
  }
  return embedding;
}

}  // namespace wflint::embed
