// The ASL2xx rules: paths, reference paths, intrinsic calls, context object fields and payload
// template keys, checked through the whole engine.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace wflint {
namespace {

using Positions = std::vector<std::string>;

CheckOptions path_rules_only() {
  std::string error;
  return CheckOptions{*RuleFilter::parse("ASL2", "", error), std::nullopt};
}

Positions findings(std::string_view text, const std::string& path = "machine.json") {
  return testing::finding_positions(
      testing::check_text(path, text, Origin::Explicit, path_rules_only()));
}

// The text each finding underlines, "RULE text".
Positions underlined(std::string_view text, const std::string& path = "machine.json") {
  Positions out;
  const FileReport report = testing::check_text(path, text, Origin::Explicit, path_rules_only());
  for (const Diagnostic& d : report.diagnostics)
    out.push_back(std::string(d.rule_id) + " " + std::string(testing::spanned(d.span)));
  return out;
}

std::string first_message(std::string_view text) {
  const FileReport report =
      testing::check_text("machine.json", text, Origin::Explicit, path_rules_only());
  return report.diagnostics.empty() ? "" : report.diagnostics.front().message;
}

std::string first_help(std::string_view text) {
  const FileReport report =
      testing::check_text("machine.json", text, Origin::Explicit, path_rules_only());
  return report.diagnostics.empty() ? "" : report.diagnostics.front().help;
}

TEST(InvalidPathTest, InputOutputAndTemplateValues) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "InputPath": "$.orders[0",
      "OutputPath": "$.a.",
      "Parameters": {
        "ok.$": "$.items[?(@.price < 10)]",
        "list": [{ "deep.$": "$.x y" }],
        "word.$": "hello"
      },
      "End": true
    }
  }
})json";
  EXPECT_EQ(findings(text),
            (Positions{"ASL201 6:29", "ASL201 7:25", "ASL201 10:33", "ASL201 11:19"}));
  EXPECT_EQ(underlined(text),
            (Positions{"ASL201 [", "ASL201 .", "ASL201 x y", "ASL201 \"hello\""}));
}

TEST(InvalidPathTest, NotAPathNorACallMessage) {
  const std::string_view text = R"json({"StartAt": "A", "States": {"A": {"Type": "Pass",
    "Parameters": {"word.$": "hello"}, "End": true}}})json";
  EXPECT_EQ(first_message(text),
            "value of \"word.$\" is neither a path nor an intrinsic function "
            "call");
}

TEST(InvalidPathTest, ChoiceVariablesAndPathOperandsAtAnyDepth) {
  const std::string_view text = R"json({
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.a[", "IsPresent": true, "Next": "D" },
        { "And": [
            { "Not": { "Variable": "$..", "IsNull": true } },
            { "Variable": "$.n", "NumericGreaterThanPath": "$.m[" }
          ],
          "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
})json";
  EXPECT_EQ(findings(text), (Positions{"ASL201 7:27", "ASL201 9:38", "ASL201 10:64"}));
}

TEST(InvalidPathTest, MapItemSelectorCatcherAssignAndVariables) {
  const std::string_view text = R"json({
  "StartAt": "M",
  "States": {
    "M": {
      "Type": "Map",
      "ItemSelector": { "v.$": "$$.Map.Item.Value", "bad.$": "$$.Map.Item[" },
      "ItemProcessor": {
        "StartAt": "P",
        "States": { "P": { "Type": "Pass", "Parameters": { "x.$": "$item.a.." }, "End": true } }
      },
      "Catch": [ { "ErrorEquals": ["States.ALL"], "Assign": { "e.$": "$.Cause[" }, "Next": "D" } ],
      "Next": "D"
    },
    "D": { "Type": "Succeed" }
  }
})json";
  EXPECT_EQ(underlined(text), (Positions{"ASL201 [", "ASL201 ..", "ASL201 ["}));
}

TEST(InvalidPathTest, ValidPathsAndSkippedValues) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "InputPath": "$.detail-type",
      "OutputPath": null,
      "Parameters": {
        "a.$": "$",
        "b.$": "$$",
        "c.$": "$var.field[0]",
        "d.$": "$.[*].['bucket', 'key']",
        "e.$": "$.${DynamoDBAttribute}",
        "f.$": "${NotAPath}",
        "g.$": "$$.Execution.Name ",
        "h.$": "$.items[-3:]",
        "i.$": "$['x-datum']"
      },
      "End": true
    }
  }
})json";
  EXPECT_EQ(findings(text), Positions{});
}

