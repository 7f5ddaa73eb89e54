// The JSN rules: syntax errors and delimiters (JSN001, JSN002), functions and their arguments
// (JSN003, JSN004), $states and the implicit input (JSN005, JSN006), JSONPath left in JSONata
// states (JSN007), and the variables' flow and scopes (JSN008 to JSN010).
#include <gtest/gtest.h>

#include "test_support.h"

namespace wflint {
namespace {

using testing::check_text;
using testing::finding_positions;

FileReport check_jsn(const std::string& name, std::string_view text) {
  std::string error;
  CheckOptions options{*RuleFilter::parse("JSN", "", error), std::nullopt};
  return check_text(name, text, Origin::Explicit, options);
}

std::vector<std::string> underlined(const std::string& name, std::string_view text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_jsn(name, text).diagnostics)
    out.push_back(std::string(d.rule_id) + " " + std::string(testing::spanned(d.span)));
  return out;
}

TEST(JsonataSyntaxErrorTest, UnderlinesTheCharacterInsideTheString) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": {"n": "{% 10 + * 2 %}"}, "End": true}}})";
  const FileReport report = check_jsn("t.json", machine);
  ASSERT_EQ(finding_positions(report), std::vector<std::string>{"JSN001 2:52"});
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "*");
}

TEST(JsonataSyntaxErrorTest, PositionsSurviveJsonEscapes) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": "{% \"a\\n\" & ) %}", "End": true}}})";
  EXPECT_EQ(underlined("t.json", machine), std::vector<std::string>{"JSN001 )"});
}

TEST(JsonataSyntaxErrorTest, YamlScalars) {
  const char* machine =
      "QueryLanguage: JSONata\n"
      "StartAt: P\n"
      "States:\n"
      "  P:\n"
      "    Type: Pass\n"
      "    Output: '{% $sum($states.input.items %}'\n"
      "    End: true\n";
  const FileReport report = check_jsn("t.yaml", machine);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].rule_id, "JSN001");
  EXPECT_EQ(locate(report.diagnostics[0].span).begin.line, 6u);
}

TEST(JsonataSyntaxErrorTest, EveryJsonataFieldAtAnyDepth) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [{"Condition": "{% $x = %}", "Next": "T"}], "Default": "T"},
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"Payload": {"ids": ["{% ( %}"]}},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% [ %}", "Next": "F"}],
          "End": true},
    "F": {"Type": "Fail", "Error": "{% $states.input. %}"}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)),
            (std::vector<std::string>{"JSN001 2:64", "JSN001 4:51", "JSN001 5:69", "JSN001 7:55"}));
}

TEST(JsonataSyntaxErrorTest, NestedStatesFollowTheirOwnQueryLanguage) {
  const char* machine = R"({"StartAt": "M", "States": {
    "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "J", "States": {
      "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% ) %}", "End": true}}}},
    "Literal": {"Type": "Pass", "Result": "{% ) %}", "End": true}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)),
            std::vector<std::string>{"JSN001 3:71"});
}

TEST(JsonataSyntaxErrorTest, ConstantsCommentsAndPlaceholdersAreNotExpressions) {
  const char* machine = R"({"QueryLanguage": "JSONata", "Comment": "write {% expr %}",
    "StartAt": "C", "States": {
    "C": {"Type": "Choice", "Comment": "{% not an expression",
          "Choices": [{"Condition": "{% ${Enabled} = true %}", "Next": "D", "Comment": "{% x"}],
          "Default": "D"},
    "D": {"Type": "Succeed"}}})";
  EXPECT_EQ(finding_positions(check_jsn("t.json", machine)), std::vector<std::string>{});
}

