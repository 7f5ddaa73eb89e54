// Definitions embedded in CloudFormation/SAM templates, Serverless services and Terraform
// configurations: found in every form, checked with every rule, and reported at the exact line
// and column of the file the user opened.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "engine/inputs.h"
#include "load/placeholders.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using testing::check_text;
using testing::finding_positions;

// "RULE line:column" of the `occurrence`-th `needle` in `text` (0-based), as findings print.
std::string at(std::string_view rule, std::string_view text, std::string_view needle,
               int occurrence = 0) {
  std::size_t offset = text.find(needle);
  for (int i = 0; i < occurrence && offset != std::string_view::npos; ++i)
    offset = text.find(needle, offset + 1);
  EXPECT_NE(offset, std::string_view::npos) << needle;
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  return fmt::format("{} {}:{}", rule, line, offset - line_start + 1);
}

CheckOptions only(const std::string& ids) {
  CheckOptions options;
  std::string error;
  options.filter = *RuleFilter::parse(ids, "", error);
  return options;
}

constexpr std::string_view kSubBlock = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionString: !Sub |
        {
          "StartAt": "Charge",
          "States": {
            "Charge": {
              "Type": "Task",
              "Resource": "${ChargeFunction.Arn}",
              "Next": "Ship"
            }
          }
        }
)";

TEST(EmbeddingTest, FindingInsideASubBlockLandsOnTheTemplateLine) {
  const FileReport report =
      check_text("template.yaml", kSubBlock, Origin::Explicit, only("ASL101"));
  EXPECT_EQ(finding_positions(report),
            std::vector<std::string>{at("ASL101", kSubBlock, "\"Ship\"")});
}

TEST(EmbeddingTest, ATaggedBlockOnTheLineAfterItsKeyIsRead) {
  std::string text(kSubBlock);
  text.replace(text.find("DefinitionString: !Sub |"), 24, "DefinitionString:\n        !Sub |");
  const FileReport report =
      check_text("template.yaml", text, Origin::Explicit, only("WF001,ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"Ship\"")});
}

TEST(EmbeddingTest, FindingInsideAnEscapedJsonDefinitionStringIsExact) {
  const std::string text = R"({
  "Resources": {
    "Orders": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionString": "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}\n}"
      }
    }
  }
})";
  const FileReport report = check_text("template.json", text, Origin::Explicit, only("ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\\\"B\\\"")});
}

TEST(EmbeddingTest, FnJoinPartsMapToTheirOwnLines) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString:
        Fn::Join:
          - ""
          - - '{"StartAt": "A", "States": {'
            - '"A": {"Type": "Task", "Resource": "'
            - !GetAtt Worker.Arn
            - '", "Next": "Gone"}'
            - '}}'
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"Gone\"")});
}

TEST(EmbeddingTest, UnquotedPlaceholdersInADefinitionStringStillParse) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub
        - |
          {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${Delay}, "Next": "X"}}}
        - Delay: 30
)";
  const FileReport report = check_text("template.yaml", text);
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"X\"")});
}

TEST(EmbeddingTest, AStandaloneDefinitionWithBarePlaceholdersIsRead) {
  const std::string text = R"({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${Delay},
  "Next": "X"}}})";
  const FileReport report = check_text("wait.asl.json", text);
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"X\"")});
}

TEST(EmbeddingTest, OnlyPlaceholdersWhereAValueGoesAreQuoted) {
  EXPECT_FALSE(has_bare_placeholder(R"({"a": "b: ${c}", "d": "${e}"})"));
  EXPECT_TRUE(has_bare_placeholder(R"({"a": "b: ${c}", "d": ${e}})"));
  EXPECT_TRUE(has_bare_placeholder("[1,\n  ${c}]"));
  EXPECT_EQ(quote_bare_placeholders(R"({"a": ${Tm}, "b": "${x}"})"),
            R"({"a": "${T", "b": "${x}"})");
}

TEST(EmbeddingTest, SubstitutionsAreMatchedWithPlaceholders) {
  const std::string text = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
        TableName: orders
        Unused: nothing
      Definition:
        StartAt: Save
        States:
          Save:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters:
              TableName: ${TableName}
              Item:
                id:
                  S: ${TopicArn}
            End: true
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("EMB"));
  EXPECT_EQ(
      finding_positions(report),
      (std::vector<std::string>{at("EMB002", text, "Unused"), at("EMB001", text, "${TopicArn}")}));
}

TEST(EmbeddingTest, FnSubResolvesParametersResourcesAndPseudoParameters) {
  const std::string text = R"(Parameters:
  Stage:
    Type: String
Resources:
  Worker:
    Type: AWS::Lambda::Function
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Task
            Resource: !Sub "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}-${Stage}-${Missing}"
            End: true
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("EMB001"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("EMB001", text, "${Missing}")});
}

TEST(EmbeddingTest, ConflictingSourcesAndS3LocationsAreReported) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location:
        Bucket: b
        Key: k
      DefinitionString: "{}"
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("EMB"));
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB005", text, "DefinitionS3Location"),
                                      at("EMB003", text, "DefinitionString")}));
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Info);
}

