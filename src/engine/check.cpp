#include "engine/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <iterator>
#include <unordered_set>

#include "engine/finding_identity.h"
#include "engine/suppressions.h"
#include "load/loader.h"
#include "model/azure/pipeline.h"
#include "model/embed/embedding.h"
#include "rules/registry.h"

namespace wflint {
namespace {

const rules::Rule& rule_for(LoadProblem::Kind kind) {
  return kind == LoadProblem::Kind::DuplicateKey ? rules::kDuplicateKey : rules::kSyntaxError;
}

// The object member whose key starts at `offset` (a duplicate key the loader reported).
const Node* member_with_key_at(const Node* root, uint32_t offset) {
  const Node* node = root;
  while (node && !(node->has_key() && node->key_span().begin == offset)) {
    const Node* inside = nullptr;
    for (const Node& child : node->children()) {
      if (child.key_span().begin <= offset && offset < child.span().end) inside = &child;
    }
    node = inside;
  }
  return node;
}

bool yields_to_specific_rules(std::string_view rule_id) {
  const rules::Rule* rule = rules::find_rule(rule_id);
  return rule && rule->yields_to_specific_rules;
}

class DocumentChecker {
 public:
  DocumentChecker(const CheckOptions& options, std::vector<Diagnostic>& out)
      : options_(options), out_(out), sink_(out) {}

  void add_problems(const std::vector<LoadProblem>& problems, const Node* root) {
    for (const LoadProblem& problem : problems) {
      const rules::Rule& rule = rule_for(problem.kind);
      if (!options_.filter.enabled(rule.info.id)) continue;
      const Node* member = problem.kind == LoadProblem::Kind::DuplicateKey
                               ? member_with_key_at(root, problem.span.begin)
                               : nullptr;
      auto finding = sink_.report_at(rule, problem.span, member ? member->json_pointer() : "",
                                     problem.message);
      for (const RelatedSpan& related : problem.related)
        finding.related(related.span, related.message);
      if (!problem.help.empty()) finding.help(problem.help);
    }
  }

  void report_unknown(const Node& root) {
    if (!options_.filter.enabled(rules::kUnknownDocument.info.id)) return;
    const Span start{root.span().source, root.span().begin, root.span().begin + 1};
    sink_
        .report_at(rules::kUnknownDocument, start, "",
                   "not a Step Functions state machine (no top-level StartAt and States) nor an "
                   "SSM Automation runbook (no schemaVersion and mainSteps)")
        .help("pass --kind asl or --kind ssm to check it as one anyway");
  }

