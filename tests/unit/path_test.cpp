#include "lang/path.h"

#include <gtest/gtest.h>

#include <string>

#include "lang/context_object.h"

namespace wflint::lang {
namespace {

// "offset+length: message" of a failed parse, or "ok".
std::string error_of(const PathResult& result) {
  if (result.ok()) return "ok";
  return std::to_string(result.error->offset) + "+" + std::to_string(result.error->length) + ": " +
         result.error->message;
}

std::string path_error(std::string_view text) {
  return error_of(parse_path(text));
}

std::string reference_error(std::string_view text) {
  return error_of(parse_reference_path(text));
}

std::string context_error(std::string_view text) {
  const PathResult parsed = parse_path(text);
  if (!parsed.ok()) return "parse: " + parsed.error->message;
  const std::optional<LangError> error = unknown_context_field(parsed.path);
  if (!error) return "ok";
  return std::to_string(error->offset) + "+" + std::to_string(error->length) + ": " +
         error->message + " | " + error->help;
}

TEST(PathTest, RootsAlone) {
  const PathResult input = parse_path("$");
  ASSERT_TRUE(input.ok());
  EXPECT_EQ(input.path.root, PathRoot::Input);
  EXPECT_TRUE(input.path.segments.empty());

  const PathResult context = parse_path("$$");
  ASSERT_TRUE(context.ok());
  EXPECT_EQ(context.path.root, PathRoot::Context);
  EXPECT_EQ(context.path.root_length, 2u);

  const PathResult variable = parse_path("$orderTotal");
  ASSERT_TRUE(variable.ok());
  EXPECT_EQ(variable.path.root, PathRoot::Variable);
  EXPECT_EQ(variable.path.variable, "orderTotal");
  EXPECT_EQ(variable.path.root_length, 11u);
}

TEST(PathTest, DotFieldsWithOffsets) {
  const PathResult result = parse_path("$$.Execution.Id");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.path.segments.size(), 2u);
  const PathSegment& execution = result.path.segments[0];
  EXPECT_EQ(execution.kind, SegmentKind::Field);
  EXPECT_EQ(execution.name, "Execution");
  EXPECT_EQ(execution.offset, 2u);
  EXPECT_EQ(execution.length, 10u);
  EXPECT_EQ(execution.name_offset, 3u);
  EXPECT_EQ(execution.name_length, 9u);
  const PathSegment& id = result.path.segments[1];
  EXPECT_EQ(id.name, "Id");
  EXPECT_EQ(id.offset, 12u);
  EXPECT_EQ(id.name_offset, 13u);
  EXPECT_EQ(id.name_length, 2u);
}

TEST(PathTest, VariableWithFields) {
  const PathResult result = parse_path("$order.items[0]");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.path.variable, "order");
  ASSERT_EQ(result.path.segments.size(), 2u);
  EXPECT_EQ(result.path.segments[0].name, "items");
  EXPECT_EQ(result.path.segments[1].kind, SegmentKind::Index);
}

TEST(PathTest, BracketFieldsAndIndexes) {
  const PathResult result = parse_path("$.a['b c'][0]");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.path.segments.size(), 3u);
  const PathSegment& quoted = result.path.segments[1];
  EXPECT_EQ(quoted.kind, SegmentKind::Field);
  EXPECT_EQ(quoted.name, "b c");
  EXPECT_EQ(quoted.offset, 3u);
  EXPECT_EQ(quoted.length, 7u);
  EXPECT_EQ(quoted.name_offset, 5u);
  EXPECT_EQ(quoted.name_length, 3u);
  const PathSegment& index = result.path.segments[2];
  EXPECT_EQ(index.kind, SegmentKind::Index);
  EXPECT_EQ(index.offset, 10u);
  EXPECT_EQ(index.length, 3u);
}

TEST(PathTest, SegmentKinds) {
  const PathResult result =
      parse_path("$.items[*].tags[1:3]['a','b'][0, 2][?(@.price < 10)]..name.*");
  ASSERT_TRUE(result.ok()) << error_of(result);
  std::vector<SegmentKind> kinds;
  for (const PathSegment& segment : result.path.segments)
    kinds.push_back(segment.kind);
  EXPECT_EQ(kinds, (std::vector<SegmentKind>{
                       SegmentKind::Field, SegmentKind::Wildcard, SegmentKind::Field,
                       SegmentKind::Slice, SegmentKind::Union, SegmentKind::Union,
                       SegmentKind::Filter, SegmentKind::Field, SegmentKind::Wildcard}));
  EXPECT_TRUE(result.path.segments[7].recursive);
  EXPECT_EQ(result.path.segments[7].name, "name");
}

