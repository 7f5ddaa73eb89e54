// The data-flow analysis (src/analysis/data_flow.h): the shape lattice and what reaches each
// state's input.
#include "analysis/data_flow.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint::analysis {
namespace {

// A loaded definition with the analyses the data flow needs.
struct Analyzed {
  explicit Analyzed(std::string_view text)
      : loaded(testing::load_text("m.asl.json", text, Syntax::Json)),
        machine(loaded.root()),
        transitions(machine),
        calls(machine),
        flow(machine, transitions, calls) {}

  const asl::State& state(std::string_view name) const {
    for (const asl::Scope& scope : machine.scopes()) {
      if (const asl::State* found = scope.find(name)) return *found;
    }
    throw std::runtime_error("no such state");
  }
  const Shape& input(std::string_view name) const { return *flow.input_of(state(name)); }

  testing::LoadedText loaded;
  asl::StateMachine machine;
  TransitionGraph transitions;
  LambdaCalls calls;
  DataFlow flow;
};

TEST(ShapeLattice, JoinKeepsCommonFieldsAndOpensTheObject) {
  const Analyzed a(R"({
  "StartAt": "Pick",
  "States": {
    "Pick": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsPresent": true, "Next": "A" }], "Default": "B" },
    "A": { "Type": "Pass", "Result": { "kept": 1, "only_a": 2 }, "Next": "Join" },
    "B": { "Type": "Pass", "Result": { "kept": 1 }, "Next": "Join" },
    "Join": { "Type": "Succeed" }
  }
})");
  const Shape& joined = a.input("Join");
  ASSERT_EQ(joined.kind, ShapeKind::Object);
  EXPECT_TRUE(joined.open);
  ASSERT_EQ(joined.fields.size(), 1u);
  EXPECT_EQ(joined.fields[0].first, "kept");
  // Two different literal nodes join to Unknown.
  EXPECT_EQ(joined.fields[0].second->kind, ShapeKind::Unknown);
  EXPECT_EQ(join(unknown_shape(), bottom_shape()), unknown_shape());
  EXPECT_EQ(join(bottom_shape(), unknown_shape()), unknown_shape());
}

TEST(DataFlow, FollowsTheJsonPathPipelineToTheNextState) {
  const Analyzed a(R"({
  "StartAt": "Call",
  "States": {
    "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f", "InvocationType": "Event" }, "ResultPath": "$.r", "Next": "Fn" },
    "Fn": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "ResultPath": "$.f", "Next": "Last" },
    "Last": { "Type": "Succeed" }
  }
})");
  const Shape& last = a.input("Last");
  ASSERT_EQ(last.kind, ShapeKind::Object);
  EXPECT_TRUE(last.open);  // the execution input may hold anything else
  const Shape* envelope = last.field("r");
  ASSERT_NE(envelope, nullptr);
  EXPECT_EQ(envelope->producer, Producer::AsyncEnvelope);
  EXPECT_EQ(envelope->origin, &a.state("Call"));
  EXPECT_FALSE(envelope->open);
  ASSERT_NE(envelope->field("Payload"), nullptr);
  EXPECT_EQ(envelope->field("Payload")->kind, ShapeKind::EmptyString);
  EXPECT_NE(envelope->field("SdkHttpMetadata"), nullptr);
  EXPECT_EQ(envelope->field("LogResult"), nullptr);
  const Shape* output = last.field("f");
  ASSERT_NE(output, nullptr);
  EXPECT_EQ(output->kind, ShapeKind::FunctionOutput);
  EXPECT_TRUE(DataFlow::holds_envelope_of(last, a.state("Call")));
  EXPECT_FALSE(DataFlow::holds_envelope_of(last, a.state("Fn")));
}

TEST(DataFlow, CatchersPlaceTheErrorOutputAtTheirResultPath) {
  const Analyzed a(R"({
  "StartAt": "Call",
  "States": {
    "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "FunctionName": "f" }, "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Handle" }], "End": true },
    "Handle": { "Type": "Succeed" }
  }
})");
  const Shape& handle = a.input("Handle");
  ASSERT_EQ(handle.kind, ShapeKind::Object);
  const Shape* error = handle.field("error");
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->field("Error"), nullptr);
  EXPECT_NE(error->field("Cause"), nullptr);
  EXPECT_EQ(handle.field("Payload"), nullptr);  // the catcher's input is the raw input
}

TEST(DataFlow, BranchesStartFromTheParallelsInputAndMapIterationsFromUnknown) {
  const Analyzed a(R"({
  "StartAt": "Make",
  "States": {
    "Make": { "Type": "Pass", "Result": { "a": 1 }, "Next": "Both" },
    "Both": { "Type": "Parallel", "Branches": [{ "StartAt": "Inner", "States": { "Inner": { "Type": "Succeed" } } }], "Next": "Each" },
    "Each": { "Type": "Map", "ItemProcessor": { "StartAt": "Item", "States": { "Item": { "Type": "Succeed" } } }, "End": true }
  }
})");
  ASSERT_EQ(a.input("Inner").kind, ShapeKind::Object);
  EXPECT_NE(a.input("Inner").field("a"), nullptr);
  EXPECT_EQ(a.input("Each").kind, ShapeKind::Array);
  EXPECT_EQ(a.input("Item").kind, ShapeKind::Unknown);
  EXPECT_TRUE(DataFlow::in_map_iteration(a.state("Item")));
  EXPECT_FALSE(DataFlow::in_map_iteration(a.state("Inner")));
}

