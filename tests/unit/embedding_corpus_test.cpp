// The real templates of ../shared/corpus (templates, cfn-ssm, terraform): every definition the
// manifests list is found, and no error-level finding is reported that review has not found to
// be a real defect. The files are stored flat there; the repositories' layout is rebuilt with
// links first, so the paths templates name resolve. Skipped when ../shared is absent.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/inputs.h"
#include "engine/run.h"
#include "load/read_source.h"
#include "model/embed/embedding.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kSharedCorpus = fs::path(WFLINT_SOURCE_DIR) / ".." / "shared" / "corpus";

struct ManifestRow {
  std::string corpus;
  std::map<std::string, std::string> fields;
  std::string path;  // in the rebuilt layout

  std::string field(const std::string& name) const {
    const auto found = fields.find(name);
    return found == fields.end() ? "" : found->second;
  }
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, separator))
    out.push_back(field);
  return out;
}

// Reads MANIFEST.tsv of a corpus directory and links each file to LAYOUT/REPO/PATH.
std::vector<ManifestRow> lay_out(const std::string& corpus, const fs::path& layout) {
  std::ifstream manifest(kSharedCorpus / corpus / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);
  const std::vector<std::string> header = split(line, '\t');
  std::vector<ManifestRow> rows;
  while (std::getline(manifest, line)) {
    const std::vector<std::string> values = split(line, '\t');
    ManifestRow row{corpus, {}, {}};
    for (std::size_t i = 0; i < header.size() && i < values.size(); ++i)
      row.fields[header[i]] = values[i];
    const fs::path stored = kSharedCorpus / corpus / values.at(0);
    const fs::path linked = layout / row.fields["repo"] / row.fields["path"];
    std::error_code ec;
    fs::create_directories(linked.parent_path(), ec);
    fs::create_symlink(fs::absolute(stored), linked, ec);
    row.path = linked.generic_string();
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Found {
  std::vector<embed::EmbeddedDefinition> definitions;
  std::vector<embed::Unresolved::Reason> unresolved;
};

std::string_view to_string(embed::Unresolved::Reason reason) {
  switch (reason) {
    case embed::Unresolved::Reason::InS3:
      return "unresolved: in S3";
    case embed::Unresolved::Reason::MissingFile:
      return "unresolved: file not in the corpus";
    case embed::Unresolved::Reason::Elsewhere:
      return "unresolved: a variable";
    case embed::Unresolved::Reason::Computed:
      return "unresolved: computed";
  }
  return "";
}

Found embedded_in(const std::string& path) {
  std::string error;
  std::unique_ptr<Source> source = read_source(path, error);
  Found found;
  if (!source) return found;
  const embed::EmbedContext context{fs::path(path).parent_path().generic_string(), {}};
  std::vector<embed::Embedding> embeddings;
  std::vector<LoadedDocument> documents;
  if (path.ends_with(".tf")) {
    embeddings.push_back(embed::embed_terraform(*source, context));
  } else {
    documents = load_documents(*source, detect_syntax(path, source->text()));
    for (const LoadedDocument& loaded : documents) {
      const DocumentKind kind = classify(loaded.document->root());
      if (kind == DocumentKind::CloudFormation)
        embeddings.push_back(embed::embed_cloudformation(*loaded.document, context));
      if (kind == DocumentKind::Serverless)
        embeddings.push_back(embed::embed_serverless(*loaded.document, context));
    }
  }
  for (embed::Embedding& embedding : embeddings) {
    for (embed::EmbeddedDefinition& definition : embedding.definitions) {
      definition.document = nullptr;  // its embedding is gone after this function
      found.definitions.push_back(std::move(definition));
    }
    for (const embed::Unresolved& unresolved : embedding.unresolved)
      found.unresolved.push_back(unresolved.reason);
  }
  return found;
}

// How many definitions the cfn-ssm manifest lists: "SFN:Name[...] | SSM:Name[DocumentType:...]".
std::size_t listed_in_cfn_ssm(const std::string& embedding) {
  std::size_t count = 0;
  for (const std::string& entry : split(embedding, '|')) {
    if (entry.find("SFN:") != std::string::npos) ++count;
    if (entry.find("SSM:") != std::string::npos &&
        entry.find("DocumentType:Automation") != std::string::npos) {
      ++count;
    }
  }
  return count;
}

// Cookiecutter templates whose `Runtime: {{ cookiecutter.runtime }}` is a YAML mapping used as a
// key: valid YAML that wflint's loader does not read (WF001 says so). Rendered, they are fine.
bool is_unrendered_cookiecutter(const std::string& path) {
  return path.find("{{cookiecutter.project_name}}") != std::string::npos &&
         (path.find("step-func-conn") != std::string::npos ||
          path.find("step-func-etl") != std::string::npos);
}

bool lists_a_state_machine(const ManifestRow& row) {
  const std::string& forms = row.field("definition_forms");
  return forms.find("resource:aws_sfn_state_machine") != std::string::npos ||
         forms.find("module:") != std::string::npos;
}

class EmbeddingCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kSharedCorpus)) GTEST_SKIP() << "../shared/corpus is not present";
    layout_ = testing::make_temp_dir();
    for (const char* corpus : {"asl", "templates", "cfn-ssm", "terraform"}) {
      for (ManifestRow& row : lay_out(corpus, layout_))
        rows_.push_back(std::move(row));
    }
  }
  void TearDown() override {
    if (!layout_.empty()) fs::remove_all(layout_);
  }

  std::string layout_;
  std::vector<ManifestRow> rows_;
};

