// The reference rules of SSM runbooks: SSM003 unknown-step-target, SSM005 undeclared-parameter,
// SSM006 unknown-step-output, SSM007 invalid-variable-reference and SSM106
// invoke-output-unavailable.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace wflint {
namespace {

using testing::finding_positions;
using Positions = std::vector<std::string>;
using Messages = std::vector<std::string>;

CheckOptions ssm_reference_rules() {
  std::string error;
  return CheckOptions{*RuleFilter::parse("SSM003,SSM005,SSM006,SSM007,SSM106", "", error),
                      std::nullopt};
}

FileReport check(const std::string& path, std::string_view text) {
  return testing::check_text(path, text, Origin::Explicit, ssm_reference_rules());
}

FileReport check_yaml(std::string_view text) {
  return check("runbook.yaml", text);
}

FileReport check_json(std::string_view text) {
  return check("runbook.json", text);
}

Messages messages(const FileReport& report) {
  Messages out;
  for (const Diagnostic& d : report.diagnostics)
    out.push_back(d.message);
  return out;
}

const Diagnostic& only_finding(const FileReport& report) {
  EXPECT_EQ(report.diagnostics.size(), 1u);
  return report.diagnostics.at(0);
}

// --- SSM003 unknown-step-target

TEST(SsmTargetRule, ReportsUnknownNextStepWithSuggestion) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: first
    action: aws:sleep
    nextStep: secnd
  - name: second
    action: aws:sleep
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM003 5:15"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.rule_id, "SSM003");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.message,
            "nextStep names step \"secnd\", but the runbook has no such step; did you mean "
            "\"second\"?");
  EXPECT_EQ(d.pointer, "/mainSteps/0/nextStep");
  EXPECT_EQ(testing::spanned(d.span), "secnd");
  EXPECT_EQ(d.help, "name one of the runbook's steps; SSM rejects the runbook when it is created");
}

TEST(SsmTargetRule, ReportsUnknownOnFailureAndOnCancelSteps) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: work
    action: aws:executeAwsApi
    onFailure: step:cleanUp
    onCancel: step:gone
    inputs:
      Service: s
      Api: a
  - name: cleanup
    action: aws:executeAwsApi
    inputs:
      Service: s
      Api: a
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM003 5:21", "SSM003 6:20"}));
  EXPECT_EQ(messages(report),
            (Messages{"onFailure names step \"cleanUp\", but the runbook has no such step; did you "
                      "mean \"cleanup\"?",
                      "onCancel names step \"gone\", but the runbook has no such step"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "cleanUp");
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "gone");
}

TEST(SsmTargetRule, ReportsUnknownBranchChoiceAndDefault) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  Mode:
    type: String
mainSteps:
  - name: choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: fast
          Variable: '{{ Mode }}'
          StringEquals: fast
        - NextStep: slw
          Variable: '{{ Mode }}'
          StringEquals: slow
      Default: fallback
  - name: slow
    action: aws:sleep
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM003 10:21", "SSM003 13:21", "SSM003 16:16"}));
  EXPECT_EQ(messages(report),
            (Messages{"NextStep names step \"fast\", but the runbook has no such step",
                      "NextStep names step \"slw\", but the runbook has no such step; did you "
                      "mean \"slow\"?",
                      "Default names step \"fallback\", but the runbook has no such step"}));
}

TEST(SsmTargetRule, AcceptsKnownTargetsKeywordsAndReferences) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  Next:
    type: String
mainSteps:
  - name: a
    action: aws:executeAwsApi
    onFailure: Continue
    onCancel: Abort
    nextStep: b
    inputs:
      Service: s
      Api: a
  - name: b
    action: aws:executeAwsApi
    onFailure: step:a
    onCancel: step:a
    nextStep: '{{ Next }}'
    inputs:
      Service: s
      Api: a
  - name: c
    action: aws:branch
    onFailure: Abort
    inputs:
      Choices:
        - NextStep: a
          Variable: '{{ Next }}'
          StringEquals: x
      Default: b
)");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(SsmTargetRule, ReportsOnCancelToASleepStep) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: work
    action: aws:executeAwsApi
    onFailure: step:wait
    onCancel: step:wait
    inputs:
      Service: s
      Api: a
  - name: wait
    action: aws:sleep
    inputs:
      Duration: PT1S
)");
  // onFailure may go to aws:sleep; only onCancel may not.
  EXPECT_EQ(finding_positions(report), Positions{"SSM003 6:20"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message,
            "onCancel cannot move to step \"wait\": its action aws:sleep is not allowed after a "
            "cancellation");
  EXPECT_EQ(testing::spanned(d.span), "wait");
}

