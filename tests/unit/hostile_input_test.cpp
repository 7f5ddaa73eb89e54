// What a repository can throw at a pre-commit hook: huge, deep, cyclic, binary, vanishing and
// adversarial input. Each gets a clear finding or error, nothing crashes or hangs, and the other
// files are still checked. (Deep JSON and YAML nesting and YAML alias bombs are in the loader
// tests: json_loader_test and yaml_loader_test.)
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "engine/inputs.h"
#include "engine/run.h"
#include "jsonata/eval/evaluator.h"
#include "jsonata/eval/json_text.h"
#include "jsonata/parser.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using testing::check_text;
using testing::finding_positions;
using testing::rule_ids;
using testing::write_file;

constexpr const char* kBadAsl =
    "{\"StartAt\": \"B\",\n \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

// A state machine of `states` Choice states with ten rules and a Default each, every one
// branching forward: states * 11 transitions.
std::string dense_choices(int states) {
  std::string text = "{\"StartAt\": \"c0\", \"States\": {\n";
  const auto target = [&](int i) { return i < states ? fmt::format("c{}", i) : "done"; };
  for (int i = 0; i < states; ++i) {
    text += fmt::format(R"("c{}": {{"Type": "Choice", "Choices": [)", i);
    for (int c = 1; c <= 10; ++c)
      text += fmt::format(R"({}{{"Variable": "$.n", "NumericEquals": {}, "Next": "{}"}})",
                          c == 1 ? "" : ", ", c, target(i + c));
    text += fmt::format("], \"Default\": \"{}\"}},\n", target(i + 1));
  }
  return text + "\"done\": {\"Type\": \"Succeed\"}}}\n";
}

// A Choice whose only rule is `depth` levels of "Not" around a comparison.
std::string nested_choice(int depth) {
  std::string rule;
  for (int i = 1; i < depth; ++i)
    rule += "{\"Not\": ";
  rule += R"({"Variable": "$.n", "IsPresent": true})" + std::string(depth - 1, '}');
  return R"({"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Not": )" + rule +
         R"(, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}})";
}

TEST(HostileInputTest, HundredThousandStatesAndAMillionTransitionsAreCheckedToTheLine) {
  // Every state is reachable and every rule valid but one: the size alone is no finding.
  std::string text = dense_choices(100'000);
  const std::string needle = "\"Next\": \"c50000\"";
  text.replace(text.find(needle), needle.size(), "\"Next\": \"nowhere\"");
  FileReport report = check_text("dense.asl.json", text);
  ASSERT_EQ(rule_ids(report), std::vector<std::string>{"ASL101"});
  // State c49990 (line 49,992) is the first to name c50000.
  EXPECT_EQ(locate(report.diagnostics[0].span).begin.line, 49'992u);
}

TEST(HostileInputTest, ChoiceRuleNestedTenThousandDeepIsASyntaxFindingAtTheLimit) {
  FileReport report = check_text("deep-choice.asl.json", nested_choice(10'000));
  ASSERT_EQ(rule_ids(report), std::vector<std::string>{"WF001"});
  EXPECT_NE(report.diagnostics[0].message.find("deeper than 1000"), std::string::npos);
}

TEST(HostileInputTest, ChoiceRuleNestedJustUnderTheLimitIsCheckedRuleByRule) {
  // 495 "Not" levels: 996 JSON levels with the object, States, C, Choices and the rule.
  FileReport report = check_text("deep-choice.asl.json", nested_choice(495));
  EXPECT_TRUE(report.checked);
  EXPECT_EQ(rule_ids(report), std::vector<std::string>{});
}

TEST(HostileInputTest, JsonataNestedHundredThousandDeepIsAFindingInTheField) {
  const std::string expression = std::string(100'000, '(') + "1" + std::string(100'000, ')');
  const std::string text = R"({"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {)"
                           R"("Type": "Pass", "Output": "{% )" +
                           expression + R"( %}", "End": true}}})";
  FileReport report = check_text("deep.asl.json", text);
  ASSERT_EQ(rule_ids(report), std::vector<std::string>{"JSN001"});
  EXPECT_EQ(locate(report.diagnostics[0].span).begin.line, 1u);
}

TEST(HostileInputTest, YamlBlockNestingThousandsDeepIsAFinding) {
  std::string text = "StartAt: A\nStates:\n";
  for (int depth = 1; depth <= 3'000; ++depth)
    text += std::string(depth, ' ') + "a:\n";
  FileReport report = check_text("deep.yaml", text);
  ASSERT_EQ(rule_ids(report), std::vector<std::string>{"WF001"});
  EXPECT_NE(report.diagnostics[0].message.find("nesting is deeper than YAML's parser follows"),
            std::string::npos)
      << report.diagnostics[0].message;
}

TEST(HostileInputTest, HugeStringsInFieldsMatchedByPatternsAreChecked) {
  // Fields rules match with regular expressions (RE2: linear time) holding a megabyte.
  const std::string huge(1'000'000, 'a');
  const std::string text =
      R"({"StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "2024-01-01T)" + huge +
      R"(", "Next": "T"}, "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-)" + huge +
      R"(-1:123456789012:function:f", "End": true}}})";
  FileReport report = check_text("huge.asl.json", text);
  EXPECT_TRUE(report.checked);
  EXPECT_FALSE(report.diagnostics.empty());
}