TEST(MalformedExpressionDelimitersTest, OneDelimiterOnly) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": {"a": "{% $states.input.a %", "b": "$states.input.b %}",
          "c": "{%}", "d": "100 %", "e": "{% 1 %}"}, "End": true}}})";
  const FileReport report = check_jsn("t.json", machine);
  EXPECT_EQ(finding_positions(report),
            (std::vector<std::string>{"JSN002 2:43", "JSN002 2:72", "JSN002 3:16"}));
  EXPECT_NE(report.diagnostics[0].message.find("does not end with \"%}\""), std::string::npos);
  EXPECT_NE(report.diagnostics[1].message.find("does not start with \"{%\""), std::string::npos);
}

// "RULE text" for every finding of the rules selected by `select`.
std::vector<std::string> underlined_by(const std::string& select, std::string_view text) {
  std::string error;
  CheckOptions options{*RuleFilter::parse(select, "", error), std::nullopt};
  std::vector<std::string> out;
  for (const Diagnostic& d : check_text("t.json", text, Origin::Explicit, options).diagnostics)
    out.push_back(std::string(d.rule_id) + " " + std::string(testing::spanned(d.span)));
  return out;
}

FileReport check_rule(const std::string& select, std::string_view text) {
  std::string error;
  CheckOptions options{*RuleFilter::parse(select, "", error), std::nullopt};
  return check_text("t.json", text, Origin::Explicit, options);
}

// A JSONata machine with one Pass state whose Output is `output` (a JSON value).
std::string pass_output(std::string_view output) {
  return R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Output": )" +
         std::string(output) + R"(, "End": true}}})";
}

using Strings = std::vector<std::string>;

TEST(UnknownFunctionTest, UnderlinesTheNameAndSuggests) {
  const FileReport report = check_rule(
      "JSN003",
      pass_output(R"({"a": "{% $substr($states.input.s, 1) %}", "b": "{% $Sum([1]) %}"})"));
  ASSERT_EQ(finding_positions(report), (Strings{"JSN003 2:47", "JSN003 2:89"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "$substr");
  EXPECT_NE(report.diagnostics[0].help.find("$substring"), std::string::npos);
  EXPECT_NE(report.diagnostics[1].help.find("$sum"), std::string::npos);
}

TEST(UnknownFunctionTest, EvalIsNotOffered) {
  const FileReport report = check_rule("JSN003", pass_output(R"("{% $eval('1 + 1') %}")"));
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_NE(report.diagnostics[0].message.find("Step Functions does not offer"), std::string::npos);
  EXPECT_NE(report.diagnostics[0].help.find("$parse"), std::string::npos);
}

TEST(UnknownFunctionTest, LocalFunctionsAndStepFunctionsAdditionsAreKnown) {
  EXPECT_EQ(underlined_by("JSN003", pass_output(R"({
      "a": "{% ($f := function($x) { $x + 1 }; $f(1)) %}",
      "b": "{% (function($g) { $g(2) })($string) %}",
      "c": "{% [$uuid(), $parse('1'), $hash('a', 'MD5'), $partition([1], 1)] %}",
      "d": "{% $states.input.items ~> $map(function($v) { $v }) %}"})")),
            Strings{});
}

TEST(UnknownFunctionTest, ChainedFunctionReference) {
  EXPECT_EQ(underlined_by("JSN003", pass_output(R"("{% $states.input.s ~> $trimm %}")")),
            Strings{"JSN003 $trimm"});
}

TEST(WrongArgumentCountTest, TooFewAndTooMany) {
  const FileReport report =
      check_rule("JSN004", pass_output(R"({"a": "{% $partition($states.input.items) %}",
      "b": "{% $uuid(1) %}"})"));
  ASSERT_EQ(finding_positions(report), (Strings{"JSN004 2:47", "JSN004 3:16"}));
  EXPECT_NE(report.diagnostics[0].message.find("called with 1 argument but takes 2 arguments"),
            std::string::npos);
  EXPECT_NE(report.diagnostics[0].help.find("an array and a number"), std::string::npos);
  EXPECT_NE(report.diagnostics[1].message.find("takes 0 arguments"), std::string::npos);
}

TEST(WrongArgumentCountTest, ChainsPlaceholdersAndContextArguments) {
  EXPECT_EQ(underlined_by("JSN004", pass_output(R"({
      "a": "{% $states.input.items ~> $partition(2) %}",
      "b": "{% $substring(?, 0, 3) %}",
      "c": "{% $states.input.name.$uppercase() %}",
      "d": "{% $states.input.s ~> $uppercase %}",
      "e": "{% ($sum := function() { 0 }; $sum()) %}"})")),
            Strings{});
  EXPECT_EQ(
      underlined_by("JSN004", pass_output(R"("{% $states.input.s ~> $substring(1, 2, 3) %}")")),
      Strings{"JSN004 $substring"});
}

TEST(UnavailableStatesFieldTest, ResultOnlyInTopLevelOutputAndAssignOfTasks) {
  const char* machine = R"({"QueryLanguage": "JSONata", "StartAt": "T", "States": {
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"Payload": "{% $states.result %}"},
          "Output": "{% $states.result.Payload %}",
          "Assign": {"r": "{% $states.result %}"},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.result %}",
                     "Assign": {"e": "{% $states.errorOutput %}"}, "Next": "P"}],
          "Next": "P"},
    "P": {"Type": "Pass", "Output": "{% $states.errorOutput %}", "End": true}}})";
  const FileReport report = check_rule("JSN005", machine);
  EXPECT_EQ(finding_positions(report), (Strings{"JSN005 3:40", "JSN005 6:67", "JSN005 9:41"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "$states.result");
  EXPECT_NE(report.diagnostics[0].message.find("before the state produces its result"),
            std::string::npos);
  EXPECT_EQ(testing::spanned(report.diagnostics[2].span), "$states.errorOutput");
}

TEST(UnavailableStatesFieldTest, UnknownMemberAndAssignment) {
  const FileReport report = check_rule(
      "JSN005", pass_output(R"({"a": "{% $states.inputs.id %}", "b": "{% ($states := 1; 2) %}"})"));
  ASSERT_EQ(report.diagnostics.size(), 2u);
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "$states.inputs");
  EXPECT_NE(report.diagnostics[0].help.find("$states.input"), std::string::npos);
  EXPECT_NE(report.diagnostics[1].message.find("read-only"), std::string::npos);
}

