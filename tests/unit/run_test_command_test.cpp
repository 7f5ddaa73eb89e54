// `wflint test`: reading specs (with the exact position of every problem), comparing results,
// and the command as users run it.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run/test_runner.h"
#include "run/test_spec.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using run::Json;
using testing::write_file;

// Greets, then calls a Lambda function that a retrier retries when throttled.
constexpr const char* kGreeter = R"({
  "StartAt": "Greet",
  "States": {
    "Greet": {"Type": "Pass", "Parameters": {"greeting": "hello", "name.$": "$.name"}, "Next": "Call"},
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "greet", "Payload.$": "$"},
      "ResultSelector": {"answer.$": "$.Payload"},
      "ResultPath": "$.call",
      "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 2, "IntervalSeconds": 1}],
      "End": true
    }
  }
})";

constexpr const char* kApproval = R"({
  "StartAt": "Ask",
  "States": {
    "Ask": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
      "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}},
      "TimeoutSeconds": 60,
      "End": true
    }
  }
})";

constexpr const char* kMockConfig = R"({
  "StateMachines": {"greeter": {"TestCases": {"Friendly": {"Call": "Hi"}}}},
  "MockedResponses": {"Hi": {"0": {"Return": {"StatusCode": 200, "Payload": "hi there"}}}}
})";

// ---------------------------------------------------------------------------------------------
// Reading specs

class WftestSpec : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir();
    write_file(dir_ + "/greeter.asl.json", kGreeter);
    write_file(dir_ + "/mocks.json", kMockConfig);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::optional<run::TestSpec> read(std::string_view text) {
    problems_.clear();
    return run::read_test_spec_text(dir_ + "/t.wftest.yaml", text, problems_);
  }
  // The problems with the temp directory left out: "t.wftest.yaml:3:5: ...".
  std::vector<std::string> problems() const {
    std::vector<std::string> out;
    for (const std::string& problem : problems_)
      out.push_back(problem.starts_with(dir_ + "/") ? problem.substr(dir_.size() + 1) : problem);
    return out;
  }

  std::string dir_;
  std::vector<std::string> problems_;
};

TEST_F(WftestSpec, ReadsEveryField) {
  const auto spec = read(R"(definition: greeter.asl.json
mock-config: mocks.json
express: true
cases:
  - name: friendly
    input: {"name": "Ada", "n": 1}
    test-case: Friendly
    mocks:
      Call:
        - throw: {error: Lambda.TooManyRequestsException}
        - return: {"Payload": 1}
    callback: 'success:{"ok": true}'
    start-time: 2030-05-01T10:00:00Z
    expect:
      status: SUCCEEDED
      output: {"a": 1}
      output-contains: {"a": 1}
      states: [Greet, Call]
      state-outputs: {Greet: {"greeting": "hello"}}
  - name: failing
    expect: {error: States.Timeout, cause-contains: took}
)");
  ASSERT_TRUE(spec) << ::testing::PrintToString(problems());
  EXPECT_EQ(spec->definition_path, dir_ + "/greeter.asl.json");
  EXPECT_EQ(spec->state_machine_name, "greeter");
  EXPECT_TRUE(spec->express);
  ASSERT_EQ(spec->cases.size(), 2u);
  const run::TestCaseSpec& first = spec->cases[0];
  EXPECT_EQ(first.name, "friendly");
  EXPECT_EQ(run::to_text(first.input), R"({"name":"Ada","n":1})");
  EXPECT_EQ(first.test_case, "Friendly");
  const run::MockedResponses& call = first.mocks.at("Call");
  ASSERT_NE(call.at(0), nullptr);
  EXPECT_TRUE(call.at(0)->throws);
  EXPECT_EQ(call.at(0)->error, "Lambda.TooManyRequestsException");
  EXPECT_EQ(call.at(0)->cause, "");
  ASSERT_NE(call.at(1), nullptr);
  EXPECT_EQ(run::to_text(call.at(1)->returned), R"({"Payload":1})");
  EXPECT_EQ(call.at(2), nullptr);
  ASSERT_TRUE(first.callback);
  EXPECT_EQ(first.callback->kind, run::CallbackAnswer::Kind::Success);
  EXPECT_EQ(first.start_time_nanos, 1'903'860'000'000'000'000);
  EXPECT_EQ(first.expect.status, run::RunStatus::Succeeded);
  EXPECT_EQ(*first.expect.states, (std::vector<std::string>{"Greet", "Call"}));
  ASSERT_EQ(first.expect.state_outputs.size(), 1u);
  EXPECT_EQ(first.expect.state_outputs[0].first, "Greet");
  const run::TestCaseSpec& second = spec->cases[1];
  EXPECT_EQ(second.start_time_nanos, run::kDefaultTestStartNanos);
  EXPECT_FALSE(second.expect.status);
  EXPECT_EQ(second.expect.error, "States.Timeout");
  EXPECT_EQ(second.expect.cause_contains, "took");
}