TEST_F(EmbeddingCorpusTest, EveryListedDefinitionIsFound) {
  std::map<std::string, std::size_t> by_form;
  std::size_t templates = 0, missed = 0;
  for (const ManifestRow& row : rows_) {
    std::size_t expected = 0;
    // A template that is not YAML the manifest's parser could read is reported as such (WF001).
    if (row.field("parse_ok") == "no" || is_unrendered_cookiecutter(row.path)) continue;
    if (row.corpus == "templates") expected = row.field("embed").empty() ? 0 : 1;
    if (row.corpus == "cfn-ssm") expected = listed_in_cfn_ssm(row.field("embedding"));
    if (row.corpus == "terraform" && row.field("kind") == "tf")
      expected = lists_a_state_machine(row) ? 1 : 0;
    if (expected == 0) continue;
    ++templates;
    const Found found = embedded_in(row.path);
    for (const embed::EmbeddedDefinition& definition : found.definitions)
      ++by_form[fmt::format("{} {}", row.corpus, to_string(definition.form))];
    for (embed::Unresolved::Reason reason : found.unresolved)
      ++by_form[fmt::format("{} {}", row.corpus, to_string(reason))];
    if (found.definitions.size() + found.unresolved.size() < expected) {
      ++missed;
      ADD_FAILURE() << row.path << ": " << expected << " listed, "
                    << found.definitions.size() + found.unresolved.size() << " found";
    }
  }
  for (const auto& [form, count] : by_form)
    std::cout << fmt::format("  {:<48} {}\n", form, count);
  std::cout << fmt::format("  {} templates and configurations, {} missed\n", templates, missed);
  EXPECT_GT(templates, 450u);
}