  // Runs every rule that applies to a document of `kind`. `embedded` is set for a definition a
  // template embeds, `embedding` for the template itself.
  void run_rules(const Document& document, DocumentKind kind,
                 const embed::EmbeddedDefinition* embedded = nullptr,
                 const embed::Embedding* embedding = nullptr) {
    std::optional<asl::StateMachine> machine;
    std::optional<analysis::TransitionGraph> transitions;
    std::optional<analysis::PathFields> path_fields;
    std::optional<analysis::SchemaViolations> schema_violations;
    std::optional<analysis::JsonataStrings> jsonata_strings;
    std::optional<analysis::LambdaCalls> lambda_calls;
    std::optional<analysis::DataFlow> data_flow;
    std::optional<analysis::JsonataExpressions> jsonata_expressions;
    std::optional<analysis::Variables> variables;
    std::optional<ssm::Runbook> runbook;
    std::optional<analysis::RunbookReferences> runbook_references;
    std::optional<analysis::StepOrder> step_order;
    std::optional<azure::Pipeline> pipeline;
    if (kind == DocumentKind::Asl) {
      machine.emplace(*document.root());
      transitions.emplace(*machine);
      path_fields.emplace(*machine);
      schema_violations.emplace(*document.root());
      jsonata_strings.emplace(*machine);
      lambda_calls.emplace(*machine);
      data_flow.emplace(*machine, *transitions, *lambda_calls);
      jsonata_expressions.emplace(*jsonata_strings);
      variables.emplace(*machine, *transitions, *jsonata_expressions);
    }
    if (kind == DocumentKind::Ssm) {
      runbook.emplace(*document.root());
      schema_violations.emplace(*document.root(), &schema::ssm_automation_schema);
      runbook_references.emplace(*runbook);
      step_order.emplace(*runbook);
    }
    if (kind == DocumentKind::AzurePipelines) pipeline.emplace(*document.root());
    const bool express = embedded && embedded->type
                             ? *embedded->type == StateMachineType::Express
                             : options_.sfn_type == StateMachineType::Express;
    const rules::CheckContext ctx{document,
                                  kind,
                                  machine ? &*machine : nullptr,
                                  runbook ? &*runbook : nullptr,
                                  transitions ? &*transitions : nullptr,
                                  path_fields ? &*path_fields : nullptr,
                                  schema_violations ? &*schema_violations : nullptr,
                                  jsonata_strings ? &*jsonata_strings : nullptr,
                                  lambda_calls ? &*lambda_calls : nullptr,
                                  express,
                                  data_flow ? &*data_flow : nullptr,
                                  runbook_references ? &*runbook_references : nullptr,
                                  step_order ? &*step_order : nullptr,
                                  &options_.rule_options,
                                  jsonata_expressions ? &*jsonata_expressions : nullptr,
                                  variables ? &*variables : nullptr,
                                  embedded,
                                  embedding,
                                  pipeline ? &*pipeline : nullptr};
    const bool template_rules_only = embedded && embedded->checked_alone;
    const std::size_t first_finding = out_.size();
    std::vector<const rules::Rule*> per_state;
    for (const rules::Rule* rule : rules::all_rules()) {
      if (!rule->info.applies_to(kind) || !options_.filter.enabled(rule->info.id)) continue;
      if (template_rules_only && !rule->depends_on_template) continue;
      if (rule->check) rule->check(ctx, sink_);
      if (rule->check_state) per_state.push_back(rule);
    }
    if (machine && !per_state.empty()) run_per_state(ctx, *machine, per_state);
    drop_generic_findings_about_the_same_node(first_finding);
  }

  // A template: the rules about the template as a whole, then every definition it embeds, checked
  // like a file of its own with the template's context.
  // Returns the suppressions written in the definitions' own fields (Comment, description).
  std::vector<Suppression> check_embedding(const Document& host, DocumentKind host_kind,
                                           const embed::Embedding& embedding) {
    run_rules(host, host_kind, nullptr, &embedding);
    std::vector<Suppression> suppressions;
    for (const embed::EmbeddedDefinition& definition : embedding.definitions) {
      const Node* root = definition.document ? definition.document->root() : nullptr;
      if (!definition.checked_alone) add_problems(definition.problems, root);
      if (!root) continue;
      const std::size_t first_finding = out_.size();
      run_rules(*definition.document, definition.kind, &definition);
      name_subjects(*root, std::span(out_).subspan(first_finding));
      if (mentions_suppressions(root->source().text())) {
        std::vector<Suppression> in_fields = field_suppressions(*root, definition.kind);
        apply_suppressions(out_, first_finding, in_fields);
        std::move(in_fields.begin(), in_fields.end(), std::back_inserter(suppressions));
      }
    }
    return suppressions;
  }

  void drop_generic_findings_about_the_same_node(std::size_t first_finding) {
    const auto begin = out_.begin() + static_cast<std::ptrdiff_t>(first_finding);
    std::unordered_set<std::string_view> specific_pointers;
    for (auto it = begin; it != out_.end(); ++it) {
      if (!yields_to_specific_rules(it->rule_id)) specific_pointers.insert(it->pointer);
    }
    const auto yielding = [&](const Diagnostic& finding) {
      return yields_to_specific_rules(finding.rule_id) &&
             specific_pointers.contains(finding.pointer);
    };
    out_.erase(std::remove_if(begin, out_.end(), yielding), out_.end());
  }

