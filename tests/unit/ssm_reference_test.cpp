// The pieces the SSM reference rules stand on: lang::find_ssm_references and split_step_output
// (src/lang/ssm_reference.h), ssm::find_action (src/model/ssm/actions.h) and
// analysis::StepOrder::may_run_before (src/analysis/step_order.h).
#include "lang/ssm_reference.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/step_order.h"
#include "model/ssm/actions.h"
#include "model/ssm/runbook.h"
#include "test_support.h"

namespace wflint {
namespace {

using lang::find_ssm_references;
using lang::SsmReference;
using Kind = SsmReference::Kind;

// --- lang::find_ssm_references

TEST(SsmReferenceParse, FindsAParameter) {
  const std::vector<SsmReference> refs = find_ssm_references("{{Name}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Parameter);
  EXPECT_EQ(refs[0].name, "Name");
  EXPECT_EQ(refs[0].name_offset, 2u);
  EXPECT_EQ(refs[0].offset, 0u);
  EXPECT_EQ(refs[0].length, 8u);
  EXPECT_TRUE(refs[0].output.empty());
  EXPECT_TRUE(refs[0].prefix.empty());
}

TEST(SsmReferenceParse, FindsAStepOutputWithOffsets) {
  //                                                    0123456789012345678901
  const std::vector<SsmReference> refs = find_ssm_references("id={{ getIt.Payload }}!");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::StepOutput);
  EXPECT_EQ(refs[0].offset, 3u);
  EXPECT_EQ(refs[0].length, 19u);
  EXPECT_EQ(refs[0].name, "getIt");
  EXPECT_EQ(refs[0].name_offset, 6u);
  EXPECT_EQ(refs[0].output, "Payload");
  EXPECT_EQ(refs[0].output_offset, 12u);
}

TEST(SsmReferenceParse, StepOutputKeepsEveryDotAfterTheFirst) {
  const std::vector<SsmReference> refs = find_ssm_references("{{step.Out.Inner}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::StepOutput);
  EXPECT_EQ(refs[0].name, "step");
  EXPECT_EQ(refs[0].output, "Out.Inner");
  EXPECT_EQ(refs[0].output_offset, 7u);
}

TEST(SsmReferenceParse, AllowsBlanksAndTabsInsideTheBraces) {
  const std::vector<SsmReference> refs = find_ssm_references("{{ \tName  \t}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Parameter);
  EXPECT_EQ(refs[0].name, "Name");
  EXPECT_EQ(refs[0].name_offset, 4u);
  EXPECT_EQ(refs[0].offset, 0u);
  EXPECT_EQ(refs[0].length, 13u);
}

TEST(SsmReferenceParse, FindsPrefixedReferences) {
  const std::vector<SsmReference> refs = find_ssm_references(
      "{{global:REGION}} {{ automation:EXECUTION_ID }} {{variable:my_var}} "
      "{{ssm:/path/to-param.v2}}");
  ASSERT_EQ(refs.size(), 4u);
  for (const SsmReference& ref : refs)
    EXPECT_EQ(ref.kind, Kind::Prefixed);
  EXPECT_EQ(refs[0].prefix, "global");
  EXPECT_EQ(refs[0].name, "REGION");
  EXPECT_EQ(refs[0].name_offset, 9u);
  EXPECT_EQ(refs[0].offset, 0u);
  EXPECT_EQ(refs[0].length, 17u);
  EXPECT_EQ(refs[1].prefix, "automation");
  EXPECT_EQ(refs[1].name, "EXECUTION_ID");
  EXPECT_EQ(refs[1].offset, 18u);
  EXPECT_EQ(refs[1].name_offset, 32u);
  EXPECT_EQ(refs[1].length, 29u);
  EXPECT_EQ(refs[2].prefix, "variable");
  EXPECT_EQ(refs[2].name, "my_var");
  EXPECT_EQ(refs[2].offset, 48u);
  EXPECT_EQ(refs[2].name_offset, 59u);
  EXPECT_EQ(refs[3].prefix, "ssm");
  EXPECT_EQ(refs[3].name, "/path/to-param.v2");
  EXPECT_EQ(refs[3].offset, 68u);
  EXPECT_EQ(refs[3].name_offset, 74u);
  EXPECT_EQ(refs[3].length, 25u);
}

TEST(SsmReferenceParse, SsmNameMayHoldColons) {
  const std::vector<SsmReference> refs =
      find_ssm_references("{{ssm:arn:aws:ssm:us-east-1:123456789012:parameter/p}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].prefix, "ssm");
  EXPECT_EQ(refs[0].name, "arn:aws:ssm:us-east-1:123456789012:parameter/p");
}

TEST(SsmReferenceParse, FindsANestedReference) {
  const std::vector<SsmReference> refs = find_ssm_references("a {{ {{Inner}} }} b");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Nested);
  EXPECT_EQ(refs[0].name, "{{Inner}}");
  EXPECT_EQ(refs[0].name_offset, 5u);
  EXPECT_EQ(refs[0].offset, 2u);
  EXPECT_EQ(refs[0].length, 15u);
}

TEST(SsmReferenceParse, NestedWithoutBlanks) {
  const std::vector<SsmReference> refs = find_ssm_references("{{{{x}}}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Nested);
  EXPECT_EQ(refs[0].name, "{{x}}");
  EXPECT_EQ(refs[0].offset, 0u);
  EXPECT_EQ(refs[0].length, 9u);
}

TEST(SsmReferenceParse, NestingIsReadOneLevelDeep) {
  const std::vector<SsmReference> refs = find_ssm_references("{{ {{ {{x}} }} }}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Nested);
  EXPECT_EQ(refs[0].name, "{{x}}");
  EXPECT_EQ(refs[0].offset, 3u);
}

// Found by fuzz_ssm_reference: every "{{" read the ones after it recursively, so a long run of
// braces took quadratic time and as many stack frames as braces (a crash at a few megabytes).
TEST(SsmReferenceParse, LongRunsOfOpeningBracesAreNoReference) {
  std::string braces;
  for (int i = 0; i < 500'000; ++i)
    braces += "{{ ";
  EXPECT_EQ(find_ssm_references(braces).size(), 0u);
}

TEST(SsmReferenceParse, IgnoresTextThatIsNotAReference) {
  EXPECT_TRUE(find_ssm_references("{{{}}}").empty());
  EXPECT_TRUE(find_ssm_references("{{ .Values }}").empty());
  EXPECT_TRUE(find_ssm_references("{{}}").empty());
  EXPECT_TRUE(find_ssm_references("{{ }}").empty());
  EXPECT_TRUE(find_ssm_references("{{x").empty());
  EXPECT_TRUE(find_ssm_references("{{x}").empty());
  EXPECT_TRUE(find_ssm_references("{{x y}}").empty());
  EXPECT_TRUE(find_ssm_references("{{-x}}").empty());
  EXPECT_TRUE(find_ssm_references("{x}").empty());
  EXPECT_TRUE(find_ssm_references("").empty());
  EXPECT_TRUE(find_ssm_references("no braces at all").empty());
}

TEST(SsmReferenceParse, AnUnclosedReferenceDoesNotHideTheNextOne) {
  const std::vector<SsmReference> refs = find_ssm_references("{{x {{Y}}");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, Kind::Parameter);
  EXPECT_EQ(refs[0].name, "Y");
  EXPECT_EQ(refs[0].offset, 4u);
  EXPECT_EQ(refs[0].name_offset, 6u);
}

TEST(SsmReferenceParse, FindsSeveralReferencesInOrderWithExactOffsets) {
  //                   0         1         2         3         4
  //                   01234567890123456789012345678901234567890123456
  const char* text = R"({"a": "{{A}}", "b": "{{ s.O }}", "c": "{{global:DATE}}"})";
  const std::vector<SsmReference> refs = find_ssm_references(text);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].kind, Kind::Parameter);
  EXPECT_EQ(refs[0].name, "A");
  EXPECT_EQ(refs[0].offset, 7u);
  EXPECT_EQ(refs[0].length, 5u);
  EXPECT_EQ(refs[0].name_offset, 9u);
  EXPECT_EQ(refs[1].kind, Kind::StepOutput);
  EXPECT_EQ(refs[1].name, "s");
  EXPECT_EQ(refs[1].output, "O");
  EXPECT_EQ(refs[1].offset, 21u);
  EXPECT_EQ(refs[1].length, 9u);
  EXPECT_EQ(refs[1].name_offset, 24u);
  EXPECT_EQ(refs[1].output_offset, 26u);
  EXPECT_EQ(refs[2].kind, Kind::Prefixed);
  EXPECT_EQ(refs[2].prefix, "global");
  EXPECT_EQ(refs[2].name, "DATE");
  EXPECT_EQ(refs[2].offset, 39u);
  EXPECT_EQ(refs[2].length, 15u);
  EXPECT_EQ(refs[2].name_offset, 48u);
}

TEST(SsmReferenceParse, AdjacentReferences) {
  const std::vector<SsmReference> refs = find_ssm_references("{{A}}{{B}}");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].name, "A");
  EXPECT_EQ(refs[0].offset, 0u);
  EXPECT_EQ(refs[1].name, "B");
  EXPECT_EQ(refs[1].offset, 5u);
  EXPECT_EQ(refs[1].name_offset, 7u);
}

// --- lang::split_step_output

TEST(SsmReferenceSplit, SplitsAtTheFirstDot) {
  std::string_view step;
  std::string_view output;
  ASSERT_TRUE(lang::split_step_output("Step.Output", step, output));
  EXPECT_EQ(step, "Step");
  EXPECT_EQ(output, "Output");
  ASSERT_TRUE(lang::split_step_output("a.b.c", step, output));
  EXPECT_EQ(step, "a");
  EXPECT_EQ(output, "b.c");
}

TEST(SsmReferenceSplit, RejectsTextNotOfThatForm) {
  std::string_view step = "unchanged";
  std::string_view output = "unchanged";
  EXPECT_FALSE(lang::split_step_output("NoDot", step, output));
  EXPECT_FALSE(lang::split_step_output(".Output", step, output));
  EXPECT_FALSE(lang::split_step_output("Step.", step, output));
  EXPECT_FALSE(lang::split_step_output("", step, output));
  EXPECT_EQ(step, "unchanged");
  EXPECT_EQ(output, "unchanged");
}

// --- ssm::find_action

TEST(SsmReferenceAction, FindsKnownActionsWithTheirOutputs) {
  const ssm::ActionInfo* invoke = ssm::find_action("aws:invokeLambdaFunction");
  ASSERT_NE(invoke, nullptr);
  EXPECT_EQ(invoke->name, "aws:invokeLambdaFunction");
  const std::vector<std::string_view> outputs(invoke->outputs.begin(), invoke->outputs.end());
  EXPECT_EQ(outputs,
            (std::vector<std::string_view>{"StatusCode", "FunctionError", "LogResult", "Payload"}));
  EXPECT_TRUE(invoke->may_be_cancel_target);

  const ssm::ActionInfo* sleep = ssm::find_action("aws:sleep");
  ASSERT_NE(sleep, nullptr);
  EXPECT_FALSE(sleep->may_be_cancel_target);
  EXPECT_TRUE(sleep->outputs.empty());

  const ssm::ActionInfo* script = ssm::find_action("aws:executeScript");
  ASSERT_NE(script, nullptr);
  ASSERT_EQ(script->outputs.size(), 1u);
  EXPECT_EQ(script->outputs[0], "OutputPayload");
}

TEST(SsmReferenceAction, UnknownActionsAreNotFound) {
  EXPECT_EQ(ssm::find_action("aws:invokeLambda"), nullptr);
  EXPECT_EQ(ssm::find_action("aws:InvokeLambdaFunction"), nullptr);
  EXPECT_EQ(ssm::find_action(""), nullptr);
  EXPECT_EQ(ssm::find_action("aws:"), nullptr);
  EXPECT_EQ(ssm::find_action("zzz"), nullptr);
  EXPECT_EQ(ssm::find_action("aws:putServerUpgradeMetrics"), nullptr);
  EXPECT_TRUE(ssm::is_undocumented_aws_action("aws:putServerUpgradeMetrics"));
  EXPECT_FALSE(ssm::is_undocumented_aws_action("aws:sleep"));
}

TEST(SsmReferenceAction, TheTableIsSortedAndEveryNameFindsItself) {
  const std::span<const ssm::ActionInfo> actions = ssm::documented_actions();
  const std::span<const std::string_view> names = ssm::documented_action_names();
  ASSERT_EQ(actions.size(), names.size());
  ASSERT_FALSE(actions.empty());
  for (std::size_t i = 0; i < actions.size(); ++i) {
    EXPECT_EQ(names[i], actions[i].name);
    if (i > 0) {
      EXPECT_LT(actions[i - 1].name, actions[i].name) << "at " << actions[i].name;
    }
    EXPECT_EQ(ssm::find_action(actions[i].name), &actions[i]) << actions[i].name;
  }
}

// --- analysis::StepOrder::may_run_before

// A runbook loaded from YAML with its step order.
struct Ordered {
  explicit Ordered(std::string_view text)
      : loaded(testing::load_text("runbook.yaml", text, Syntax::Yaml)),
        runbook(loaded.root()),
        order(runbook) {}

