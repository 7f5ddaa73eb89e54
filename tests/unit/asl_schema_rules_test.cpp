// The schema rules (ASL003 unknown-field, ASL004 missing-required-field, ASL005
// invalid-field-value): schemas/asl.schema.json applied through the valijson adapter, with
// findings at the exact node and worded from the schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "load/loader.h"
#include "schema/json_schema.h"
#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

FileReport check_with(const std::string& name, std::string_view text, std::string_view select,
                      std::optional<DocumentKind> kind = std::nullopt) {
  std::string error;
  CheckOptions options{*RuleFilter::parse(select, "", error), kind};
  return check_text(name, text, Origin::Explicit, options);
}

std::string describe(const FileReport& report) {
  std::string out;
  for (const Diagnostic& diagnostic : report.diagnostics)
    out += std::string(diagnostic.rule_id) + " " + diagnostic.message + "\n";
  return out;
}

std::vector<std::string> findings(std::string_view json, std::string_view select = "ASL") {
  return finding_positions(check_with("t.json", json, select));
}

std::string only_message(std::string_view json, std::string_view select) {
  FileReport report = check_with("t.json", json, select);
  EXPECT_EQ(report.diagnostics.size(), 1u) << describe(report);
  return report.diagnostics.empty() ? "" : report.diagnostics[0].message;
}

std::string only_help(std::string_view json, std::string_view select) {
  FileReport report = check_with("t.json", json, select);
  EXPECT_EQ(report.diagnostics.size(), 1u) << describe(report);
  return report.diagnostics.empty() ? "" : report.diagnostics[0].help;
}

TEST(SchemaTest, EmbeddedSchemaCompiles) {
  EXPECT_NO_THROW(schema::asl_schema());
}

TEST(SchemaTest, BrokenSchemaTextIsRejected) {
  EXPECT_THROW(schema::JsonSchema("broken.json", "{\"type\": "), std::runtime_error);
}

TEST(SchemaTest, ValidatesAnyDocumentTree) {
  const schema::JsonSchema schema("s.json", R"({"type": "object", "required": ["id"],
    "properties": {"id": {"type": "integer", "minimum": 1}, "tags": {"type": "array",
    "items": {"type": "string"}}}, "additionalProperties": false})");
  auto source = Source::from_bytes("d.json", R"({"id": 0, "tags": ["a", 2], "extra": true})");
  std::vector<LoadedDocument> documents = load_documents(*source, Syntax::Json);
  ASSERT_EQ(documents.size(), 1u);
  std::vector<std::string> found;
  for (const schema::Violation& violation : schema.validate(*documents[0].document->root()))
    found.push_back(violation.node->json_pointer() + " " + violation.message);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{
                       "/extra \"extra\" is not a field of this object",
                       "/id \"id\" must be at least 1, not 0",
                       "/tags/1 \"tags\"[1] must be a string, not 2",
                   }));
}

TEST(SchemaRulesTest, UnknownFieldSuggestsTheClosestAndListsTheAllowed) {
  const char* machine = R"({"StartAt": "W", "States": {
    "W": {"Type": "Wait", "Second": 5, "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL003"), std::vector<std::string>{"ASL003 2:27"});
  EXPECT_EQ(only_message(machine, "ASL003"),
            "\"Second\" is not a field of the Wait state \"W\"; did you mean \"Seconds\"?");
  EXPECT_EQ(only_help(machine, "ASL003"),
            "its fields are Type, Comment, QueryLanguage, Next, End, InputPath, OutputPath, "
            "Seconds, Timestamp, SecondsPath, TimestampPath, Output, Assign");
}

TEST(SchemaRulesTest, FieldOfAnotherStateTypeIsUnknown) {
  const char* machine = R"({"StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "D"}],
          "Default": "D", "ResultPath": "$.r", "Parameters": {}},
    "D": {"Type": "Succeed", "Retry": []}}})";
  EXPECT_EQ(findings(machine),
            (std::vector<std::string>{"ASL003 3:27", "ASL003 3:48", "ASL003 4:30"}));
}

TEST(SchemaRulesTest, NestedObjectsAreCheckedAtEveryDepth) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true, "ItemProcessor": {
      "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionTyp": "STANDARD"},
      "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Retry": [{"ErrorEquals": ["States.ALL"], "Intervall": 2}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "Extra": 1}], "End": true},
        "F": {"Type": "Fail"}}}}}})";
  EXPECT_EQ(findings(machine),
            (std::vector<std::string>{"ASL003 3:50", "ASL003 5:51", "ASL003 6:64"}));
}

TEST(SchemaRulesTest, FieldsOfBothQueryLanguagesAreLeftToAsl505) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Parameters": {"a": 1}, "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL003,ASL505"), std::vector<std::string>{"ASL505 2:27"});
}

TEST(SchemaRulesTest, MissingFieldUnderlinesTheStateName) {
  const char* machine = R"({"StartAt": "T", "States": {
    "T": {"Type": "Task", "End": true}}})";
  EXPECT_EQ(findings(machine), std::vector<std::string>{"ASL004 2:5"});
  EXPECT_EQ(only_message(machine, "ASL004"), "the Task state \"T\" has no \"Resource\"");
}

TEST(SchemaRulesTest, MapNeedsAnItemProcessorOrAnIterator) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true}}})";
  EXPECT_EQ(only_message(machine, "ASL004"),
            "the Map state \"M\" has no \"ItemProcessor\" or \"Iterator\"");
  const char* with_iterator = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true, "Iterator": {"StartAt": "P",
      "States": {"P": {"Type": "Pass", "End": true}}}}}})";
  EXPECT_EQ(findings(with_iterator), std::vector<std::string>{});
}