// Error-level findings in the templates and the files they name, reviewed one by one: each is a
// real defect of the file (or a test fixture built to be invalid), never a misreading.
const std::set<std::pair<std::string, std::string>> kReviewedDefects = {
    // file() substitutes nothing: ${DDBTable} reaches the state machine (the known defect).
    {"aws-samples/serverless-patterns/apigw-sfn-crud-terraform/crud-asl.json", "EMB001"},
    // No DefinitionSubstitutions at all, yet the file uses two placeholders.
    {"aws-samples/step-functions-workflows-collection/stateless-roundrobin/statemachine/"
     "statemachine.asl.json",
     "EMB001"},
    // The key is topicArn, the placeholder ${TopicArn}: substitutions are case-sensitive.
    {"aws-samples/step-functions-workflows-collection/synchronous-job/statemachine/"
     "statemachine.asl.json",
     "EMB001"},
    // "${!Ref StepFunctionsStateMachine}" in an Fn::Sub: the SNS TopicArn is that very text.
    {"aws-samples/aws-step-functions-using-it-automation/ITAutomationWorkFlow.yaml", "EMB001"},
    // Two runbook steps run together (a "- name:" line is missing): duplicate keys, and the
    // merged step's fields do not fit.
    {"aws-samples/aws-ssm-automation-for-start-stop-sap/SSMStopStartSAPv1.0.yml", "WF002"},
    {"aws-samples/aws-ssm-automation-for-start-stop-sap/SSMStopStartSAPv1.0.yml", "SSM001"},
    // SAM test fixtures: a Definition with StartAt and no States; Resource values that are not
    // ARNs; Choice rules without a comparison.
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_function_to.yaml",
     "ASL001"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_function_to.yaml",
     "ASL004"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_rule_to.yaml",
     "ASL001"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_rule_to.yaml",
     "ASL004"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_sfn_to.yaml",
     "ASL001"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/"
     "embedded_connectors_sfn_to.yaml",
     "ASL004"},
    {"aws/serverless-application-model/tests/translator/input/embedded_connectors_function_to.yaml",
     "ASL001"},
    {"aws/serverless-application-model/tests/translator/input/embedded_connectors_function_to.yaml",
     "ASL004"},
    {"aws/serverless-application-model/tests/translator/input/embedded_connectors_sfn_to.yaml",
     "ASL001"},
    {"aws/serverless-application-model/tests/translator/input/embedded_connectors_sfn_to.yaml",
     "ASL004"},
    {"aws/serverless-application-model/tests/translator/output/"
     "embedded_connectors_function_to.json",
     "ASL001"},
    {"aws/serverless-application-model/tests/translator/output/"
     "embedded_connectors_function_to.json",
     "ASL004"},
    {"aws/serverless-application-model/tests/translator/output/embedded_connectors_rule_to.json",
     "ASL001"},
    {"aws/serverless-application-model/tests/translator/output/embedded_connectors_rule_to.json",
     "ASL004"},
    {"aws/serverless-application-model/tests/translator/output/embedded_connectors_sfn_to.json",
     "ASL001"},
    {"aws/serverless-application-model/tests/translator/output/embedded_connectors_sfn_to.json",
     "ASL004"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/schema_validation_1.yaml",
     "ASL401"},
    {"aws/aws-sam-cli/tests/functional/commands/validate/lib/models/schema_validation_2.yaml",
     "ASL401"},
    {"aws/serverless-application-model/tests/translator/input/"
     "state_machine_with_api_and_propagate_tags.yaml",
     "ASL401"},
    {"aws/serverless-application-model/tests/translator/output/schema_validation_1.json", "ASL401"},
    {"aws/serverless-application-model/tests/translator/output/schema_validation_2.json", "ASL401"},
    {"aws/serverless-application-model/tests/translator/output/"
     "state_machine_with_api_and_propagate_tags.json",
     "ASL401"},
    {"paulshestakov/aws-step-functions-constructor/examples/sam/5_parallel.yaml", "ASL504"},
};

TEST_F(EmbeddingCorpusTest, NoErrorBeyondTheReviewedDefects) {
  std::map<std::string, const ManifestRow*> by_path;
  for (const ManifestRow& row : rows_)
    by_path[row.path] = &row;
  const InputList inputs = collect_inputs({layout_});
  RunOptions options;
  options.check = testing::all_rules();
  options.checked_alone = checked_alone_in(inputs);
  std::set<std::pair<std::string, std::string>> seen;
  bool reported_crud_defect = false;
  check_inputs(inputs.files, options, [&](FileReport&& report) {
    for (const Diagnostic& finding : report.diagnostics) {
      const std::string file = locate(finding.span).file->path();
      const std::string relative = file.substr(layout_.size() + 1);
      if (relative.ends_with("crud-asl.json") && finding.rule_id == "EMB001")
        reported_crud_defect = true;
      if (finding.severity != Severity::Error) continue;
      const auto row = by_path.find(file);
      const bool from_embedding = std::string_view(finding.rule_id).starts_with("EMB");
      const bool in_a_template = row != by_path.end() && row->second->corpus != "asl";
      if (!from_embedding && !in_a_template) continue;  // issue 1's corpus, judged there
      if (in_a_template &&
          (row->second->field("parse_ok") == "no" || is_unrendered_cookiecutter(file) ||
           row->second->field("expect_invalid") == "yes")) {
        continue;
      }
      // Unreadable as YAML or JSON by the manifest's own parser, or built to be invalid: not a
      // misreading of ours either way. A file a template names that the corpus did not collect.
      if (finding.rule_id == "EMB005" &&
          finding.message.find("does not exist") != std::string::npos)
        continue;
      const std::pair<std::string, std::string> key{relative, std::string(finding.rule_id)};
      seen.insert(key);
      EXPECT_TRUE(kReviewedDefects.contains(key))
          << file << ":" << locate(finding.span).begin.line << ": " << finding.rule_id << " "
          << finding.message;
    }
  });
  EXPECT_TRUE(reported_crud_defect) << "apigw-sfn-crud-terraform's ${DDBTable} is not reported";
  for (const auto& reviewed : kReviewedDefects)
    EXPECT_TRUE(seen.contains(reviewed)) << "no longer reported: " << reviewed.first;
}

}  // namespace
}  // namespace wflint