  void run_per_state(const rules::CheckContext& ctx, const asl::StateMachine& machine,
                     const std::vector<const rules::Rule*>& per_state) {
    for (const asl::Scope& scope : machine.scopes()) {
      for (const asl::State& state : scope.states()) {
        for (const rules::Rule* rule : per_state)
          rule->check_state(ctx, state, sink_);
      }
    }
  }

 private:
  const CheckOptions& options_;
  std::vector<Diagnostic>& out_;
  rules::DiagnosticSink sink_;
};

bool has_syntax_error(const std::vector<Diagnostic>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Diagnostic& d) { return d.rule_id == rules::kSyntaxError.info.id; });
}

// WF010 for the suppressions of the file that suppressed nothing. Not when a syntax error kept
// rules from running: their suppressions could not be used.
void report_unused(std::vector<Suppression>& suppressions, const CheckOptions& options,
                   std::vector<Diagnostic>& findings) {
  if (suppressions.empty() || !options.filter.enabled(rules::kUnusedSuppression.info.id) ||
      has_syntax_error(findings)) {
    return;
  }
  rules::DiagnosticSink sink(findings);
  report_unused_suppressions(
      suppressions, [&](std::string_view id) { return options.filter.enabled(id); }, sink);
}

void apply_severities(const CheckOptions& options, std::vector<Diagnostic>& findings) {
  if (options.severities.empty()) return;
  for (Diagnostic& finding : findings) {
    for (const auto& [id, severity] : options.severities) {
      if (finding.rule_id == id) finding.severity = severity;
    }
  }
}

// What the configuration says about the findings of a file: suppressed, or of another severity.
void finish(const CheckOptions& options, FileReport& report) {
  if (options.config) apply_config_suppressions(report.path, *options.config, report.diagnostics);
  apply_severities(options, report.diagnostics);
}

bool is_terraform(const Source& source) {
  return source.path().ends_with(".tf");
}

embed::EmbedContext embed_context(const Source& source, const CheckedAlone& checked_alone) {
  return {std::filesystem::path(source.path()).parent_path().generic_string(), checked_alone};
}

embed::Embedding embed_definitions(const Document& host, DocumentKind kind,
                                   const embed::EmbedContext& context) {
  if (kind == DocumentKind::Serverless) return embed::embed_serverless(host, context);
  return embed::embed_cloudformation(host, context);
}

void keep_sources(embed::Embedding& embedding, FileReport& report) {
  std::move(embedding.sources.begin(), embedding.sources.end(),
            std::back_inserter(report.embedded_sources));
}

// A Terraform configuration: not JSON or YAML; its definitions are found through the HCL parser.
void check_terraform(const Source& source, const CheckOptions& options,
                     const CheckedAlone& checked_alone, FileReport& report) {
  embed::Embedding embedding = embed::embed_terraform(source, embed_context(source, checked_alone));
  const Document host(source);
  DocumentChecker checker(options, report.diagnostics);
  const bool speak_of_broken_files =
      !embedding.definitions.empty() || may_hold_workflow(source.text());
  if (speak_of_broken_files) checker.add_problems(embedding.problems, nullptr);
  std::vector<Suppression> suppressions =
      checker.check_embedding(host, DocumentKind::Terraform, embedding);
  if (mentions_suppressions(source.text())) {
    std::vector<Suppression> in_comments = comment_suppressions(source, {});
    apply_suppressions(report.diagnostics, 0, in_comments);
    std::move(in_comments.begin(), in_comments.end(), std::back_inserter(suppressions));
  }
  report_unused(suppressions, options, report.diagnostics);
  report.checked = !embedding.definitions.empty() || !report.diagnostics.empty();
  keep_sources(embedding, report);
}