TEST(ImplicitInputReferenceTest, TopLevelReferences) {
  const FileReport report = check_rule("JSN006", pass_output(R"({
      "a": "{% $.order.id %}", "b": "{% $$.Execution.Id %}",
      "c": "{% order.id %}", "d": "{% $sum(items.price) %}"})"));
  ASSERT_EQ(finding_positions(report),
            (Strings{"JSN006 3:16", "JSN006 3:41", "JSN006 4:16", "JSN006 4:44"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "$");
  EXPECT_NE(report.diagnostics[0].help.find("$states.input.order.id"), std::string::npos);
  EXPECT_EQ(testing::spanned(report.diagnostics[1].span), "$$");
  EXPECT_NE(report.diagnostics[1].help.find("$states.context.Execution.Id"), std::string::npos);
  EXPECT_EQ(testing::spanned(report.diagnostics[2].span), "order");
  EXPECT_NE(report.diagnostics[2].help.find("$states.input.order.id"), std::string::npos);
  EXPECT_EQ(testing::spanned(report.diagnostics[3].span), "items");
}

TEST(ImplicitInputReferenceTest, NestedNamesAreFine) {
  EXPECT_EQ(underlined_by("JSN006", pass_output(R"({
      "a": "{% $states.input.items[price > 10].id %}",
      "b": "{% $map($states.input.items, function($v) { $v.a }) %}",
      "c": "{% $states.input.items^(>price).name %}",
      "d": "{% $states.input.items{category: $sum(price)} %}",
      "e": "{% ($x := $states.input; $x.a) %}"})")),
            Strings{});
}

TEST(JsonpathInJsonataStateTest, DollarKeysPathsAndIntrinsics) {
  const char* machine = R"j({"QueryLanguage": "JSONata", "StartAt": "P", "States": {
    "P": {"Type": "Pass", "Assign": {"total": 1}, "Next": "T"},
    "T": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
          "Arguments": {"id.$": "$.id", "exec": "$$.Execution.Id",
                        "m": "States.Format('{}', $.a)", "t": "$total", "price": "$USD",
                        "ok": "{% $total %}"},
          "End": true}}})j";
  const FileReport report = check_rule("JSN007", machine);
  ASSERT_EQ(finding_positions(report),
            (Strings{"JSN007 4:25", "JSN007 4:49", "JSN007 5:30", "JSN007 5:63"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "\"id.$\"");
  EXPECT_NE(report.diagnostics[0].help.find("{% $states.input.id %}"), std::string::npos);
  EXPECT_NE(report.diagnostics[1].help.find("{% $states.context.Execution.Id %}"),
            std::string::npos);
  EXPECT_NE(report.diagnostics[3].help.find("{% $total %}"), std::string::npos);
}

TEST(JsonpathInJsonataStateTest, JsonpathStatesAreNotConcerned) {
  const char* machine = R"({"StartAt": "P", "States": {
    "P": {"Type": "Pass", "Parameters": {"id.$": "$.id"}, "End": true}}})";
  EXPECT_EQ(underlined_by("JSN007", machine), Strings{});
}

