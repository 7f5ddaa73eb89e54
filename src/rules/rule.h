#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/data_flow.h"
#include "analysis/jsonata_expressions.h"
#include "analysis/jsonata_strings.h"
#include "analysis/lambda_calls.h"
#include "analysis/path_fields.h"
#include "analysis/runbook_references.h"
#include "analysis/schema_violations.h"
#include "analysis/step_order.h"
#include "analysis/transitions.h"
#include "analysis/variables.h"
#include "load/node.h"
#include "model/asl/state_machine.h"
#include "model/document_kind.h"
#include "model/ssm/runbook.h"
#include "rules/rule_options.h"
#include "support/diagnostic.h"

namespace wflint::azure {
class Pipeline;
}
namespace wflint::embed {
struct EmbeddedDefinition;
struct Embedding;
}  // namespace wflint::embed

namespace wflint::rules {

// Which document kinds a rule applies to. kTemplate: the hosts that embed definitions
// (CloudFormation and SAM, Terraform, Serverless), checked as a whole.
enum KindMask : uint8_t {
  kAsl = 1,
  kSsm = 2,
  kAzurePipelines = 4,
  kTemplate = 8,
  kAnyDocument = 0xFF
};

struct RuleInfo {
  std::string_view id;    // "ASL001": fixed forever, other tools depend on it
  std::string_view name;  // "missing-start-state": names the bad pattern
  Severity severity;      // the default
  uint8_t kinds;          // KindMask bits
  std::string_view summary;

  bool applies_to(DocumentKind kind) const;
};

// What a rule may read: the document and its typed view (the one matching its kind).
struct CheckContext {
  const Document& document;
  DocumentKind kind;
  const asl::StateMachine* state_machine = nullptr;
  const ssm::Runbook* runbook = nullptr;
  // Shared analyses, computed once per document (state machines only, except the schema
  // violations, which runbooks have too).
  const analysis::TransitionGraph* transitions = nullptr;
  const analysis::PathFields* path_fields = nullptr;
  const analysis::SchemaViolations* schema_violations = nullptr;
  const analysis::JsonataStrings* jsonata_strings = nullptr;
  const analysis::LambdaCalls* lambda_calls = nullptr;
  bool express_machine = false;  // the state machine is known to be an EXPRESS one (--sfn-type)
  const analysis::DataFlow* data_flow = nullptr;
  // Runbooks only.
  const analysis::RunbookReferences* runbook_references = nullptr;
  const analysis::StepOrder* step_order = nullptr;
  // The option values of the rules that take options (see Rule::options).
  const RuleOptions* options = nullptr;
  // State machines only: the parsed {% %} expressions, and the variables' assignments and reads.
  const analysis::JsonataExpressions* jsonata_expressions = nullptr;
  const analysis::Variables* variables = nullptr;
  // A state machine or runbook embedded in a template: where it sits and what fills it in;
  // nullptr for a standalone file.
  const embed::EmbeddedDefinition* embedded = nullptr;
  // Templates only: every definition the template embeds and what could not be followed.
  const embed::Embedding* embedding = nullptr;
  // Azure Pipelines only: the pipeline's steps.
  const azure::Pipeline* pipeline = nullptr;
};

struct Rule;

// Adds detail to a finding just reported.
class DiagnosticBuilder {
 public:
  explicit DiagnosticBuilder(Diagnostic& diagnostic) : diagnostic_(diagnostic) {}
  DiagnosticBuilder& related(const Span& span, std::string message);
  DiagnosticBuilder& help(std::string text);
  // For a rule whose findings are not all equally serious (the issue that defines the rule says
  // which); by default a finding has its rule's severity.
  DiagnosticBuilder& severity(Severity level);

 private:
  Diagnostic& diagnostic_;
};

// Collects the findings of the rules run on one document.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::vector<Diagnostic>& out) : out_(out) {}
  // A finding about `node`, underlining its value.
  DiagnosticBuilder report(const Rule& rule, const Node& node, std::string message);
  // A finding about the member `node`, underlining its key.
  DiagnosticBuilder report_key(const Rule& rule, const Node& node, std::string message);
  DiagnosticBuilder report_at(const Rule& rule, const Span& span, std::string pointer,
                              std::string message);

 private:
  std::vector<Diagnostic>& out_;
};

using CheckFunction = void (*)(const CheckContext&, DiagnosticSink&);
using StateCheckFunction = void (*)(const CheckContext&, const asl::State&, DiagnosticSink&);

// A rule checks the whole document, or one state at a time. The engine visits every state once
// and runs all per-state rules on it while it is in cache: a rule per pass over 100,000 states
// would stream the whole tree from memory again for each rule.
struct Rule {
  RuleInfo info;
  // Whole-document check; nullptr for findings the engine itself raises while loading and
  // classifying (WF0xx) and for per-state rules.
  CheckFunction check = nullptr;
  StateCheckFunction check_state = nullptr;
  // A generic finding (a schema violation) yields to a specific rule's finding about the same
  // JSON pointer: the specific rule says more, and one problem deserves one finding.
  bool yields_to_specific_rules = false;
  // The settings the rule takes from the configuration, read through CheckContext::options.
  std::span<const OptionSpec> options = {};
  // Its findings on an embedded definition depend on the template (its substitutions, the state
  // machine's type): it runs on a definition file a template names even when that file is
  // checked on its own too.
  bool depends_on_template = false;
};

}  // namespace wflint::rules