TEST(HostileInputTest, CatastrophicBacktrackingPatternRunsInLinearTime) {
  // (a+)+$ against a long run of "a"s followed by "b" takes exponential time in a backtracking
  // engine; JSONata's regular expressions run through RE2.
  const std::string input = "\"" + std::string(100'000, 'a') + "b\"";
  jsonata::ParseResult parsed = jsonata::parse("$contains($, /(a+)+$/)");
  ASSERT_TRUE(parsed.ast.has_value());
  const auto ast = std::make_shared<const jsonata::Ast>(std::move(*parsed.ast));
  const auto bindings = std::make_shared<jsonata::Environment>(jsonata::standard_library());
  const jsonata::EvaluationResult result =
      jsonata::evaluate(ast, jsonata::parse_json(input).value(), bindings, {});
  ASSERT_FALSE(result.error.has_value());
  EXPECT_EQ(jsonata::stringify(result.value), "false");
}

class HostileFilesTest : public testing::CliFixture {};

TEST_F(HostileFilesTest, FileOverTheSizeLimitIsRefusedWithoutBeingRead) {
  write_file(path("bad.json"), kBadAsl);
  // A sparse gigabyte: refused from its size alone, so memory stays small.
  const int fd = ::open(path("huge.json").c_str(), O_WRONLY | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, off_t{1} << 30), 0);
  ::close(fd);
  auto result = wflint("check huge.json bad.json");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("bad.json:1:13"), std::string::npos);
  EXPECT_NE(
      stderr_text().find("huge.json: cannot read: the file is 1024 MiB, more than the 128 MiB "
                         "wflint reads"),
      std::string::npos)
      << stderr_text();
}

TEST_F(HostileFilesTest, SymlinkLoopsInAWalkedDirectoryAreReportedAndTheRestChecked) {
  write_file(path("flows/bad.json"), kBadAsl);
  fs::create_symlink("self.json", path("flows/self.json"));
  fs::create_symlink("ping.json", path("flows/pong.json"));
  fs::create_symlink("pong.json", path("flows/ping.json"));
  fs::create_symlink("..", path("flows/up"));  // a directory cycle: links are not followed
  auto result = wflint("check flows");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("flows/bad.json:1:13"), std::string::npos);
  EXPECT_EQ(result.out.find("Found 1 problem"), result.out.rfind("Found"));
  for (const char* link : {"self.json", "ping.json", "pong.json"})
    EXPECT_NE(stderr_text().find(fmt::format("flows/{}: cannot read: the link loops", link)),
              std::string::npos)
        << stderr_text();
}