TEST(SsmTargetRule, ReportsOnCancelOnALoopButNotOnItsInnerSteps) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: loop
    action: aws:loop
    onCancel: Abort
    inputs:
      Iterators: [1]
      Steps:
        - name: inner
          action: aws:executeAwsApi
          onCancel: Abort
          inputs:
            Service: s
            Api: a
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM003 5:5"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "aws:loop steps do not support onCancel");
  EXPECT_EQ(d.help, "set onCancel on the steps inside the loop instead");
}

TEST(SsmTargetRule, ReportsOnCancelOnUpdateVariable) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
variables:
  V:
    type: String
mainSteps:
  - name: set
    action: aws:updateVariable
    onCancel: Abort
    inputs:
      Name: variable:V
      Value: x
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM003 8:5"});
  EXPECT_EQ(only_finding(report).message, "aws:updateVariable steps do not support onCancel");
}

TEST(SsmTargetRule, ReportsBadHandlerValuesWithSuggestion) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: a
    action: aws:sleep
    onFailure: abort
    onCancel: Continue
  - name: b
    action: aws:sleep
    onFailure: continu
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM003 5:16", "SSM003 6:15", "SSM003 9:16"}));
  EXPECT_EQ(
      messages(report),
      (Messages{
          "onFailure is \"abort\", but it takes Abort, Continue or step:<name>; did you mean "
          "\"Abort\"?",
          "onCancel is \"Continue\", but it takes Abort or step:<name>",
          "onFailure is \"continu\", but it takes Abort, Continue or step:<name>; did you mean "
          "\"Continue\"?"}));
  EXPECT_EQ(report.diagnostics[0].help,
            "write Abort, Continue or step:<name>; a step is named as "
            "step:<name>");
}

TEST(SsmTargetRule, JsonPositionsAfterEscapes) {
  const FileReport report = check_json(R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "a", "action": "aws:sleep", "onFailure": "\u0073tep:gone", "nextStep": "n\u006fwhere",
     "onCancel": "step:w\u0061it", "description": "\"x\""},
    {"name": "wait", "action": "aws:sleep"}
  ]
})");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM003 4:66", "SSM003 4:86", "SSM003 5:24"}));
  EXPECT_EQ(messages(report),
            (Messages{"onFailure names step \"gone\", but the runbook has no such step",
                      "nextStep names step \"nowhere\", but the runbook has no such step",
                      "onCancel cannot move to step \"wait\": its action aws:sleep is not allowed "
                      "after a cancellation"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "gone");
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "n\\u006fwhere");
  EXPECT_EQ(testing::spanned(report.diagnostics[2].span), "w\\u0061it");
  EXPECT_EQ(report.diagnostics[1].pointer, "/mainSteps/0/nextStep");
}

// --- SSM005 undeclared-parameter

TEST(SsmParameterRule, ReportsUndeclaredParameterWithSuggestion) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  FunctionName:
    type: String
mainSteps:
  - name: invoke
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: '{{ FunctionNam }}'
      Payload: '{"target": "{{ TARGET_ID }}", "fn": "{{FunctionName}}", "z": "{{ Zzz }}"}'
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM005 9:25", "SSM005 10:82"}));
  EXPECT_EQ(messages(report),
            (Messages{"{{FunctionNam}} names no parameter of this runbook; did you mean "
                      "\"FunctionName\"?",
                      "{{Zzz}} names no parameter of this runbook"}));
  const Diagnostic& d = report.diagnostics.at(0);
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(testing::spanned(d.span), "FunctionNam");
  EXPECT_EQ(d.pointer, "/mainSteps/0/inputs/FunctionName");
  EXPECT_EQ(d.help,
            "declare it under parameters (\"FunctionNam\": {\"type\": \"String\"}); SSM rejects a "
            "runbook that refers to an undeclared parameter");
}