TEST(InvalidPathTest, JsonataStatesAreNotChecked) {
  const std::string_view per_state = R"json({
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "QueryLanguage": "JSONata", "InputPath": "$.a[",
           "Parameters": { "x.$": 3, "y": "$.a" }, "End": true }
  }
})json";
  EXPECT_EQ(findings(per_state), Positions{});
  const std::string_view whole_machine = R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "OutputPath": "$.a[", "End": true } }
})json";
  EXPECT_EQ(findings(whole_machine), Positions{});
  const std::string_view jsonpath_state_in_jsonata_machine = R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONPath", "OutputPath": "$.a[",
                     "End": true } }
})json";
  EXPECT_EQ(findings(jsonpath_state_in_jsonata_machine), Positions{"ASL201 4:85"});
}

TEST(InvalidPathTest, ValuesWithJsonEscapesUnderlineTheCharactersAsWritten) {
  const std::string_view text = R"json({"StartAt": "A", "States": {"A": {"Type": "Pass",
    "Parameters": {"x.$": "$.\u0061 b"}, "End": true}}})json";
  EXPECT_EQ(underlined(text), Positions{"ASL201 \\u0061 b"});
}

TEST(InvalidPathTest, YamlValuesPointInsideTheScalar) {
  const std::string_view text = R"yaml(StartAt: A
States:
  A:
    Type: Pass
    InputPath: $.orders[0
    Parameters:
      id.$: '$.order id'
    End: true
)yaml";
  EXPECT_EQ(findings(text, "machine.yaml"), (Positions{"ASL201 5:24", "ASL201 7:16"}));
}

TEST(InvalidReferencePathTest, ReferencePathFields) {
  const std::string_view text = R"json({
  "StartAt": "W",
  "States": {
    "W": { "Type": "Wait", "SecondsPath": "$..delay", "Next": "T" },
    "T": { "Type": "Wait", "TimestampPath": "$.times[0:1]", "Next": "M" },
    "M": {
      "Type": "Map",
      "ItemsPath": "$.items[?(@.ok)]",
      "MaxConcurrencyPath": "$.limits[*]",
      "ToleratedFailureCountPath": "$.a,b",
      "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Succeed" } } },
      "ResultPath": "$.results['a','b']",
      "End": true
    }
  }
})json";
  EXPECT_EQ(underlined(text), (Positions{"ASL202 ..delay", "ASL202 [0:1]", "ASL202 [?(@.ok)]",
                                         "ASL202 [*]", "ASL202 ,", "ASL202 ['a','b']"}));
}

TEST(InvalidReferencePathTest, ResultPathCannotWriteToContextOrVariables) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "ResultPath": "$$.Execution.Output",
      "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$error.cause", "Next": "B" } ],
      "Next": "B"
    },
    "B": { "Type": "Pass", "ResultPath": "$.ok", "End": true }
  }
})json";
  EXPECT_EQ(findings(text), (Positions{"ASL202 7:22", "ASL202 8:66"}));
  EXPECT_EQ(underlined(text), (Positions{"ASL202 $$", "ASL202 $error"}));
  EXPECT_EQ(first_message(text), "ResultPath cannot write to the context object");
}

TEST(InvalidReferencePathTest, FailErrorPathAndCausePath) {
  const std::string_view text = R"json({
  "StartAt": "F",
  "States": {
    "F": {
      "Type": "Fail",
      "ErrorPath": "$.errors[*]",
      "CausePath": "States.Format('failed: {}', $.cause)"
    }
  }
})json";
  EXPECT_EQ(findings(text), Positions{"ASL202 6:29"});
}

TEST(InvalidIntrinsicCallTest, TemplateValuesAndFailFields) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "greeting.$": "States.Format('Hello {} {}', $.name)",
        "id.$": "States.UUId()",
        "nested": { "n.$": "States.MathRandom(1)" },
        "fine.$": "States.MathAdd(1.5, -2)"
      },
      "Next": "F"
    },
    "F": { "Type": "Fail", "CausePath": "States.Format('{}', $.a", "ErrorPath": "States.UUID(1)" }
  }
})json";
  EXPECT_EQ(underlined(text),
            (Positions{"ASL203 'Hello {} {}'", "ASL203 States.UUId", "ASL203 States.MathRandom(1)",
                       "ASL203 (", "ASL203 States.UUID(1)"}));
  EXPECT_EQ(first_help(text),
            "give one value after the template for each {} in it (write a "
            "literal brace as \\{)");
}

TEST(InvalidIntrinsicCallTest, PlaceholdersAndPathsAreLeftToOtherRules) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "key.$": "States.Format('${Prefix}{}', $.id)",
        "bad.$": "States.Array($.a[)"
      },
      "InputPath": "States.Array($.a)",
      "End": true
    }
  }
})json";
  // A broken path inside a call is a syntax error of the call; an intrinsic where only a path is
  // allowed is not a path.
  EXPECT_EQ(findings(text), (Positions{"ASL203 8:36", "ASL201 10:21"}));
}