  const ssm::Step& step(std::string_view name) const {
    if (const ssm::Step* found = runbook.find_step(name)) return *found;
    throw std::runtime_error("no such step");
  }
  bool before(std::string_view earlier, std::string_view later) const {
    return order.may_run_before(step(earlier), step(later));
  }

  testing::LoadedText loaded;
  ssm::Runbook runbook;
  analysis::StepOrder order;
};

TEST(SsmStepOrder, StraightLine) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: a
    action: aws:sleep
  - name: b
    action: aws:sleep
  - name: c
    action: aws:sleep
)");
  EXPECT_TRUE(o.before("a", "b"));
  EXPECT_TRUE(o.before("a", "c"));
  EXPECT_TRUE(o.before("b", "c"));
  EXPECT_FALSE(o.before("b", "a"));
  EXPECT_FALSE(o.before("c", "a"));
  EXPECT_FALSE(o.before("c", "b"));
  EXPECT_FALSE(o.before("a", "a"));
  EXPECT_FALSE(o.before("b", "b"));
}

TEST(SsmStepOrder, NextStepSkipsTheFollowingStep) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: a
    action: aws:sleep
    nextStep: c
  - name: b
    action: aws:sleep
  - name: c
    action: aws:sleep
)");
  EXPECT_TRUE(o.before("a", "c"));
  EXPECT_FALSE(o.before("a", "b"));
  EXPECT_TRUE(o.before("b", "c"));
}