TEST(SsmParameterRule, AcceptsPseudoParametersAndDeclaredOnes) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
assumeRole: '{{ AutomationAssumeRole }}'
parameters:
  AutomationAssumeRole:
    type: String
    default: ''
  InstanceId:
    type: String
mainSteps:
  - name: api
    action: aws:executeAwsApi
    timeoutSeconds: 60
    inputs:
      Service: ec2
      Api: DescribeInstances
      A: '{{ TARGET_ID }} {{RESOURCE_ID}} {{ WINDOW_EXECUTION_ID }} {{ InstanceId }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(SsmParameterRule, ReportsAParameterDefaultReferringToAnotherParameter) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  Base:
    type: String
    default: x
  Derived:
    type: String
    default: 'prefix-{{ Base }}'
  Missing:
    type: String
    default: '{{ Nowhere }}'
  Pseudo:
    type: String
    default: '{{ TARGET_ID }}'
mainSteps:
  - name: a
    action: aws:sleep
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM005 8:25", "SSM005 11:18"}));
  EXPECT_EQ(messages(report),
            (Messages{"the default of parameter \"Derived\" refers to parameter \"Base\": SSM does "
                      "not substitute parameters in defaults",
                      "{{Nowhere}} names no parameter of this runbook"}));
  EXPECT_EQ(report.diagnostics[0].help,
            "leave the default empty and use {{Base}} in the steps when it is empty, or write the "
            "value itself");
  EXPECT_EQ(report.diagnostics[0].pointer, "/parameters/Derived/default");
}

TEST(SsmParameterRule, JsonPositionsAfterEscapes) {
  const FileReport report = check_json(R"({
  "schemaVersion": "0.3",
  "parameters": {"Name": {"type": "String"}},
  "mainSteps": [
    {"name": "a", "action": "aws:executeAwsApi",
     "inputs": {"Service": "s", "Api": "a", "Message": "say \"hi\" \\ {{ Nme }} \t{{ Name }}"}}
  ]
})");
  EXPECT_EQ(finding_positions(report), Positions{"SSM005 6:74"});
  const Diagnostic& d = only_finding(report);
  EXPECT_EQ(d.message, "{{Nme}} names no parameter of this runbook; did you mean \"Name\"?");
  EXPECT_EQ(testing::spanned(d.span), "Nme");
  EXPECT_EQ(d.pointer, "/mainSteps/0/inputs/Message");
}

// --- SSM006 unknown-step-output

constexpr std::string_view kOutputsRunbook = R"(schemaVersion: '0.3'
mainSteps:
  - name: script
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: h
      Script: 'def h(e, c): return {}'
    outputs:
      - Name: Result
        Selector: $.Payload.result
        Type: String
  - name: use
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      A: '{{ script.Result }} {{ script.OutputPayload }}'
      B: '{{ scrpt.Result }}'
      C: '{{ script.Reslt }}'
      D: '{{ script.Missing }}'
      E: '{{ later.Output }}'
      F: '{{ use.Anything }}'
  - name: later
    action: aws:runCommand
    inputs:
      DocumentName: AWS-RunShellScript
      Parameters:
        commands: ['echo {{ script.Result }}']
  - name: final
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      Message: '{{ later.Output }} {{ later.CommandId }} {{ script.OutputPayload }}'
)";