TEST_F(WftestSpec, ASingleMockAnswersEveryCall) {
  const auto spec = read(R"(definition: greeter.asl.json
cases:
  - name: a
    mocks: {Call: {return: 7}}
)");
  ASSERT_TRUE(spec) << ::testing::PrintToString(problems());
  const run::MockedResponses& call = spec->cases[0].mocks.at("Call");
  ASSERT_NE(call.at(0), nullptr);
  ASSERT_NE(call.at(123456), nullptr);
  EXPECT_EQ(call.at(123456)->returned, Json(7));
}

TEST_F(WftestSpec, ReportsEveryProblemAtItsPosition) {
  const auto spec = read(R"(definition: greeter.asl.json
mock-confg: mocks.json
cases:
  - name: one
    input-file: 3
    test-case: Friendly
    mocks:
      Cal: {return: 1}
      Greet: {return: 1, throw: {error: E}}
      Call: []
    callback: maybe
    start-time: yesterday
    expect:
      status: DONE
      outputs: {}
      states: [Greet, 2]
  - name: one
    expect: {status: SUCCEEDED, error: E}
  - 42
)");
  EXPECT_FALSE(spec);
  EXPECT_EQ(
      problems(),
      (std::vector<std::string>{
          "t.wftest.yaml:2:1: unknown key \"mock-confg\" in a test spec; did you mean "
          "\"mock-config\"?",
          "t.wftest.yaml:5:17: \"input-file\" must be a string",
          "t.wftest.yaml:6:16: \"test-case\" needs a \"mock-config\" file at the top level",
          "t.wftest.yaml:8:7: mocks: the definition has no state named \"Cal\"; did you mean "
          "\"Call\"?",
          "t.wftest.yaml:9:14: a mocked response needs exactly one of \"return\" and \"throw\"",
          "t.wftest.yaml:10:13: a mock must be a response ({return: VALUE} or {throw: {error, "
          "cause}}) or a non-empty list of responses, one a call",
          "t.wftest.yaml:11:15: \"callback\" must be success:JSON, failure[:ERROR[:CAUSE]] or "
          "none: --callback 'maybe' is not one of success:JSON, failure[:ERROR[:CAUSE]], none",
          "t.wftest.yaml:12:17: \"start-time\" \"yesterday\" is not a timestamp such as "
          "2024-01-01T00:00:00Z",
          "t.wftest.yaml:15:7: unknown key \"outputs\" in \"expect\"; did you mean \"output\"?",
          "t.wftest.yaml:14:15: \"status\" \"DONE\" is not one of SUCCEEDED, FAILED, TIMED_OUT",
          "t.wftest.yaml:16:23: \"states\" must list state names (strings)",
          "t.wftest.yaml:18:22: status SUCCEEDED has no error or cause to check: remove them or "
          "expect FAILED",
          "t.wftest.yaml:17:11: another case is named \"one\" (line 4)",
          "t.wftest.yaml:19:5: a case must be a mapping with \"name\"",
      }));
}