TEST(SsmStepOrder, NextStepBackwardsMakesACycle) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: a
    action: aws:sleep
  - name: b
    action: aws:sleep
    nextStep: a
)");
  EXPECT_TRUE(o.before("b", "a"));
  EXPECT_TRUE(o.before("a", "a"));
  EXPECT_TRUE(o.before("b", "b"));
}

TEST(SsmStepOrder, BranchChoicesAndDefault) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: left
          Variable: '{{P}}'
          StringEquals: l
      Default: other
  - name: skipped
    action: aws:sleep
    isEnd: true
  - name: left
    action: aws:sleep
    isEnd: true
  - name: other
    action: aws:sleep
    isEnd: true
)");
  EXPECT_TRUE(o.before("choose", "left"));
  EXPECT_TRUE(o.before("choose", "other"));
  EXPECT_FALSE(o.before("choose", "skipped"));  // a Default replaces the following step
  EXPECT_FALSE(o.before("left", "other"));
  EXPECT_FALSE(o.before("other", "left"));
}

TEST(SsmStepOrder, BranchWithoutDefaultFallsThrough) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: choose
    action: aws:branch
    inputs:
      Choices:
        - NextStep: target
          Variable: '{{P}}'
          StringEquals: l
  - name: following
    action: aws:sleep
    isEnd: true
  - name: target
    action: aws:sleep
)");
  EXPECT_TRUE(o.before("choose", "target"));
  EXPECT_TRUE(o.before("choose", "following"));
  EXPECT_FALSE(o.before("following", "target"));
}