TEST(SsmStepOutputRule, ReportsUnknownStepsOutputsAndStepsNotRunYet) {
  const FileReport report = check_yaml(kOutputsRunbook);
  EXPECT_EQ(finding_positions(report), (Positions{"SSM006 19:14", "SSM006 20:21", "SSM006 21:21",
                                                  "SSM006 22:14", "SSM006 23:18"}));
  EXPECT_EQ(
      messages(report),
      (Messages{
          "{{scrpt.Result}} refers to step \"scrpt\", but the runbook has no such step; did you "
          "mean \"script\"?",
          "step \"script\" (aws:executeScript) has no output \"Reslt\"; did you mean \"Result\"?",
          "step \"script\" (aws:executeScript) has no output \"Missing\"",
          "{{later.Output}} refers to step \"later\", which cannot have run when step \"use\" "
          "runs: no path through the runbook leads from one to the other",
          "step \"use\" (aws:executeAwsApi) has no output \"Anything\""}));
  EXPECT_EQ(report.diagnostics[1].help,
            "its outputs are OutputPayload, Result; declare others in the step's outputs");
  EXPECT_EQ(report.diagnostics[4].help,
            "aws:executeAwsApi has no built-in outputs; declare one in the step's outputs (Name, "
            "Selector, Type)");
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "scrpt");
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "Reslt");
  EXPECT_EQ(testing::spanned(report.diagnostics[3].span), "later");
  EXPECT_EQ(report.diagnostics[0].pointer, "/mainSteps/1/inputs/B");
}

TEST(SsmStepOutputRule, AStepCannotUseItsOwnOutputOutsideALoop) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: self
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: h
      Script: x
      InputPayload:
        v: '{{ self.OutputPayload }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM006 10:16"});
  EXPECT_EQ(only_finding(report).message,
            "{{self.OutputPayload}} refers to step \"self\", which cannot have run when step "
            "\"self\" runs: no path through the runbook leads from one to the other");
}

TEST(SsmStepOutputRule, AStepOnAnotherBranchCannotHaveRun) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  Mode:
    type: String
mainSteps:
  - name: choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: left
          Variable: '{{ Mode }}'
          StringEquals: l
      Default: right
  - name: left
    action: aws:runCommand
    isEnd: true
    inputs:
      DocumentName: AWS-RunShellScript
      Parameters:
        commands: [echo]
  - name: right
    action: aws:executeAwsApi
    inputs:
      Service: s
      Api: a
      M: '{{ left.Output }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM006 26:14"});
}

TEST(SsmStepOutputRule, AcceptsLoopOutputsAndInnerOutputsInTheLoopCondition) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: loop
    action: aws:loop
    inputs:
      Iterators: [a, b]
      LoopCondition:
        Variable: '{{ check.Done }}'
        StringEquals: 'yes'
      Steps:
        - name: check
          action: aws:executeScript
          inputs:
            Runtime: python3.11
            Handler: h
            Script: x
            InputPayload:
              item: '{{ loop.CurrentIteratorValue }}'
              n: '{{ loop.CurrentIteration }}'
              previous: '{{ check.Done }}'
          outputs:
            - Name: Done
              Selector: $.Payload.done
  - name: after
    action: aws:executeAwsApi
    inputs:
      Service: s
      Api: a
      M: '{{ check.Done }} {{ check.OutputPayload }} {{ loop.CurrentIteration }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(SsmStepOutputRule, AcceptsAnyOutputOfAnUndocumentedAction) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: custom
    action: aws:putServerUpgradeMetrics
  - name: use
    action: aws:executeAwsApi
    inputs:
      Service: s
      Api: a
      M: '{{ custom.Whatever }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{});
}

TEST(SsmStepOutputRule, ReportsAStepOutputInADefaultOrInAssumeRole) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
assumeRole: '{{ first.Out }}'
parameters:
  P:
    type: String
    default: '{{ first.Out }}'
variables:
  V:
    type: String
    default: 'v-{{ first.Out }}'
mainSteps:
  - name: first
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: h
      Script: x
    outputs:
      - Name: Out
        Selector: $.Payload
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM006 2:17", "SSM006 6:18", "SSM006 10:20"}));
  EXPECT_EQ(messages(report),
            (Messages{"{{first.Out}} refers to a step output in assumeRole, which is resolved "
                      "before any step runs",
                      "{{first.Out}} refers to a step output in a parameter default, which is "
                      "resolved before any step runs",
                      "{{first.Out}} refers to a step output in a variable default, which is "
                      "resolved before any step runs"}));
  EXPECT_EQ(report.diagnostics[1].help, "pass the value through a step's inputs instead");
}