TEST_F(WftestSpec, MissingDefinitionAndCases) {
  EXPECT_FALSE(read("{}\n"));
  EXPECT_EQ(problems(), (std::vector<std::string>{
                            "t.wftest.yaml:1:1: a test spec has no \"definition\"",
                            "t.wftest.yaml:1:1: a test spec has no \"cases\"",
                        }));
  EXPECT_FALSE(read("- just a list\n"));
  EXPECT_EQ(problems(), (std::vector<std::string>{
                            "t.wftest.yaml:1:1: a test spec must be a mapping with \"definition\" "
                            "and \"cases\"",
                        }));
}

TEST_F(WftestSpec, DefinitionThatCannotBeUsed) {
  EXPECT_FALSE(read("definition: nowhere.json\ncases: [{name: a}]\n"));
  ASSERT_EQ(problems().size(), 1u);
  EXPECT_TRUE(problems()[0].starts_with("t.wftest.yaml:1:13: cannot read \"nowhere.json\": "))
      << problems()[0];

  write_file(dir_ + "/not-a-machine.json", R"({"Comment": "no states"})");
  EXPECT_FALSE(read("definition: not-a-machine.json\ncases: [{name: a}]\n"));
  EXPECT_EQ(problems(), (std::vector<std::string>{"t.wftest.yaml:1:13: " + dir_ +
                                                  "/not-a-machine.json is not a state machine "
                                                  "(no StartAt and States)"}));

  EXPECT_FALSE(read("definition: greeter.asl.json\ncases: []\n"));
  EXPECT_EQ(
      problems(),
      (std::vector<std::string>{"t.wftest.yaml:2:8: \"cases\" is empty: give at least one case"}));
}