TEST(PathTest, ValidPathsSeenInRealDefinitions) {
  for (std::string_view text : {
           "$.detail-type",
           "$.Snapshots.[0].State",
           "$.[*].['bucket', 'key']",
           "$[*][*]",
           "$.items[-3:]",
           "$[:2]",
           "$.a[0:10:2]",
           "$..QualityResults[?(@.constraint_status==Failure)]",
           "$.FlowConfig.Tasks[?(@.TaskType == 'Map')].DestinationField",
           "$.approaches[?(@.workerId == $.agent_id)].approach",
           "$.a[?(@.b == 'x)]')]",
           "$['Test\\\"\"Name\"']",
           "$[\"double quoted\"]",
           "$.store\\.book",
           "$.&Ж中",
           "$$.Execution.Name ",
           "$..[0]",
           "$.a[ 0 ]",
       }) {
    EXPECT_EQ(path_error(text), "ok") << text;
  }
}

TEST(PathTest, EscapedDotIsPartOfTheName) {
  const PathResult result = parse_path("$.store\\.book");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.path.segments.size(), 1u);
  EXPECT_EQ(result.path.segments[0].name, "store.book");
}

TEST(PathTest, InvalidPathsAtExactOffsets) {
  EXPECT_EQ(path_error(""), "0+0: path is empty");
  EXPECT_EQ(path_error("order.id"), "0+1: path does not start with '$'");
  EXPECT_EQ(path_error("$1"), "1+1: unexpected '1' after \"$\"");
  EXPECT_EQ(path_error("$x!"), "2+1: unexpected '!' after \"$x\"");
  EXPECT_EQ(path_error("$$$"), "2+1: unexpected '$' after \"$$\"");
  EXPECT_EQ(path_error("$.a."), "3+1: path ends with '.'");
  EXPECT_EQ(path_error("$.a.."), "3+2: path ends with '..'");
  EXPECT_EQ(path_error("$.a...b"), "5+1: too many dots in a row");
  EXPECT_EQ(path_error("$.a[0"), "3+1: unclosed '['");
  EXPECT_EQ(path_error("$.a["), "3+1: unclosed '['");
  EXPECT_EQ(path_error("$.a[]"), "3+2: empty brackets");
  EXPECT_EQ(path_error("$.a[b]"), "4+1: unexpected 'b' inside brackets");
  EXPECT_EQ(path_error("$.a['b]"), "4+3: unclosed quoted field name");
  EXPECT_EQ(path_error("$.a['b' 'c']"), "8+1: unexpected \"'\"; expected ']'");
  EXPECT_EQ(path_error("$.a[0 1]"), "6+1: unexpected '1'; expected ']'");
  EXPECT_EQ(path_error("$.a[-]"), "4+1: '-' is not followed by digits");
  EXPECT_EQ(path_error("$.a[1:2,3]"), "3+6: a slice cannot be combined with other indexes");
  EXPECT_EQ(path_error("$.a[?@.b]"), "4+1: filter is not written '?(...)'");
  EXPECT_EQ(path_error("$.a[?(@.b]"), "4+6: unclosed filter '?('");
  EXPECT_EQ(path_error("$.customer name"),
            "2+13: field name \"customer name\" after '.' contains "
            "whitespace");
  EXPECT_EQ(path_error("$.items.length()"),
            "8+8: JSONPath functions such as length() are not supported");
  EXPECT_EQ(path_error("$['a']x"), "6+1: unexpected 'x'; expected '.' or '['");
  EXPECT_EQ(path_error("$.*x"), "3+1: unexpected 'x' after '*'");
  EXPECT_EQ(path_error(" $.a"), "0+1: path does not start with '$'");
  EXPECT_EQ(path_error("$[(@.length-1)].bar"),
            "1+14: JSONPath script expressions such as [(@.length-1)] are not supported");
}

TEST(PathTest, ErrorsComeWithHelp) {
  const PathResult result = parse_path("$.customer name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->help,
            "write a field name with spaces in brackets: \"$['customer name']\"");
}

TEST(PathTest, DeepInputsDoNotExhaustTheStack) {
  std::string many_segments = "$";
  for (int i = 0; i < 200000; ++i)
    many_segments += "[0]";
  EXPECT_EQ(path_error(many_segments), "ok");
  std::string deep_filter = "$[?(";
  deep_filter += std::string(200000, '(');
  EXPECT_EQ(path_error(deep_filter), "2+200002: unclosed filter '?('");
}