TEST(SsmStepOutputRule, ReportsUnknownRunbookOutputs) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: report
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
    outputs:
      - Name: MessageId
        Selector: $.MessageId
outputs:
  - report.MessageId
  - report.Nope
  - ghost.Out
  - notAReference
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM006 13:12", "SSM006 14:5"}));
  EXPECT_EQ(messages(report),
            (Messages{"step \"report\" (aws:executeAwsApi) has no output \"Nope\"",
                      "\"ghost.Out\" refers to step \"ghost\", but the runbook has no such step"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "Nope");
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "ghost");
  EXPECT_EQ(report.diagnostics[1].pointer, "/outputs/2");
}

TEST(SsmStepOutputRule, JsonPositionsAfterEscapes) {
  const FileReport report = check_json(R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "script", "action": "aws:executeScript",
     "inputs": {"Runtime": "python3.11", "Handler": "h", "Script": "x"},
     "outputs": [{"Name": "Out", "Selector": "$.Payload"}]},
    {"name": "use", "action": "aws:executeAwsApi",
     "inputs": {"Service": "s", "Api": "a", "M": "\"{\\\"a\\\": {{ scrpt.Out }}}\" {{ script.0ut }}"}}
  ],
  "outputs": ["\u0073cript.Nope"]
})");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM006 8:68", "SSM006 8:94", "SSM006 10:28"}));
  EXPECT_EQ(messages(report),
            (Messages{"{{scrpt.Out}} refers to step \"scrpt\", but the runbook has no such step; "
                      "did you mean \"script\"?",
                      "step \"script\" (aws:executeScript) has no output \"0ut\"; did you mean "
                      "\"Out\"?",
                      "step \"script\" (aws:executeScript) has no output \"Nope\""}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "scrpt");
  EXPECT_EQ(testing::spanned(report.diagnostics[2].span), "Nope");
}

// --- SSM007 invalid-variable-reference

TEST(SsmVariableRule, ReportsBadPrefixedReferences) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
parameters:
  Role:
    type: String
    default: '{{ssm:/my/role-name}}'
variables:
  Count:
    type: Integer
    default: 0
  Path:
    type: String
    default: '{{ ssm:/my/path }}'
mainSteps:
  - name: api
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      A: '{{ global:REGON }} {{ global:ACCOUNT_ID }} {{global:AWS_PARTITION}}'
      B: '{{ automation:EXEC_ID }} {{ automation:EXECUTION_ID }}'
      C: '{{ variable:Cont }} {{ variable:Count }}'
      D: '{{ssm:/my/param}}'
      E: '{{ foo:bar }} {{ glbal:REGION }}'
      F: '{{ {{ Role }} }}'
)");
  EXPECT_EQ(finding_positions(report),
            (Positions{"SSM007 19:21", "SSM007 20:25", "SSM007 21:23", "SSM007 22:11",
                       "SSM007 23:14", "SSM007 23:28", "SSM007 24:11"}));
  EXPECT_EQ(
      messages(report),
      (Messages{"there is no global:REGON variable; did you mean \"REGION\"?",
                "there is no automation:EXEC_ID variable",
                "variable \"Cont\" is not declared; did you mean \"Count\"?",
                "{{ssm:...}} is allowed only in a parameter default: SSM rejects it here when the "
                "runbook is created",
                "\"foo:\" is not a reference prefix of SSM Automation",
                "\"glbal:\" is not a reference prefix of SSM Automation; did you mean \"global\"?",
                "references cannot be nested: SSM does not substitute {{ Role }} inside another "
                "reference"}));
  const std::vector<Diagnostic>& d = report.diagnostics;
  EXPECT_EQ(d[0].help,
            "the global: variables are ACCOUNT_ID, REGION, DATE, DATE_TIME, AWS_PARTITION");
  EXPECT_EQ(d[1].help, "the automation: variables are EXECUTION_ID");
  EXPECT_EQ(testing::spanned(d[0].span), "REGON");
  EXPECT_EQ(testing::spanned(d[2].span), "Cont");
  EXPECT_EQ(testing::spanned(d[3].span), "{{ssm:/my/param}}");
  EXPECT_EQ(testing::spanned(d[4].span), "foo");
  EXPECT_EQ(testing::spanned(d[6].span), "{{ {{ Role }} }}");
  EXPECT_EQ(d[6].help, "write {{ Role }} alone");
}