TEST_F(WftestSpec, UnknownTestCaseAndBrokenMockFile) {
  EXPECT_FALSE(read(R"(definition: greeter.asl.json
mock-config: mocks.json
cases:
  - name: a
    test-case: Unfriendly
)"));
  EXPECT_EQ(problems(), (std::vector<std::string>{
                            "t.wftest.yaml:5:16: mocks.json: state machine \"greeter\" has no "
                            "test case \"Unfriendly\""}));

  write_file(dir_ + "/broken-mocks.json", R"({"StateMachines": {}})");
  EXPECT_FALSE(
      read("definition: greeter.asl.json\nmock-config: broken-mocks.json\n"
           "cases: [{name: a}]\n"));
  ASSERT_EQ(problems().size(), 1u);
  EXPECT_NE(problems()[0].find("broken-mocks.json:1:1: missing \"MockedResponses\""),
            std::string::npos)
      << problems()[0];
}

TEST_F(WftestSpec, InputAndInputFileExcludeEachOther) {
  write_file(dir_ + "/in.yaml", "name: Ada\n");
  const auto spec = read(
      "definition: greeter.asl.json\ncases:\n  - {name: a, input-file: in.yaml}\n"
      "  - {name: b, input: 1, input-file: in.yaml}\n");
  EXPECT_EQ(problems(), (std::vector<std::string>{"t.wftest.yaml:4:25: give \"input\" or "
                                                  "\"input-file\", not both"}));
  EXPECT_FALSE(spec);
  const auto good =
      read("definition: greeter.asl.json\ncases:\n  - {name: a, input-file: in.yaml}\n");
  ASSERT_TRUE(good);
  EXPECT_EQ(run::to_text(good->cases[0].input), R"({"name":"Ada"})");
}

TEST(WftestSpecPath, RecognisesSpecExtensions) {
  EXPECT_TRUE(run::is_test_spec_path("a/b.wftest.yaml"));
  EXPECT_TRUE(run::is_test_spec_path("b.wftest.yml"));
  EXPECT_TRUE(run::is_test_spec_path("b.wftest.json"));
  EXPECT_FALSE(run::is_test_spec_path("b.yaml"));
  EXPECT_FALSE(run::is_test_spec_path("wftest.yaml"));
}

// ---------------------------------------------------------------------------------------------
// Comparing

std::vector<std::string> exact(const char* expected, const char* got) {
  std::vector<std::string> out;
  run::diff_exact(Json::parse(expected), Json::parse(got), "/output", out);
  return out;
}

std::vector<std::string> subset(const char* expected, const char* got) {
  std::vector<std::string> out;
  run::diff_subset(Json::parse(expected), Json::parse(got), "/output", out);
  return out;
}

TEST(WftestDiff, ExactComparesNumbersByValueAndIgnoresKeyOrder) {
  EXPECT_TRUE(exact(R"({"a": 1, "b": [1, 2.0]})", R"({"b": [1.0, 2], "a": 1.0})").empty());
  EXPECT_EQ(exact(R"({"total": 10, "items": [1, 2, 3], "gone": {"x": 1}})",
                  R"({"total": 12, "items": [1, 5], "extra": true})"),
            (std::vector<std::string>{
                "/output/total: expected 10, got 12",
                "/output/items/1: expected 2, got 5",
                "/output/items/2: missing, expected 3",
                "/output/gone: missing, expected {\"x\":1}",
                "/output/extra: unexpected, got true",
            }));
  EXPECT_EQ(exact(R"("10")", "10"), (std::vector<std::string>{"/output: expected \"10\", got 10"}));
  EXPECT_EQ(exact(R"({"a/b~c": 1})", R"({"a/b~c": 2})"),
            (std::vector<std::string>{"/output/a~1b~0c: expected 1, got 2"}));
}

TEST(WftestDiff, SubsetIgnoresOtherMembersAtAnyDepthButNotArrayLengths) {
  EXPECT_TRUE(subset(R"({"a": {"b": 1}})", R"({"a": {"b": 1.0, "c": 2}, "d": 3})").empty());
  EXPECT_TRUE(subset(R"({"list": [{"id": 1}]})", R"({"list": [{"id": 1, "x": 0}]})").empty());
  EXPECT_EQ(subset(R"({"a": {"b": 1}, "list": [1]})", R"({"a": {}, "list": [1, 2]})"),
            (std::vector<std::string>{
                "/output/a/b: missing, expected 1",
                "/output/list/1: unexpected, got 2",
            }));
}

run::RunResult failed_with(std::string error, std::string cause) {
  run::RunResult result;
  result.status = run::RunStatus::Failed;
  result.error = std::move(error);
  result.cause = std::move(cause);
  result.states_entered = {"Greet", "Call"};
  result.state_outputs = Json{{"Greet", {{"greeting", "hello"}}}};
  return result;
}

TEST(WftestDiff, CompareResultListsEveryDifference) {
  run::TestExpectation expect;
  expect.states = std::vector<std::string>{"Greet", "Done"};
  expect.state_outputs = {{"Greet", Json{{"greeting", "bye"}}}, {"Done", Json::object()}};
  EXPECT_EQ(run::compare_result(expect, failed_with("States.Runtime", "boom")),
            (std::vector<std::string>{
                "status: expected SUCCEEDED, got FAILED (States.Runtime: boom)",
                "states: expected [\"Greet\",\"Done\"], got [\"Greet\",\"Call\"] (they differ "
                "from #1)",
                "/state-outputs/Greet/greeting: expected \"bye\", got \"hello\"",
                "/state-outputs/Done: missing, the state never completed",
            }));
}

TEST(WftestDiff, FailureExpectations) {
  run::TestExpectation expect;
  expect.error = "States.Timeout";
  expect.cause = "late";
  expect.cause_contains = "took";
  EXPECT_EQ(run::compare_result(expect, failed_with("States.Runtime", "it broke")),
            (std::vector<std::string>{
                "error: expected States.Timeout, got States.Runtime",
                "cause: expected \"late\", got \"it broke\"",
                "cause: expected to contain \"took\", got \"it broke\"",
            }));
  run::RunResult succeeded;
  EXPECT_EQ(run::compare_result(expect, succeeded),
            (std::vector<std::string>{"status: expected FAILED or TIMED_OUT, got SUCCEEDED"}));
  run::TestExpectation timed_out;
  timed_out.status = run::RunStatus::TimedOut;
  run::RunResult result;
  result.status = run::RunStatus::TimedOut;
  EXPECT_TRUE(run::compare_result(timed_out, result).empty());
}

// ---------------------------------------------------------------------------------------------
// The command

class WftestCommand : public testing::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    write_file(path("greeter.asl.json"), kGreeter);
    write_file(path("approval.asl.json"), kApproval);
    write_file(path("mocks.json"), kMockConfig);
  }
  void spec(const std::string& name, const std::string& text) { write_file(path(name), text); }
};