TEST(ReferencePathTest, SingleNodePathsAreAccepted) {
  for (std::string_view text : {"$", "$.a.b[0]", "$['a']['b c']", "$$.Execution.Input", "$x.y",
                                "$.ledgers.branch[0].pending.count", "$.a[-1]"}) {
    EXPECT_EQ(reference_error(text), "ok") << text;
  }
}

TEST(ReferencePathTest, PathsThatMayMatchSeveralNodesAreRejected) {
  EXPECT_EQ(reference_error("$.a[*]"), "3+3: a reference path cannot use a wildcard");
  EXPECT_EQ(reference_error("$.*"), "1+2: a reference path cannot use a wildcard");
  EXPECT_EQ(reference_error("$..a"), "1+3: a reference path cannot use recursive descent '..'");
  EXPECT_EQ(reference_error("$.a[0:2]"), "3+5: a reference path cannot use a slice");
  EXPECT_EQ(reference_error("$.a[0,1]"), "3+5: a reference path cannot use a union");
  EXPECT_EQ(reference_error("$['a','b']"), "1+9: a reference path cannot use a union");
  EXPECT_EQ(reference_error("$.a[?(@.x)].b"), "3+8: a reference path cannot use a filter");
  EXPECT_EQ(reference_error("$.a,b"), "3+1: a reference path cannot use the operator ','");
  EXPECT_EQ(reference_error("$.a.b:c"), "5+1: a reference path cannot use the operator ':'");
  EXPECT_EQ(reference_error("$['a,b']"), "ok");
  EXPECT_EQ(path_error("$.a,b"), "ok");
  // Syntax errors come first.
  EXPECT_EQ(reference_error("$.a[*"), "3+1: unclosed '['");
}

TEST(PathTest, ShiftOffsetsMovesEverySegment) {
  PathResult result = parse_path("$.a['b']");
  ASSERT_TRUE(result.ok());
  shift_offsets(result.path, 10);
  EXPECT_EQ(result.path.segments[0].offset, 11u);
  EXPECT_EQ(result.path.segments[0].name_offset, 12u);
  EXPECT_EQ(result.path.segments[1].offset, 13u);
  EXPECT_EQ(result.path.segments[1].name_offset, 15u);
}

TEST(ContextObjectTest, KnownFieldsAndUserData) {
  for (std::string_view text :
       {"$$", "$$.Execution", "$$.Execution.Id", "$$.Execution.RedriveTime", "$$.State.RetryCount",
        "$$.StateMachine.Name", "$$.Task.Token", "$$.Map.Item.Index", "$$.Map.Item.Source",
        "$$.Execution.Input.anything.below[0].here", "$$.Map.Item.Value.Whatever",
        "$$['Execution']['Name']", "$$.Task.Token[0]", "$$..Nope", "$$.Map[*].Nope",
        "$.Execution.Nope", "$v.Execution.Nope"}) {
    EXPECT_EQ(context_error(text), "ok") << text;
  }
}

TEST(ContextObjectTest, UnknownFieldsAtTheirName) {
  EXPECT_EQ(context_error("$$.Execution.ID"),
            "13+2: unknown context object field \"$$.Execution.ID\" | did you mean "
            "\"$$.Execution.Id\"?");
  EXPECT_EQ(context_error("$$.Exec"),
            "3+4: unknown context object field \"$$.Exec\" | the context object has Execution, "
            "State, StateMachine, Task and Map");
  EXPECT_EQ(context_error("$$.Task.Id"),
            "8+2: unknown context object field \"$$.Task.Id\" | the fields of \"$$.Task\" are "
            "Token");
  EXPECT_EQ(context_error("$$.Execution.Id.Region"),
            "16+6: context object field \"$$.Execution.Id\" has no field \"Region\" | "
            "\"$$.Execution.Id\" is a single value");
  EXPECT_EQ(context_error("$$['Execution']['Nmae']"),
            "17+4: unknown context object field \"$$.Execution.Nmae\" | did you mean "
            "\"$$.Execution.Name\"?");
  EXPECT_EQ(context_error("$$.Nope[0]"),
            "3+4: unknown context object field \"$$.Nope\" | the context object has Execution, "
            "State, StateMachine, Task and Map");
}

TEST(ContextObjectTest, TableListsParentsBeforeChildren) {
  bool seen_input = false;
  for (const ContextField& field : context_fields()) {
    if (field.name == "Execution.Input") seen_input = field.user_data;
  }
  EXPECT_TRUE(seen_input);
}

}  // namespace
}  // namespace wflint::lang