TEST(SsmVariableRule, ReportsUpdateVariableNames) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
variables:
  Count:
    type: Integer
    default: 0
mainSteps:
  - name: set
    action: aws:updateVariable
    inputs:
      Name: variable:Cont
      Value: 1
  - name: setBare
    action: aws:updateVariable
    inputs:
      Name: Count
      Value: 2
  - name: setOk
    action: aws:updateVariable
    inputs:
      Name: variable:Count
      Value: '{{ variable:Count }}'
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM007 10:22", "SSM007 15:13"}));
  EXPECT_EQ(messages(report),
            (Messages{"variable \"Cont\" is not declared; did you mean \"Count\"?",
                      "aws:updateVariable Name is \"Count\", but it takes variable:<name>"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "Cont");
  EXPECT_EQ(report.diagnostics[0].help,
            "declare it under variables (\"Cont\": {\"type\": \"String\"})");
  EXPECT_EQ(report.diagnostics[1].help, "write \"variable:Count\"");
  EXPECT_EQ(report.diagnostics[1].pointer, "/mainSteps/1/inputs/Name");
}

TEST(SsmVariableRule, JsonPositionsAfterEscapes) {
  const FileReport report = check_json(R"({
  "schemaVersion": "0.3",
  "variables": {"Count": {"type": "Integer", "default": 0}},
  "mainSteps": [
    {"name": "api", "action": "aws:executeAwsApi",
     "inputs": {"Service": "s", "Api": "a", "M": "\"\/\" {{global:REGON}} \u00e9 {{ variable:Cnt }} {{ {{ x }} }}"}},
    {"name": "set", "action": "aws:updateVariable", "inputs": {"Name": "v\u0061riable:Cont", "Value": 1}}
  ]
})");
  EXPECT_EQ(finding_positions(report),
            (Positions{"SSM007 6:67", "SSM007 6:94", "SSM007 6:101", "SSM007 7:87"}));
  EXPECT_EQ(messages(report),
            (Messages{"there is no global:REGON variable; did you mean \"REGION\"?",
                      "variable \"Cnt\" is not declared",
                      "references cannot be nested: SSM does not substitute {{ x }} inside "
                      "another reference",
                      "variable \"Cont\" is not declared; did you mean \"Count\"?"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "REGON");
  EXPECT_EQ(testing::spanned(report.diagnostics[2].span), "{{ {{ x }} }}");
  EXPECT_EQ(testing::spanned(report.diagnostics[3].span), "Cont");
}

// --- SSM106 invoke-output-unavailable

constexpr std::string_view kInvokeOutputsRunbook = R"(schemaVersion: '0.3'
parameters:
  Type:
    type: String
mainSteps:
  - name: event
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
      InvocationType: Event
  - name: dry
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
      InvocationType: DryRun
  - name: plain
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
  - name: tail
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
      LogType: Tail
  - name: dynamic
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
      InvocationType: '{{ Type }}'
  - name: use
    action: aws:executeAwsApi
    inputs:
      Service: sns
      Api: Publish
      A: '{{ event.Payload }}'
      B: '{{ dry.Payload }}'
      C: '{{ plain.LogResult }}'
      D: '{{ tail.LogResult }} {{ plain.Payload }} {{ dynamic.Payload }} {{ dynamic.LogResult }}'
      E: '{{ event.LogResult }} {{ event.StatusCode }}'
      F: '{{ plain.OutputPayload }}'
)";

TEST(SsmInvokeOutputRule, ReportsOutputsTheInvocationDoesNotReturn) {
  const FileReport report = check_yaml(kInvokeOutputsRunbook);
  EXPECT_EQ(finding_positions(report), (Positions{"SSM106 35:20", "SSM106 36:18", "SSM106 37:20",
                                                  "SSM106 39:20", "SSM106 40:20"}));
  EXPECT_EQ(
      messages(report),
      (Messages{"step \"event\" invokes with InvocationType Event, which returns no Payload",
                "step \"dry\" invokes with InvocationType DryRun, which returns no Payload",
                "step \"plain\" has no LogResult: its LogType is None",
                "step \"event\" has no LogResult: it invokes with InvocationType Event",
                "OutputPayload is an output of aws:executeScript, not of aws:invokeLambdaFunction "
                "(step \"plain\")"}));
  const std::vector<Diagnostic>& d = report.diagnostics;
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(d[i].severity, Severity::Error) << i;
  EXPECT_EQ(d[4].severity, Severity::Warning);
  EXPECT_EQ(testing::spanned(d[0].span), "Payload");
  EXPECT_EQ(testing::spanned(d[2].span), "LogResult");
  EXPECT_EQ(testing::spanned(d[4].span), "OutputPayload");
  EXPECT_EQ(d[0].help,
            "invoke with InvocationType RequestResponse (the default) to use the function's "
            "response");
  EXPECT_EQ(d[2].help,
            "LogResult (the last 4 KB of the log, base64) needs LogType Tail with InvocationType "
            "RequestResponse");
}

TEST(SsmInvokeOutputRule, ReportsInRunbookOutputsToo) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: event
    action: aws:invokeLambdaFunction
    inputs:
      FunctionName: f
      InvocationType: Event
      LogType: Tail
outputs:
  - event.Payload
  - event.LogResult
  - event.StatusCode
)");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM106 10:11", "SSM106 11:11"}));
  EXPECT_EQ(messages(report),
            (Messages{"step \"event\" invokes with InvocationType Event, which returns no Payload",
                      "step \"event\" has no LogResult: it invokes with InvocationType Event"}));
}

