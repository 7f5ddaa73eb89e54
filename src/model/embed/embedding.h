#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/load_problem.h"
#include "load/node.h"
#include "model/document_kind.h"

namespace wflint::embed {

// How a template holds a definition.
enum class Form : uint8_t {
  Object,        // CloudFormation/SAM Definition, Serverless definition: a mapping in the template
  String,        // CloudFormation DefinitionString (plain, Fn::Sub or Fn::Join), SSM Content text
  File,          // SAM DefinitionUri, Terraform file(): a local file, loaded as it is
  TemplateFile,  // Terraform templatefile(): a local file whose ${...} the vars map fills in
  Heredoc,       // Terraform <<EOF ... EOF or a quoted string
  JsonEncode,    // Terraform jsonencode({...}) of an HCL object
};

std::string_view to_string(Form form);

// What fills in the ${...} placeholders of a definition before AWS sees it.
enum class Filling : uint8_t {
  Nothing,        // Terraform file(), a template without substitutions: ${...} stays as written
  Substitutions,  // DefinitionSubstitutions, templatefile()'s vars: only their keys
  HostLanguage,   // Terraform and Serverless interpolation: not ours to judge
};

// A ${Name} in a definition.
struct Placeholder {
  std::string name;  // as written between the braces, trimmed
  Span span;         // "${" through "}"
  // Inside a CloudFormation Fn::Sub, which resolves parameters, resources, pseudo parameters and
  // its own variables before the definition's substitutions apply.
  bool in_fn_sub = false;
};

// A key of DefinitionSubstitutions or of a templatefile() vars map.
struct Substitution {
  std::string name;
  Span span;
};

// A state machine or runbook a template embeds.
struct EmbeddedDefinition {
  DocumentKind kind = DocumentKind::Asl;             // Asl or Ssm
  DocumentKind host = DocumentKind::CloudFormation;  // what embeds it
  Form form = Form::Object;
  std::string owner;  // "resource OrderMachine", "aws_sfn_state_machine.orders", ...
  Span owner_span;    // the resource's name in the template
  // The definition as a document; its root is null when it could not be parsed (see problems).
  const Document* document = nullptr;
  std::vector<LoadProblem> problems;
  std::optional<StateMachineType> type;  // when the template says
  Filling filling = Filling::Nothing;
  std::vector<Substitution> substitutions;
  std::vector<Placeholder> placeholders;
  // Names a CloudFormation Fn::Sub resolves: the template's parameters and resources.
  std::vector<std::string> template_names;
  // The file the definition was read from (File, TemplateFile) when it is also checked on its
  // own in this run: then only the rules that depend on the template run on it here.
  bool checked_alone = false;
  // The template can name the account and region without literals (CloudFormation pseudo
  // parameters, Terraform's aws_caller_identity and aws_region data sources).
  bool has_account_references = false;
  std::string account_reference_hint;  // how to write them in this template
};

// A definition the template points at that cannot be checked: in S3, a variable, a remote
// module, a file that does not exist.
struct Unresolved {
  enum class Reason : uint8_t {
    InS3,         // DefinitionS3Location, an s3:// DefinitionUri
    MissingFile,  // a local file the template names is not there: the deployment fails too
    Elsewhere,    // a Terraform variable, another module's output
    Computed,     // built by a function or intrinsic wflint does not evaluate
  };
  Reason reason = Reason::Computed;
  Span span;
  std::string message;
  std::string help;
};

// Two sources given for one definition (Definition and DefinitionString, ...).
struct ConflictingSources {
  Span first;
  Span second;
  std::string owner;
};

// Everything one template embeds. Owns the sources and documents its definitions live in.
struct Embedding {
  std::vector<LoadProblem> problems;  // the template's own syntax errors (Terraform)
  std::vector<std::unique_ptr<Source>> sources;
  std::vector<std::unique_ptr<Document>> documents;
  std::vector<EmbeddedDefinition> definitions;
  std::vector<Unresolved> unresolved;
  std::vector<ConflictingSources> conflicts;
};

// What extraction needs from outside the template.
struct EmbedContext {
  std::string directory;  // the template's directory, to resolve relative paths against
  // Whether a file (an absolute, normalised path) is checked on its own in this run.
  std::function<bool(const std::string& path)> checked_alone;
};

Embedding embed_cloudformation(const Document& template_document, const EmbedContext& context);
Embedding embed_serverless(const Document& service_document, const EmbedContext& context);
Embedding embed_terraform(const Source& configuration, const EmbedContext& context);

}  // namespace wflint::embed