TEST(SchemaRulesTest, BranchWithoutStatesUnderlinesItsBrace) {
  const char* machine = R"({"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "X"}]}}})";
  EXPECT_EQ(findings(machine, "ASL004"), std::vector<std::string>{"ASL004 2:57"});
  EXPECT_EQ(only_message(machine, "ASL004"), "a Parallel branch has no \"States\"");
}

TEST(SchemaRulesTest, WrongTypeEnumAndRange) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true, "MaxConcurrency": "4", "ToleratedFailurePercentage": 101,
      "ItemProcessor": {"ProcessorConfig": {"Mode": "inline"}, "StartAt": "P",
        "States": {"P": {"Type": "Pass", "End": true}}}}}})";
  FileReport report = check_with("t.json", machine, "ASL005");
  ASSERT_EQ(finding_positions(report),
            (std::vector<std::string>{"ASL005 2:57", "ASL005 2:92", "ASL005 3:53"}));
  EXPECT_EQ(report.diagnostics[0].message, "\"MaxConcurrency\" must be a whole number, not \"4\"");
  EXPECT_EQ(report.diagnostics[0].help, "write the number without quotes");
  EXPECT_EQ(report.diagnostics[1].message,
            "\"ToleratedFailurePercentage\" must be from 0 to 100, not 101");
  EXPECT_EQ(report.diagnostics[2].message,
            "\"Mode\" must be \"INLINE\" or \"DISTRIBUTED\", not "
            "\"inline\"");
  EXPECT_EQ(report.diagnostics[2].help, "did you mean \"INLINE\"?");
}

TEST(SchemaRulesTest, EmptyBranchesAndNullItemsPath) {
  const char* machine = R"({"StartAt": "P", "States": {
    "P": {"Type": "Parallel", "Branches": [], "Next": "M"},
    "M": {"Type": "Map", "ItemsPath": null, "End": true, "ItemProcessor": {"StartAt": "X",
      "States": {"X": {"Type": "Pass", "End": true}}}}}})";
  EXPECT_EQ(findings(machine, "ASL005"), (std::vector<std::string>{"ASL005 2:43", "ASL005 3:39"}));
}

TEST(SchemaRulesTest, SubstitutedValuesAreNotJudgedByType) {
  const char* machine = R"({"StartAt": "T", "States": {
    "T": {"Type": "Task", "Resource": {"Fn::GetAtt": ["Fn", "Arn"]},
          "TimeoutSeconds": "${Timeout}", "HeartbeatSeconds": {"Ref": "Heartbeat"},
          "Next": "J"},
    "J": {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke",
          "TimeoutSeconds": "{% $states.input.timeout %}", "End": true}}})";
  EXPECT_EQ(findings(machine, "ASL003,ASL004,ASL005"), std::vector<std::string>{});
}

TEST(SchemaRulesTest, YamlTagsAreSubstituted) {
  const char* machine =
      "StartAt: T\n"
      "States:\n"
      "  T:\n"
      "    Type: Task\n"
      "    Resource: !GetAtt Fn.Arn\n"
      "    TimeoutSeconds: !Ref Timeout\n"
      "    End: true\n";
  EXPECT_EQ(finding_positions(check_with("t.yaml", machine, "ASL003,ASL004,ASL005")),
            std::vector<std::string>{});
}

TEST(SchemaRulesTest, YamlDocumentsGetTheSamePositions) {
  const char* machine =
      "StartAt: T\n"
      "States:\n"
      "  T:\n"
      "    Type: Task\n"
      "    Resource: arn:aws:states:::lambda:invoke\n"
      "    TimeoutSecond: 30\n"
      "    End: true\n";
  EXPECT_EQ(finding_positions(check_with("t.yaml", machine, "ASL")),
            std::vector<std::string>{"ASL003 6:5"});
}

TEST(SchemaRulesTest, SpecificRuleWinsOverTheSchemaOnTheSameNode) {
  // ASL301 and ASL004 both see the catcher without ErrorEquals; ASL002 and ASL005 both see the
  // state that is not an object; ASL504 and ASL005 both see Choices that is not an array.
  const char* machine = R"({"StartAt": "T", "States": {
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Catch": [{"Next": "C"}], "End": true},
    "C": {"Type": "Choice", "Choices": "none"},
    "S": "not a state"}})";
  const std::vector<std::string> found = findings(machine,
                                                  "ASL002,ASL003,ASL004,ASL005,ASL301,"
                                                  "ASL504");
  EXPECT_EQ(found, (std::vector<std::string>{"ASL301 3:21", "ASL504 4:29", "ASL002 5:5"}));
  EXPECT_EQ(findings(machine, "ASL004"), std::vector<std::string>{"ASL004 3:21"});
}

TEST(SchemaRulesTest, StatesWithUnknownTypeAreLeftToAsl002) {
  const char* machine = R"({"StartAt": "A", "States": {
    "A": {"Type": "Tsak", "Resource": "x", "End": true},
    "B": {"End": true}}})";
  EXPECT_EQ(findings(machine, "ASL002,ASL003,ASL004,ASL005"),
            (std::vector<std::string>{"ASL002 2:19", "ASL002 3:5"}));
}

TEST(SchemaRulesTest, ForcedKindStillExplainsWhatIsMissing) {
  const FileReport report =
      check_with("t.json", R"({"name": "x"})", "ASL003,ASL004", DocumentKind::Asl);
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{"ASL004 1:1", "ASL004 1:1", "ASL003 1:2"}));
}

}  // namespace
}  // namespace wflint