TEST(SsmInvokeOutputRule, JsonPositionsAfterEscapes) {
  const FileReport report = check_json(R"({
  "schemaVersion": "0.3",
  "mainSteps": [
    {"name": "invoke", "action": "aws:invokeLambdaFunction",
     "inputs": {"FunctionName": "f", "InvocationType": "Ev\u0065nt"}},
    {"name": "use", "action": "aws:executeAwsApi",
     "inputs": {"Service": "s", "Api": "a", "M": "\"\" {{ invoke.Payload }}\n{{ invoke.LogResult }}"}}
  ]
})");
  EXPECT_EQ(finding_positions(report), (Positions{"SSM106 7:66", "SSM106 7:88"}));
  EXPECT_EQ(messages(report),
            (Messages{"step \"invoke\" invokes with InvocationType Event, which returns no Payload",
                      "step \"invoke\" has no LogResult: it invokes with InvocationType Event"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "LogResult");
}

// --- Where references are read

TEST(SsmReferenceSites, ScriptBodiesAndDescriptionsAreNotRead) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
description: 'Top {{ Nope }}'
mainSteps:
  - name: script
    action: aws:executeScript
    description: 'Uses {{ Undeclared }} and {{ ghost.Out }} and {{ global:NOPE }}'
    inputs:
      Runtime: python3.11
      Handler: h
      Script: |
        def h(e, c):
            return f"{{x}} {{ y.z }} {{ssm:/p}} {{ {{q}} }}"
      InputPayload:
        read: '{{ Undeclared }}'
)");
  // Only the InputPayload reference, which shows the step's inputs are read.
  EXPECT_EQ(finding_positions(report), Positions{"SSM005 14:19"});
  EXPECT_EQ(only_finding(report).message, "{{Undeclared}} names no parameter of this runbook");
}

TEST(SsmReferenceSites, ScriptOfAnotherActionIsRead) {
  const FileReport report = check_yaml(R"(schemaVersion: '0.3'
mainSteps:
  - name: api
    action: aws:executeAwsApi
    inputs:
      Service: s
      Api: a
      Script: '{{ Undeclared }}'
)");
  EXPECT_EQ(finding_positions(report), Positions{"SSM005 8:19"});
}

}  // namespace
}  // namespace wflint