// JSON and YAML files: each document checked as what it is; the definitions a template embeds
// checked with it.
void check_documents(const Source& source, Origin origin, const CheckOptions& options,
                     const CheckedAlone& checked_alone, FileReport& report) {
  const bool explicit_file = origin == Origin::Explicit;
  const bool speak_of_broken_files = explicit_file || may_hold_workflow(source.text());
  const Syntax syntax = detect_syntax(source.path(), source.text());
  std::vector<LoadedDocument> documents = load_documents(source, syntax);
  DocumentChecker checker(options, report.diagnostics);
  std::vector<Suppression> suppressions;
  const bool may_suppress = mentions_suppressions(source.text());
  for (const LoadedDocument& loaded : documents) {
    const Node* root = loaded.document->root();
    if (!root) {
      if (speak_of_broken_files) checker.add_problems(loaded.problems, nullptr);
      continue;
    }
    const DocumentKind kind = options.forced_kind.value_or(classify(root));
    if (kind == DocumentKind::Unknown) {
      if (explicit_file) checker.report_unknown(*root);
      continue;
    }
    const std::size_t first_finding = report.diagnostics.size();
    if (is_host(kind)) {
      embed::Embedding embedding =
          embed_definitions(*loaded.document, kind, embed_context(source, checked_alone));
      if (embedding.definitions.empty() && embedding.unresolved.empty()) continue;
      checker.add_problems(loaded.problems, root);
      std::vector<Suppression> in_definitions =
          checker.check_embedding(*loaded.document, kind, embedding);
      std::move(in_definitions.begin(), in_definitions.end(), std::back_inserter(suppressions));
      keep_sources(embedding, report);
      report.checked = true;
      continue;
    }
    checker.add_problems(loaded.problems, root);
    checker.run_rules(*loaded.document, kind);
    name_subjects(*root, std::span(report.diagnostics).subspan(first_finding));
    if (may_suppress) {
      std::vector<Suppression> in_fields = field_suppressions(*root, kind);
      apply_suppressions(report.diagnostics, first_finding, in_fields);
      std::move(in_fields.begin(), in_fields.end(), std::back_inserter(suppressions));
    }
    report.checked = true;
  }
  if (documents.empty() && explicit_file && options.filter.enabled("WF003")) {
    rules::DiagnosticSink(report.diagnostics)
        .report_at(rules::kUnknownDocument, Span{&source, 0, 0}, "", "the file holds no document")
        .help("an empty file is neither a state machine nor a runbook");
  }
  // A file nothing was checked in (not a workflow, met while walking) has nothing to suppress.
  const bool anything_checked = report.checked || !report.diagnostics.empty();
  if (syntax == Syntax::Yaml && anything_checked && may_suppress) {
    std::vector<Suppression> in_comments = comment_suppressions(source, documents);
    apply_suppressions(report.diagnostics, 0, in_comments);
    std::move(in_comments.begin(), in_comments.end(), std::back_inserter(suppressions));
  }
  report_unused(suppressions, options, report.diagnostics);
  report.checked = report.checked || explicit_file || !report.diagnostics.empty();
  for (LoadedDocument& loaded : documents) {
    if (loaded.filled_text) report.embedded_sources.push_back(std::move(loaded.filled_text));
  }
}

}  // namespace

FileReport check_source(std::unique_ptr<Source> source, Origin origin, const CheckOptions& options,
                        const CheckedAlone& checked_alone) {
  FileReport report;
  report.path = source->path();
  try {
    if (is_terraform(*source)) {
      check_terraform(*source, options, checked_alone, report);
    } else {
      check_documents(*source, origin, options, checked_alone, report);
    }
    finish(options, report);
  } catch (const std::exception& error) {
    report.failure =
        fmt::format("internal error while checking: {} (please report this)", error.what());
  }
  sort_and_dedupe(report.diagnostics);
  assign_fingerprints(report.diagnostics);
  report.source = std::move(source);
  return report;
}

}  // namespace wflint