constexpr const char* kPassingSpec = R"(definition: greeter.asl.json
cases:
  - name: greets Ada
    input: {"name": "Ada"}
    mocks:
      Call: {return: {"StatusCode": 200, "Payload": "hi"}}
    expect:
      output: {"greeting": "hello", "name": "Ada", "call": {"answer": "hi"}}
)";

TEST_F(WftestCommand, PassingSpecExitsZero) {
  spec("greeter.wftest.yaml", kPassingSpec);
  const auto result = wflint("test greeter.wftest.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_EQ(result.out, "PASS greeter.wftest.yaml \u203a greets Ada\n1 passed, 0 failed\n");
}

TEST_F(WftestCommand, FailingCaseShowsItsDifferences) {
  spec("greeter.wftest.yaml", R"(definition: greeter.asl.json
cases:
  - name: wrong output
    input: {"name": "Ada"}
    mocks: {Call: {return: {"StatusCode": 200, "Payload": "hi"}}}
    expect:
      output: {"greeting": "hi", "name": "Ada", "call": {"answer": "hi"}, "n": 1}
  - name: not mocked
    input: {"name": "Ada"}
)");
  const auto result = wflint("test greeter.wftest.yaml");
  EXPECT_EQ(result.exit_code, 1) << stderr_text();
  EXPECT_EQ(result.out,
            "FAIL greeter.wftest.yaml \u203a wrong output\n"
            "  /output/greeting: expected \"hi\", got \"hello\"\n"
            "  /output/n: missing, expected 1\n"
            "FAIL greeter.wftest.yaml \u203a not mocked\n"
            "  status: expected SUCCEEDED, got FAILED (wflint.NotMocked: State 'Call' invokes a "
            "Lambda function that no mock answers: mock it (--mock-config/--test-case) or give "
            "--lambda-endpoint.)\n"
            "0 passed, 2 failed\n");
}

TEST_F(WftestCommand, ThrowMocksDriveTheRetrier) {
  spec("retry.wftest.yaml", R"(definition: greeter.asl.json
cases:
  - name: retried twice then answered
    input: {"name": "Ada"}
    mocks:
      Call:
        - throw: {error: Lambda.TooManyRequestsException, cause: slow down}
        - throw: {error: Lambda.TooManyRequestsException, cause: slow down}
        - return: {"Payload": "finally"}
    expect:
      states: [Greet, Call]
      state-outputs: {Call: {"call": {"answer": "finally"}}}
  - name: gives up after MaxAttempts
    input: {"name": "Ada"}
    mocks:
      Call:
        - throw: {error: Lambda.TooManyRequestsException, cause: slow down}
        - throw: {error: Lambda.TooManyRequestsException, cause: slow down}
        - throw: {error: Lambda.TooManyRequestsException, cause: still slow}
        - return: {"Payload": "never"}
    expect:
      error: Lambda.TooManyRequestsException
      cause: still slow
)");
  const auto result = wflint("test retry.wftest.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_NE(result.out.find("2 passed, 0 failed"), std::string::npos) << result.out;
}

TEST_F(WftestCommand, MockConfigTestCaseWithAnInlineOverride) {
  spec("mocked.wftest.yaml", R"(definition: greeter.asl.json
mock-config: mocks.json
cases:
  - name: from the mock file
    input: {"name": "Ada"}
    test-case: Friendly
    expect:
      output-contains: {"call": {"answer": "hi there"}}
  - name: inline wins
    input: {"name": "Ada"}
    test-case: Friendly
    mocks: {Call: {return: {"Payload": "inline"}}}
    expect:
      output-contains: {"call": {"answer": "inline"}}
)");
  const auto result = wflint("test mocked.wftest.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_NE(result.out.find("2 passed, 0 failed"), std::string::npos) << result.out;
}

TEST_F(WftestCommand, Callbacks) {
  spec("approval.wftest.yaml", R"(definition: approval.asl.json
cases:
  - name: approved
    callback: 'success:{"approved": true}'
    expect:
      output: {"approved": true}
      states: [Ask]
  - name: declined
    callback: failure:Declined:no thanks
    expect: {status: FAILED, error: Declined, cause: no thanks}
  - name: nobody answers
    callback: none
    expect: {error: States.Timeout}
  - name: a mock's return is the callback's output
    mocks: {Ask: {return: {"approved": false}}}
    expect: {output: {"approved": false}}
  - name: with a callback, a mock's return is the invoke response
    mocks: {Ask: {return: {"StatusCode": 200}}}
    callback: 'success:"yes"'
    expect: {output: "yes"}
)");
  const auto result = wflint("test approval.wftest.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_NE(result.out.find("5 passed, 0 failed"), std::string::npos) << result.out;
}

TEST_F(WftestCommand, StatesAndStateOutputsDifferences) {
  spec("states.wftest.yaml", R"(definition: greeter.asl.json
cases:
  - name: wrong path
    input: {"name": "Bo"}
    mocks: {Call: {return: {"Payload": 1}}}
    expect:
      states: [Greet, Done]
      state-outputs:
        Greet: {"name": "Ada"}
)");
  const auto result = wflint("test states.wftest.yaml");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("  states: expected [\"Greet\",\"Done\"], got [\"Greet\",\"Call\"] "
                            "(they differ from #1)\n"
                            "  /state-outputs/Greet/name: expected \"Ada\", got \"Bo\"\n"),
            std::string::npos)
      << result.out;
}

TEST_F(WftestCommand, FindsSpecsInDirectories) {
  fs::create_directories(path("flows/nested"));
  fs::create_directories(path(".hidden"));
  fs::create_directories(path("node_modules/pkg"));
  const std::string nested = std::string(kPassingSpec);
  spec("flows/nested/b.wftest.yml",
       "definition: ../../greeter.asl.json" + nested.substr(nested.find('\n')));
  spec(
      "flows/a.wftest.json",
      R"({"definition": "../greeter.asl.json", "cases": [{"name": "json spec", "input": {"name": "Ada"},
           "mocks": {"Call": {"return": {"Payload": 0}}}}]})");
  spec("flows/not-a-spec.yaml", "definition: nothing\n");
  spec(".hidden/c.wftest.yaml", "broken: [\n");
  spec("node_modules/pkg/d.wftest.yaml", "broken: [\n");

  const auto result = wflint("test flows");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_EQ(result.out,
            "PASS flows/a.wftest.json \u203a json spec\n"
            "PASS flows/nested/b.wftest.yml \u203a greets Ada\n"
            "2 passed, 0 failed\n");

  const auto everything = wflint("test");  // the current directory
  EXPECT_EQ(everything.exit_code, 0) << everything.out << stderr_text();
  EXPECT_NE(everything.out.find("PASS flows/a.wftest.json"), std::string::npos) << everything.out;
  EXPECT_NE(everything.out.find("2 passed, 0 failed"), std::string::npos) << everything.out;
}