// A machine of states `states` (JSON members) starting at `start`.
std::string machine_of(std::string_view start, std::string_view states) {
  return R"({"QueryLanguage": "JSONata", "StartAt": ")" + std::string(start) + R"(", "States": {)" +
         std::string(states) + "}}";
}

TEST(UndefinedVariableTest, NeverAssignedAndAssignedLater) {
  const std::string machine = machine_of("A", R"(
    "A": {"Type": "Pass", "Output": {"x": "{% $late %}", "y": "{% $nowhere %}"}, "Next": "B"},
    "B": {"Type": "Pass", "Assign": {"late": 1}, "Output": "{% $late %}", "Next": "C"},
    "C": {"Type": "Pass", "Output": "{% $late %}", "End": true})");
  const FileReport report = check_rule("JSN008", machine);
  ASSERT_EQ(finding_positions(report), (Strings{"JSN008 2:47", "JSN008 2:67", "JSN008 3:64"}));
  EXPECT_EQ(testing::spanned(report.diagnostics[0].span), "$late");
  EXPECT_NE(report.diagnostics[0].message.find("no path to that state"), std::string::npos);
  EXPECT_NE(report.diagnostics[1].message.find("no state assigns it"), std::string::npos);
}

TEST(UndefinedVariableTest, LoopsCatchersChoiceRulesAndOuterScopes) {
  const std::string machine = machine_of("Init", R"(
    "Init": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "Loop"},
    "Loop": {"Type": "Choice", "Choices": [{"Condition": "{% $n > 3 %}", "Next": "T",
             "Assign": {"picked": true}}], "Default": "Count"},
    "Count": {"Type": "Pass", "Assign": {"n": "{% $n + 1 %}"}, "Next": "Loop"},
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"p": "{% $picked %}"},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err": "{% $states.errorOutput %}"},
                     "Next": "M"}], "Next": "M"},
    "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "Output": "{% [$outer, $err, $states.input] %}",
                  "End": true}}}, "End": true})");
  // $n is read on the first visit of Loop before Count assigns it, but a path through Count
  // reaches Loop again: the rule reports only reads no path can define.
  EXPECT_EQ(underlined_by("JSN008", machine), Strings{});
}

TEST(UndefinedVariableTest, JsonPathReadsAndLocalBindings) {
  const char* machine = R"({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Parameters": {"v.$": "$missing.field", "w.$": "$$.Execution.Id"},
          "Next": "B"},
    "B": {"Type": "Pass", "QueryLanguage": "JSONata",
          "Output": "{% ($local := 1; $map([1], function($i) { $i + $local })) %}", "End": true}}})";
  EXPECT_EQ(underlined_by("JSN008", machine), Strings{"JSN008 $missing"});
}