TEST(UnknownContextFieldTest, InPathsTemplatesAndCallArguments) {
  const std::string_view text = R"json({
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [ { "Variable": "$$.Execution.Inptu.x", "IsPresent": true, "Next": "A" } ],
      "Default": "A"
    },
    "A": {
      "Type": "Pass",
      "Parameters": {
        "id.$": "$$.Execution.ID",
        "name.$": "States.Format('{}', $$.State.Nmae)",
        "input.$": "$$.Execution.Input.anything",
        "item.$": "$$.Map.Item.Value.whatever"
      },
      "ResultPath": "$$.Nope",
      "End": true
    }
  }
})json";
  EXPECT_EQ(underlined(text), (Positions{"ASL204 Inptu", "ASL204 ID", "ASL204 Nmae", "ASL202 $$"}));
  EXPECT_EQ(first_help(text), "did you mean \"$$.Execution.Input\"?");
}

TEST(DollarKeyNotStringTest, NonStringValuesAtAnyDepth) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "count.$": 3,
        "nested": { "flag.$": true, "list": [ { "obj.$": { "a": 1 } } ] },
        "none.$": null
      },
      "ResultSelector": { "tags.$": ["a"] },
      "End": true
    }
  }
})json";
  EXPECT_EQ(findings(text), (Positions{"ASL205 7:20", "ASL205 8:31", "ASL205 8:58", "ASL205 9:19",
                                       "ASL205 11:37"}));
  EXPECT_EQ(first_message(text), "\"count.$\" ends in \".$\" but its value is a number");
}

TEST(PathValueWithoutDollarSuffixTest, PathsAndCallsUnderPlainKeys) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "taskId": "$.export.taskId",
        "execution": "$$.Execution.Id",
        "first": "$[0]",
        "id": "States.UUID()",
        "inner": { "deeper": [ { "path": "$.a.b" } ] },
        "price": "$5 off",
        "dollar": "$",
        "variable": "$name",
        "text": "see $.a",
        "placeholder": "${LambdaArn}",
        "broken": "$.a[",
        "arrayItem": ["$.a"]
      },
      "Result": { "literal": "$.a" },
      "End": true
    }
  }
})json";
  EXPECT_EQ(findings(text), (Positions{"ASL206 7:19", "ASL206 8:22", "ASL206 9:18", "ASL206 10:15",
                                       "ASL206 11:42"}));
  EXPECT_EQ(first_message(text), "\"taskId\" is given the literal text of a path, not its result");
  EXPECT_EQ(first_help(text), "name the key \"taskId.$\" to pass the value the path selects");
}

TEST(DuplicateTemplateFieldTest, PlainAndDollarKeysCollide) {
  const std::string_view text = R"json({
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "type.$": "$.type",
        "nested": { "id": 1, "id.$": "$.id", "other": 2 },
        "type": "constant",
        "name.$": "${Placeholder}",
        "name": "x"
      },
      "Result": { "r": 1, "r.$": "$.r" },
      "End": true
    }
  }
})json";
  EXPECT_EQ(underlined(text), (Positions{"ASL207 \"id.$\"", "ASL207 \"type\"", "ASL207 \"name\""}));
  EXPECT_EQ(first_message(text), "\"id\" and \"id.$\" both produce the field \"id\"");
}

TEST(PathRulesTest, RealWorldShapesAreClean) {
  const std::string_view text = R"json({
  "StartAt": "Split",
  "States": {
    "Split": {
      "Type": "Pass",
      "Parameters": {
        "part.$": "States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 7)",
        "msg.$": "States.Format('unload (\\'{}\\') to \\'s3://{}\\'', $$.Execution.Input.q, $.b)",
        "when.$": "States.Format('{}{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($$.State.EnteredTime, 'T'), 0), '-'), 0), $.x)",
        "merged.$": "States.JsonMerge($.defaults, $$.Execution.Input, false)",
        "pick.$": "States.ArrayGetItem($.drinks, States.MathRandom(0, States.ArrayLength($.drinks)))",
        "hash.$": "States.Hash($$.Map.Item.Value, 'MD5')"
      },
      "ResultSelector": { "body.$": "States.StringToJson($.Payload.body)" },
      "ResultPath": "$.split",
      "OutputPath": "$..QualityResults[?(@.constraint_status==Failure)]",
      "End": true
    }
  }
})json";
  EXPECT_EQ(findings(text), Positions{});
}

}  // namespace
}  // namespace wflint