TEST_F(WftestCommand, JunitReport) {
  spec("a.wftest.yaml", kPassingSpec);
  spec("b.wftest.yaml", R"(definition: greeter.asl.json
cases:
  - name: '<fails> & "quotes"'
    input: {"name": "Ada"}
    mocks: {Call: {return: {"Payload": 1}}}
    expect: {output-contains: {"name": "Bo"}}
  - name: passes
    input: {"name": "Ada"}
    mocks: {Call: {return: {"Payload": 1}}}
)");
  const auto result = wflint("test --format junit -o reports/junit.xml");
  EXPECT_EQ(result.exit_code, 1) << stderr_text();
  const std::string xml = testing::read_file(path("reports/junit.xml"));
  EXPECT_NE(xml.find("<testsuites name=\"wflint test\" tests=\"3\" failures=\"1\" errors=\"0\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"a.wftest.yaml\" tests=\"1\" failures=\"0\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"b.wftest.yaml\" tests=\"2\" failures=\"1\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testcase name=\"&lt;fails&gt; &amp; &quot;quotes&quot;\" "
                     "classname=\"b.wftest.yaml\" file=\"b.wftest.yaml\">\n"
                     "      <failure message=\"1 difference\" type=\"wflint test\">  "
                     "/output/name: expected &quot;Bo&quot;, got &quot;Ada&quot;\n</failure>"),
            std::string::npos)
      << xml;
  if (testing::run_command("command -v xmllint >/dev/null").exit_code == 0) {
    EXPECT_EQ(testing::run_command("xmllint --noout '" + path("reports/junit.xml") + "'").exit_code,
              0);
  }
}