TEST(VariableNotInScopeTest, ReadOutsideTheBranchThatAssigns) {
  const std::string machine = machine_of("Par", R"(
    "Par": {"Type": "Parallel", "Branches": [
        {"StartAt": "In", "States": {"In": {"Type": "Pass", "Assign": {"inner": 1}, "Next": "Use"},
                                     "Use": {"Type": "Pass", "Output": "{% $inner %}", "End": true}}},
        {"StartAt": "Other", "States": {"Other": {"Type": "Pass", "Output": "{% $inner %}",
                                                  "End": true}}}],
      "Next": "After"},
    "After": {"Type": "Pass", "Output": "{% $inner %}", "End": true})");
  const FileReport report = check_rule("JSN009", machine);
  ASSERT_EQ(finding_positions(report), (Strings{"JSN009 5:81", "JSN009 8:45"}));
  EXPECT_NE(report.diagnostics[1].message.find("only inside a branch of Parallel \"Par\""),
            std::string::npos);
  ASSERT_EQ(report.diagnostics[1].related.size(), 1u);
}

TEST(VariableNotInScopeTest, DistributedMapCannotReadOuterVariables) {
  const std::string machine = machine_of("Init", R"(
    "Init": {"Type": "Pass", "Assign": {"bucket": "b"}, "Next": "M"},
    "M": {"Type": "Map", "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "I", "States": {
              "I": {"Type": "Pass", "Output": "{% $bucket %}", "End": true}}},
          "Output": "{% $bucket %}", "End": true})");
  const FileReport report = check_rule("JSN009", machine);
  ASSERT_EQ(underlined_by("JSN009", machine), Strings{"JSN009 $bucket"});
  EXPECT_NE(report.diagnostics[0].message.find("Distributed Map \"M\""), std::string::npos);
}

TEST(VariableNotInScopeTest, NestedScopeMustNotAssignAnOuterName) {
  const std::string machine = machine_of("Init", R"(
    "Init": {"Type": "Pass", "Assign": {"count": 0}, "Next": "M"},
    "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "Assign": {"count": 1, "own": 2},
                  "Output": "{% $count + $own %}", "Next": "J"},
            "J": {"Type": "Pass", "Output": "{% $own %}", "End": true}}},
          "Output": "{% $count %}", "End": true})");
  EXPECT_EQ(underlined_by("JSN009", machine), Strings{"JSN009 \"count\""});
}

TEST(UnusedVariableTest, AssignedLastOrNeverRead) {
  const std::string machine = machine_of("A", R"(
    "A": {"Type": "Pass", "Assign": {"used": 1, "unused": 2}, "Next": "B"},
    "B": {"Type": "Pass", "Output": "{% $used %}", "Assign": {"last": 3}, "End": true})");
  EXPECT_EQ(underlined_by("JSN010", machine), (Strings{"JSN010 \"unused\"", "JSN010 \"last\""}));
}

TEST(UnusedVariableTest, ReadsInNestedScopesLoopsJsonPathAndUnparsedText) {
  const char* machine = R"j({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
    "A": {"Type": "Pass", "Assign": {"a": 1, "b": 2, "c": 3, "d": 4}, "Next": "Loop"},
    "Loop": {"Type": "Pass", "Assign": {"i": "{% $i + 1 %}"}, "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $i < $b %}", "Next": "Loop"}],
              "Default": "M"},
    "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "Output": "{% $a %}", "End": true}}}, "Next": "J"},
    "J": {"Type": "Pass", "QueryLanguage": "JSONPath",
          "Parameters": {"x.$": "States.Format('{}', $c)"}, "Next": "K"},
    "K": {"Type": "Pass", "Output": "{% $d + %}", "End": true}}})j";
  EXPECT_EQ(underlined_by("JSN010", machine), Strings{});
}

}  // namespace
}  // namespace wflint