TEST(SsmStepOrder, OnFailureAndOnCancelSteps) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: work
    action: aws:executeAwsApi
    onFailure: step:cleanup
    onCancel: step:cancelled
    nextStep: done
  - name: cleanup
    action: aws:executeAwsApi
    isEnd: true
  - name: cancelled
    action: aws:executeAwsApi
    isEnd: true
  - name: done
    action: aws:sleep
)");
  EXPECT_TRUE(o.before("work", "cleanup"));
  EXPECT_TRUE(o.before("work", "cancelled"));
  EXPECT_TRUE(o.before("work", "done"));
  EXPECT_FALSE(o.before("cleanup", "done"));
  EXPECT_FALSE(o.before("cleanup", "cancelled"));
  EXPECT_FALSE(o.before("cancelled", "done"));
}

TEST(SsmStepOrder, AbortAndContinueAreNotSteps) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: work
    action: aws:executeAwsApi
    onFailure: Continue
    isEnd: true
  - name: Continue
    action: aws:sleep
)");
  EXPECT_FALSE(o.before("work", "Continue"));
}

TEST(SsmStepOrder, IsEndStopsTheFlow) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: a
    action: aws:sleep
    isEnd: true
  - name: b
    action: aws:sleep
  - name: c
    action: aws:sleep
    isEnd: 'true'
  - name: d
    action: aws:sleep
)");
  EXPECT_FALSE(o.before("a", "b"));
  EXPECT_TRUE(o.before("b", "c"));
  EXPECT_FALSE(o.before("c", "d"));
  EXPECT_FALSE(o.before("b", "d"));
}