TEST_F(WftestCommand, JsonReport) {
  spec("a.wftest.yaml", kPassingSpec);
  const auto result = wflint("test --format json");
  EXPECT_EQ(result.exit_code, 0);
  const auto report = nlohmann::json::parse(result.out);
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0]["spec"], "a.wftest.yaml");
  EXPECT_EQ(report[0]["case"], "greets Ada");
  EXPECT_EQ(report[0]["passed"], true);
  EXPECT_EQ(report[0]["differences"], nlohmann::json::array());
}

TEST_F(WftestCommand, BrokenSpecExitsTwoAndTheOthersStillRun) {
  spec("a.wftest.yaml", kPassingSpec);
  spec("b.wftest.yaml", "definition: greeter.asl.json\ncases:\n  - nme: x\n");
  const auto result = wflint("test --format junit");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(stderr_text().find("b.wftest.yaml:3:5: unknown key \"nme\" in a case; did you mean "
                               "\"name\"?\nb.wftest.yaml:3:5: a case has no \"name\"\n"),
            std::string::npos)
      << stderr_text();
  EXPECT_NE(result.out.find("tests=\"2\" failures=\"0\" errors=\"1\""), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("<error message=\"the spec has errors\" type=\"spec\">"),
            std::string::npos);
  const auto text = wflint("test");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_EQ(text.out,
            "PASS a.wftest.yaml \u203a greets Ada\n1 passed, 0 failed, 1 spec with errors\n");
}

TEST_F(WftestCommand, MissingPathsAndNoSpecsExitTwo) {
  EXPECT_EQ(wflint("test nowhere").exit_code, 2);
  EXPECT_NE(stderr_text().find("nowhere: no such file or directory"), std::string::npos);
  EXPECT_EQ(wflint("test").exit_code, 2);
  EXPECT_NE(stderr_text().find("no test specs"), std::string::npos);
  spec("a.wftest.yaml", kPassingSpec);
  EXPECT_EQ(wflint("test --case 'no such case'").exit_code, 2);
  EXPECT_EQ(wflint("test --case Ada").exit_code, 0);
}

TEST_F(WftestCommand, TheExamplesPass) {
  const std::string examples = std::string(WFLINT_SOURCE_DIR) + "/examples/testing";
  const auto result = wflint("test '" + examples + "'");
  EXPECT_EQ(result.exit_code, 0) << result.out << stderr_text();
  EXPECT_NE(result.out.find("4 passed, 0 failed"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace wflint