TEST_F(HostileFilesTest, FifoIsRefusedRatherThanWaitedOn) {
  write_file(path("flows/bad.json"), kBadAsl);
  ASSERT_EQ(::mkfifo(path("flows/pipe.json").c_str(), 0644), 0);
  fs::create_symlink("pipe.json", path("flows/to-pipe.json"));
  // Named explicitly, and through a link met while walking: opening either must not block.
  auto explicit_result = wflint("check flows/pipe.json flows/bad.json");
  EXPECT_EQ(explicit_result.exit_code, 2);
  EXPECT_NE(stderr_text().find("flows/pipe.json: cannot read: not a regular file"),
            std::string::npos);
  auto walked = wflint("check flows");
  EXPECT_EQ(walked.exit_code, 2);
  EXPECT_NE(walked.out.find("flows/bad.json:1:13"), std::string::npos);
  EXPECT_NE(stderr_text().find("flows/to-pipe.json: cannot read: not a regular file"),
            std::string::npos);
}

TEST_F(HostileFilesTest, DirectoryWithAWorkflowNameIsWalkedNotRead) {
  write_file(path("repo/odd.json/inner.asl.json"), kBadAsl);
  auto result = wflint("check -q repo");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("repo/odd.json/inner.asl.json:1:13"), std::string::npos);
}

TEST_F(HostileFilesTest, BinaryFilesNamedJsonAreSyntaxFindingsWhenNamedAndSkippedWhenWalked) {
  std::string binary = "\x89PNG\r\n\x1a\n";
  binary += std::string("\0\0\0\rIHDR\xff\xfe\x00\x01", 13);
  write_file(path("repo/logo.json"), binary);
  write_file(path("repo/bad.json"), kBadAsl);
  auto named = wflint("check -q repo/logo.json");
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_EQ(named.out.substr(0, named.out.find(' ')), "repo/logo.json:1:1:");
  EXPECT_NE(named.out.find("[WF001 syntax-error]"), std::string::npos);
  auto walked = wflint("check -q repo");
  EXPECT_EQ(walked.exit_code, 1);
  EXPECT_EQ(walked.out.find("logo.json"), std::string::npos) << walked.out;
  EXPECT_NE(walked.out.find("repo/bad.json:1:13"), std::string::npos);
}

TEST_F(HostileFilesTest, FileThatDisappearsBeforeItIsReadIsAnErrorAndTheOthersAreChecked) {
  write_file(path("flows/a.json"), kBadAsl);
  write_file(path("flows/b.json"), kBadAsl);
  write_file(path("flows/c.json"), kBadAsl);
  const InputList inputs = collect_inputs({path("flows")}, {});
  ASSERT_EQ(inputs.files.size(), 3u);
  fs::remove(path("flows/b.json"));
  std::vector<FileReport> reports;
  RunOptions options;
  options.check = testing::all_rules();
  check_inputs(inputs.files, options,
               [&](FileReport&& report) { reports.push_back(std::move(report)); });
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(rule_ids(reports[0]), std::vector<std::string>{"ASL001"});
  EXPECT_NE(reports[1].failure.find("b.json: cannot read: No such file or directory"),
            std::string::npos)
      << reports[1].failure;
  EXPECT_EQ(rule_ids(reports[2]), std::vector<std::string>{"ASL001"});
}

TEST_F(HostileFilesTest, FileRewrittenWhileBeingCheckedIsReadWholeOrReportedClearly) {
  // Another process keeps rewriting the file (shorter, longer, broken) while it is checked:
  // every check sees one consistent read and reports findings on it, or a read error.
  const std::string file = path("flapping.json");
  const std::string versions[] = {kBadAsl, std::string(kBadAsl) + std::string(100'000, ' '),
                                  "{\"StartAt\": ", ""};
  write_file(file, versions[0]);
  std::atomic<bool> done = false;
  std::thread writer([&] {
    for (int i = 0; !done; ++i)
      write_file(file, versions[i % 4]);
  });
  RunOptions options;
  options.check = testing::all_rules();
  options.jobs = 1;
  for (int i = 0; i < 200; ++i) {
    check_inputs({InputFile{file, Origin::Explicit}}, options, [&](FileReport&& report) {
      if (!report.failure.empty()) return;
      EXPECT_TRUE(report.checked);
      EXPECT_FALSE(report.diagnostics.empty());  // each version has something wrong
    });
  }
  done = true;
  writer.join();
}

}  // namespace
}  // namespace wflint