constexpr std::string_view kLoopRunbook = R"(schemaVersion: '0.3'
mainSteps:
  - name: before
    action: aws:sleep
  - name: loop
    action: aws:loop
    inputs:
      Iterators: [1, 2]
      LoopCondition:
        Variable: '{{second.Out}}'
        StringEquals: done
      Steps:
        - name: first
          action: aws:executeScript
        - name: second
          action: aws:executeScript
  - name: after
    action: aws:sleep
)";

TEST(SsmStepOrder, LoopStepRunsBeforeItsInnerSteps) {
  const Ordered o(kLoopRunbook);
  EXPECT_TRUE(o.before("loop", "first"));
  EXPECT_TRUE(o.before("loop", "second"));
  EXPECT_TRUE(o.before("before", "first"));
  EXPECT_TRUE(o.before("first", "second"));
  EXPECT_FALSE(o.before("after", "first"));
}

TEST(SsmStepOrder, InnerStepRunsBeforeTheNextIterationAndTheLoopCondition) {
  const Ordered o(kLoopRunbook);
  EXPECT_TRUE(o.before("second", "first"));  // the next iteration
  EXPECT_TRUE(o.before("second", "loop"));   // the loop condition is evaluated by the loop step
  EXPECT_TRUE(o.before("first", "loop"));
  EXPECT_TRUE(o.before("first", "after"));
  EXPECT_TRUE(o.before("loop", "after"));
  EXPECT_FALSE(o.before("after", "loop"));
  EXPECT_FALSE(o.before("loop", "before"));
}

TEST(SsmStepOrder, AStepRunsBeforeItselfOnlyInALoop) {
  const Ordered o(kLoopRunbook);
  EXPECT_FALSE(o.before("before", "before"));
  EXPECT_FALSE(o.before("after", "after"));
  EXPECT_TRUE(o.before("first", "first"));
  EXPECT_TRUE(o.before("second", "second"));
  EXPECT_TRUE(o.before("loop", "loop"));
}

TEST(SsmStepOrder, InnerStepsArePlacedAfterTheirLoop) {
  const Ordered o(kLoopRunbook);
  ASSERT_EQ(o.runbook.steps().size(), 5u);
  EXPECT_EQ(o.runbook.steps()[2].name, "first");
  EXPECT_EQ(o.step("first").loop, &o.step("loop"));
  EXPECT_EQ(o.step("second").loop, &o.step("loop"));
  EXPECT_EQ(o.step("after").loop, nullptr);
  EXPECT_TRUE(o.step("second").runs_inside(o.step("loop")));
  EXPECT_FALSE(o.step("after").runs_inside(o.step("loop")));
}

TEST(SsmStepOrder, LoopWithNextStepDoesNotFallThrough) {
  const Ordered o(R"(schemaVersion: '0.3'
mainSteps:
  - name: loop
    action: aws:loop
    nextStep: end
    inputs:
      Iterators: [1]
      Steps:
        - name: inner
          action: aws:sleep
  - name: skipped
    action: aws:sleep
    isEnd: true
  - name: end
    action: aws:sleep
)");
  EXPECT_TRUE(o.before("loop", "inner"));
  EXPECT_TRUE(o.before("inner", "end"));
  EXPECT_FALSE(o.before("loop", "skipped"));
  EXPECT_FALSE(o.before("inner", "skipped"));
}

}  // namespace
}  // namespace wflint