TEST(EmbeddingTest, ExpressTypeOfTheTemplateFeedsTheExpressRule) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Definition:
        StartAt: Wait
        States:
          Wait:
            Type: Task
            Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
            Parameters:
              QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/q
              MessageBody:
                token.$: $$.Task.Token
            TimeoutSeconds: 60
            End: true
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("LMB019"));
  EXPECT_EQ(finding_positions(report),
            std::vector<std::string>{at("LMB019", text, ".waitForTaskToken")});
}

TEST(EmbeddingTest, AutomationRunbookContentIsChecked) {
  const std::string text = R"(Resources:
  Runbook:
    Type: AWS::SSM::Document
    Properties:
      DocumentType: Automation
      Content:
        schemaVersion: "0.3"
        mainSteps:
          - name: Invoke
            action: aws:invokeLambdaFunction
            timeoutSeconds: 900
            inputs:
              FunctionName: worker
  Command:
    Type: AWS::SSM::Document
    Properties:
      DocumentType: Command
      Content:
        schemaVersion: "2.2"
        mainSteps: []
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("SSM101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("SSM101", text, "900")});
}

TEST(EmbeddingTest, ServerlessStateMachinesAreChecked) {
  const std::string text = R"(service: orders
provider:
  name: aws
stepFunctions:
  stateMachines:
    orders:
      type: express
      definition:
        StartAt: A
        States:
          A:
            Type: Pass
            Next: Nowhere
)";
  const FileReport report = check_text("serverless.yml", text, Origin::Explicit, only("ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "Nowhere")});
}

TEST(EmbeddingTest, HardCodedAccountInAFunctionArnIsNoted) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Task
            Resource: arn:aws:lambda:eu-west-1:123456789012:function:charge
            End: true
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("EMB004"));
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB004", text, "eu-west-1"),
                                      at("EMB004", text, "123456789012")}));
}

TEST(EmbeddingTest, CommentsAndCommentFieldsSuppressInsideTemplates) {
  const std::string text = R"(Resources:
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A:
            Type: Pass
            # wflint-disable-next-line ASL101 -- added by a later stack
            Next: Later
          B:
            Type: Pass
            Comment: wflint-disable ASL101 -- so is this one
            Next: Elsewhere
          C:
            Type: Pass
            Next: Nowhere
)";
  const FileReport report = check_text("template.yaml", text, Origin::Explicit, only("ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "Nowhere")});
}

class EmbeddedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, std::string_view text) const {
    const std::string path = dir_ + "/" + name;
    fs::create_directories(fs::path(path).parent_path());
    testing::write_file(path, text);
    return path;
  }

  FileReport check(const std::string& path, const CheckOptions& options,
                   const CheckedAlone& checked_alone = {}) const {
    std::string error;
    return check_source(Source::from_bytes(path, testing::read_file(path)), Origin::Explicit,
                        options, checked_alone);
  }

  std::string dir_;
};

constexpr std::string_view kDefinitionFile = R"({
  "StartAt": "Save",
  "States": {
    "Save": {
      "Type": "Task",
      "Resource": "arn:aws:states:::dynamodb:putItem",
      "Parameters": {"TableName": "${DDBTable}", "Item": {"id": {"S.$": "$.id"}}},
      "TimeoutSeconds": ${Timeout},
      "Next": "Missing"
    }
  }
})";

TEST_F(EmbeddedFilesTest, SamDefinitionUriIsLoadedAndCheckedInItsOwnFile) {
  const std::string definition = write("statemachine/orders.asl.json", kDefinitionFile);
  const std::string template_path = write("template.yaml", R"(Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/orders.asl.json
      DefinitionSubstitutions:
        Timeout: 30
)");
  const FileReport report = check(template_path, only("ASL101,EMB001,WF001"));
  ASSERT_EQ(report.diagnostics.size(), 2u);
  EXPECT_EQ(locate(report.diagnostics[0].span).file->path(), definition);
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB001", kDefinitionFile, "${DDBTable}"),
                                      at("ASL101", kDefinitionFile, "\"Missing\"")}));
}

TEST_F(EmbeddedFilesTest, AFileCheckedOnItsOwnGetsOnlyTheTemplatesRulesFromTheTemplate) {
  write("statemachine/orders.asl.json", kDefinitionFile);
  const std::string template_path = write("template.yaml", R"(Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/orders.asl.json
      DefinitionSubstitutions:
        Timeout: 30
)");
  const FileReport report =
      check(template_path, only("ASL101,EMB001"), [](const std::string&) { return true; });
  EXPECT_EQ(finding_positions(report),
            std::vector<std::string>{at("EMB001", kDefinitionFile, "${DDBTable}")});
}

TEST_F(EmbeddedFilesTest, ATemplatesCommentsSpeakForTheTemplateOnly) {
  write("statemachine/orders.asl.json", kDefinitionFile);
  const std::string template_path = write("template.yaml", R"(Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/orders.asl.json
      # wflint-disable-next-line EMB001 -- line 7 of this file, not of the definition
      DefinitionSubstitutions:
        Timeout: 30
)");
  const FileReport report = check(template_path, only("EMB001,WF010"));
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB001", kDefinitionFile, "${DDBTable}"), "WF010 6:34"}));
}