TEST(DataFlow, FindsCyclesAndReachesAFixedPointOnGrowingLoops) {
  // Each pass nests the input one level deeper: bounded depth and widening end the iteration.
  const Analyzed a(R"({
  "StartAt": "Seed",
  "States": {
    "Seed": { "Type": "Pass", "Result": {}, "Next": "Grow" },
    "Grow": { "Type": "Pass", "Parameters": { "prev.$": "$" }, "Next": "Again" },
    "Again": { "Type": "Choice", "Choices": [{ "Variable": "$.stop", "IsPresent": true, "Next": "Done" }], "Default": "Grow" },
    "Done": { "Type": "Succeed" }
  }
})");
  EXPECT_TRUE(a.flow.in_cycle(a.state("Grow")));
  EXPECT_TRUE(a.flow.in_cycle(a.state("Again")));
  EXPECT_FALSE(a.flow.in_cycle(a.state("Seed")));
  EXPECT_FALSE(a.flow.in_cycle(a.state("Done")));
  EXPECT_LE(a.input("Done").depth, Shape::kMaxDepth);
}

TEST(DataFlow, ReadsThroughJsonataOutputs) {
  const Analyzed a(R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Call",
  "States": {
    "Call": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f" }, "Output": { "res": "{% $states.result %}", "n": 1 }, "Next": "Use" },
    "Use": { "Type": "Pass", "Output": "{% $states.input.res.StatusCode + $states.input.n %}", "End": true }
  }
})");
  const std::vector<ResultRead>& reads = a.flow.result_reads();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].field, "StatusCode");
  EXPECT_EQ(reads[0].reader, &a.state("Use"));
  EXPECT_EQ(reads[0].producer, &a.state("Call"));
  EXPECT_EQ(reads[0].produced, Producer::Envelope);
}

TEST(DataFlow, ReadsThroughJsonataVariables) {
  const Analyzed a(R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Notify",
  "States": {
    "Notify": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "InvocationType": "Event" }, "Assign": { "sent": "{% $states.result %}" }, "Next": "Use" },
    "Use": { "Type": "Pass", "Output": { "id": "{% 'x' & $sent.Payload.id %}" }, "End": true }
  }
})");
  const std::vector<ResultRead>& reads = a.flow.result_reads();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].field, "Payload");
  EXPECT_EQ(reads[0].reader, &a.state("Use"));
  EXPECT_EQ(reads[0].producer, &a.state("Notify"));
  EXPECT_EQ(reads[0].produced, Producer::AsyncEnvelope);
  EXPECT_EQ(reads[0].value->text().substr(reads[0].offset, reads[0].length), "Payload");
}

TEST(DataFlow, ReadsThroughJsonPathVariables) {
  const Analyzed a(R"({
  "StartAt": "Fn",
  "States": {
    "Fn": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Assign": { "out.$": "$" }, "Next": "Use" },
    "Use": { "Type": "Pass", "Parameters": { "code.$": "$out.StatusCode" }, "End": true }
  }
})");
  const std::vector<ResultRead>& reads = a.flow.result_reads();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].field, "StatusCode");
  EXPECT_EQ(reads[0].producer, &a.state("Fn"));
  EXPECT_EQ(reads[0].produced, Producer::FunctionOutput);
}

TEST(DataFlow, AVariableAssignedDifferentKindsOfValuesIsUnknown) {
  const Analyzed a(R"({
  "QueryLanguage": "JSONata",
  "StartAt": "Notify",
  "States": {
    "Notify": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f", "InvocationType": "Event" }, "Assign": { "r": "{% $states.result %}" }, "Next": "Reset" },
    "Reset": { "Type": "Pass", "Assign": { "r": { "Payload": "none" } }, "Next": "Use" },
    "Use": { "Type": "Pass", "Output": "{% $r.Payload %}", "End": true }
  }
})");
  EXPECT_TRUE(a.flow.result_reads().empty());
}

TEST(DataFlow, ALongChainIsAnalyzedInOnePass) {
  std::string states;
  constexpr int kStates = 10'000;
  for (int i = 0; i < kStates; ++i) {
    states += fmt::format(
        R"("S{}": {{ "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {{ "FunctionName": "f" }}, "ResultPath": "$.r{}", {} }},)",
        i, i % 20, i + 1 < kStates ? fmt::format(R"("Next": "S{}")", i + 1) : R"("End": true)");
  }
  states.pop_back();
  const Analyzed a(fmt::format(R"({{ "StartAt": "S0", "States": {{ {} }} }})", states));
  const Shape& last = a.input(fmt::format("S{}", kStates - 1));
  ASSERT_EQ(last.kind, ShapeKind::Object);
  EXPECT_EQ(last.fields.size(), 20u);
  EXPECT_EQ(last.field("r0")->origin, &a.state(fmt::format("S{}", kStates - 20)));
}

}  // namespace
}  // namespace wflint::analysis