TEST_F(EmbeddedFilesTest, AMissingDefinitionFileIsAnError) {
  const std::string template_path = write("template.yaml", R"(Resources:
  Orders:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/gone.asl.json
)");
  const FileReport report = check(template_path, only("EMB005"));
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Error);
}

TEST_F(EmbeddedFilesTest, TerraformFileSubstitutesNothing) {
  write("crud-asl.json", kDefinitionFile);
  const std::string configuration = write("main.tf", R"(resource "aws_sfn_state_machine" "crud" {
  name       = "crud"
  role_arn   = aws_iam_role.sfn.arn
  definition = file("./crud-asl.json")
}
)");
  const FileReport report = check(configuration, only("EMB001"));
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB001", kDefinitionFile, "${DDBTable}"),
                                      at("EMB001", kDefinitionFile, "${Timeout}")}));
}

TEST_F(EmbeddedFilesTest, TerraformTemplatefileVarsMustMatchThePlaceholders) {
  write("statemachine/orders.asl.json", kDefinitionFile);
  const std::string text = R"(resource "aws_sfn_state_machine" "orders" {
  definition = templatefile("${path.module}/statemachine/orders.asl.json", {
    DDBTable = aws_dynamodb_table.orders.name
    Extra    = "x"
  })
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("EMB"));
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{at("EMB002", text, "Extra"),
                                      at("EMB001", kDefinitionFile, "${Timeout}")}));
}

TEST_F(EmbeddedFilesTest, TerraformHeredocFindingsAreExact) {
  const std::string text = R"(locals {
  definition = <<-SFN
    {
      "StartAt": "Invoke",
      "States": {
        "Invoke": {
          "Type": "Task",
          "Resource": "${aws_lambda_function.worker.arn}",
          "TimeoutSeconds": ${var.timeout},
          "Next": "Nowhere"
        }
      }
    }
  SFN
}

module "step_function" {
  source     = "terraform-aws-modules/step-functions/aws"
  definition = local.definition
  type       = "EXPRESS"
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("ASL101,EMB,WF001"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"Nowhere\"")});
}

TEST_F(EmbeddedFilesTest, TerraformCommentsSuppress) {
  const std::string text = R"(resource "aws_sfn_state_machine" "orders" {
  definition = jsonencode({
    StartAt = "A"
    States = {
      # wflint-disable-next-line ASL101 -- B comes from another module
      A = { Type = "Pass", Next = "B" }
      C = { Type = "Pass", Next = "Nowhere" }
    }
  })
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("ASL101,WF010"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"Nowhere\"")});
}

TEST_F(EmbeddedFilesTest, TerraformJsonencodeIsCheckedAtTheHclTokens) {
  const std::string text = R"(resource "aws_sfn_state_machine" "orders" {
  definition = jsonencode({
    StartAt = "A"
    States = {
      A = { Type = "Pass", Next = "Nowhere" }
    }
  })
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("ASL101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("ASL101", text, "\"Nowhere\"")});
}

TEST_F(EmbeddedFilesTest, TerraformVariablesAreReportedOnceAsUnresolved) {
  const std::string text = R"(variable "definition" {
  type = string
}

resource "aws_sfn_state_machine" "this" {
  definition = var.definition
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, testing::all_rules());
  EXPECT_EQ(finding_positions(report),
            std::vector<std::string>{at("EMB005", text, "var.definition")});
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Info);
}

TEST_F(EmbeddedFilesTest, TerraformAutomationDocumentsAreChecked) {
  const std::string text = R"(resource "aws_ssm_document" "invoke" {
  name            = "invoke"
  document_type   = "Automation"
  document_format = "YAML"
  content         = <<DOC
schemaVersion: '0.3'
mainSteps:
  - name: Invoke
    action: aws:invokeLambdaFunction
    timeoutSeconds: 900
    inputs:
      FunctionName: worker
DOC
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("SSM101"));
  EXPECT_EQ(finding_positions(report), std::vector<std::string>{at("SSM101", text, "900")});
}

TEST_F(EmbeddedFilesTest, TerraformSyntaxErrorsAreFindings) {
  const std::string text = R"(resource "aws_sfn_state_machine" "orders" {
  definition = "unterminated
}
)";
  const std::string configuration = write("main.tf", text);
  const FileReport report = check(configuration, only("WF001"));
  ASSERT_FALSE(report.diagnostics.empty());
  EXPECT_EQ(report.diagnostics[0].rule_id, "WF001");
}

TEST_F(EmbeddedFilesTest, WalkingADirectoryFindsTerraformFiles) {
  write("infra/main.tf", "resource \"aws_sfn_state_machine\" \"x\" {}\n");
  write("infra/notes.txt", "nothing");
  const InputList inputs = collect_inputs({dir_});
  ASSERT_EQ(inputs.files.size(), 1u);
  EXPECT_TRUE(inputs.files[0].path.ends_with("infra/main.tf"));
}

}  // namespace
}  // namespace wflint
