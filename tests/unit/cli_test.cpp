// The wflint binary as users run it: exit codes, output streams, file discovery.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::write_file;

constexpr const char* kGoodAsl = R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})";
constexpr const char* kBadAsl =
    "{\"StartAt\": \"B\",\n \"States\": {\"A\": {\"Type\": \"Succeed\"}}}";

using CliTest = testing::CliFixture;

TEST_F(CliTest, Version) {
  auto result = wflint("--version");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "wflint 0.1.0\n");
}

TEST_F(CliTest, CleanFileExitsZero) {
  write_file(path("good.asl.json"), kGoodAsl);
  auto result = wflint("check good.asl.json");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "No problems found in 1 file.\n");
}

TEST_F(CliTest, FindingExitsOneWithCodeFrame) {
  write_file(path("bad.json"), kBadAsl);
  auto result = wflint("check bad.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "bad.json:1:13: error: StartAt \"B\" names no state in the top-level States [ASL001 "
            "missing-start-state]\n"
            "  |\n"
            "1 | {\"StartAt\": \"B\",\n"
            "  |             ^^^\n"
            "  = help: did you mean \"A\"?\n"
            "Found 1 problem (1 error) in 1 of 1 file.\n");
}

TEST_F(CliTest, SyntaxErrorExitsOne) {
  write_file(path("broken.json"), "{\"StartAt\": \"A\",}");
  auto result = wflint("check -q broken.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')),
            "broken.json:1:16: error: trailing comma is not allowed in JSON [WF001 syntax-error]");
}

TEST_F(CliTest, FailOnThresholds) {
  write_file(path("bad.json"), kBadAsl);
  EXPECT_EQ(wflint("check --fail-on never bad.json").exit_code, 0);
  EXPECT_EQ(wflint("check --fail-on warning bad.json").exit_code, 1);
  EXPECT_EQ(wflint("check --fail-on bogus bad.json").exit_code, 2);
}

TEST_F(CliTest, MissingPathExitsTwoAfterCheckingTheOthers) {
  write_file(path("bad.json"), kBadAsl);
  auto result = wflint("check nothing-here.json bad.json");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("[ASL001 missing-start-state]"), std::string::npos);
  EXPECT_NE(stderr_text().find("nothing-here.json: no such file or directory"), std::string::npos);
}

TEST_F(CliTest, UnreadableFileInDirectoryExitsTwoAfterCheckingTheOthers) {
  write_file(path("flows/bad.json"), kBadAsl);
  fs::create_symlink(path("flows/gone.json"), path("flows/dangling.json"));
  auto result = wflint("check flows");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.out.find("flows/bad.json:1:13"), std::string::npos);
  EXPECT_NE(stderr_text().find("flows/dangling.json"), std::string::npos);
}

TEST_F(CliTest, PermissionDeniedExitsTwo) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  write_file(path("locked.json"), kGoodAsl);
  fs::permissions(path("locked.json"), fs::perms::none);
  EXPECT_EQ(wflint("check locked.json").exit_code, 2);
}

TEST_F(CliTest, WalkingSkipsFilesThatAreNotWorkflows) {
  write_file(path("repo/package.json"), R"({"name": "x", "version": "1.0.0"})");
  write_file(path("repo/tsconfig.json"), "{ // comments: not JSON, not ours\n}");
  write_file(path("repo/node_modules/dep/flow.json"), kBadAsl);
  write_file(path("repo/flows/good.asl.json"), kGoodAsl);
  write_file(path("repo/flows/notes.txt"), kBadAsl);
  auto result = wflint("check repo");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_EQ(result.out, "No problems found in 1 file.\n");
}

TEST_F(CliTest, WalkingReportsBrokenWorkflowFiles) {
  write_file(path("repo/flow.json"), "{\"StartAt\": \"A\", \"States\": {,}}");
  auto result = wflint("check -q repo");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("repo/flow.json:1:29: error:"), std::string::npos) << result.out;
}

TEST_F(CliTest, ExplicitFileThatIsNotAWorkflow) {
  write_file(path("package.json"), R"({"name": "x"})");
  auto result = wflint("check -q package.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("package.json:1:1: error: not a Step Functions state machine"),
            std::string::npos);
  auto forced = wflint("check -q --kind asl package.json");
  EXPECT_EQ(forced.exit_code, 1);
  EXPECT_NE(forced.out.find("error: the state machine has no \"StartAt\" [ASL004"),
            std::string::npos)
      << forced.out;
}

TEST_F(CliTest, ReadsStandardInput) {
  write_file(path("in.json"), kBadAsl);
  auto result = wflint("check -q --stdin-filename flows/order.asl.json - < in.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.rfind("flows/order.asl.json:1:13: error:", 0), 0u) << result.out;
}

TEST_F(CliTest, JsonFormat) {
  write_file(path("bad.json"), kBadAsl);
  auto result = wflint("check --format json bad.json");
  EXPECT_EQ(result.exit_code, 1);
  const auto findings = nlohmann::json::parse(result.out);
  ASSERT_EQ(findings.size(), 1u);
  const auto& f = findings[0];
  EXPECT_EQ(f["file"], "bad.json");
  EXPECT_EQ(f["line"], 1);
  EXPECT_EQ(f["column"], 13);
  EXPECT_EQ(f["endLine"], 1);
  EXPECT_EQ(f["endColumn"], 16);
  EXPECT_EQ(f["rule"], "ASL001");
  EXPECT_EQ(f["name"], "missing-start-state");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["pointer"], "/StartAt");
  EXPECT_EQ(f["message"], "StartAt \"B\" names no state in the top-level States");
}

TEST_F(CliTest, JsonFormatWithoutFindingsIsAnEmptyArray) {
  write_file(path("good.json"), kGoodAsl);
  auto result = wflint("check --format json good.json");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(result.out), nlohmann::json::array());
}

TEST_F(CliTest, SelectAndIgnore) {
  write_file(path("bad.json"), kBadAsl);
  EXPECT_EQ(wflint("check --ignore ASL bad.json").exit_code, 0);
  EXPECT_EQ(wflint("check --select SSM bad.json").exit_code, 0);
  EXPECT_EQ(wflint("check --select missing-start-state bad.json").exit_code, 1);
  EXPECT_EQ(wflint("check --ignore NOPE bad.json").exit_code, 2);
}

TEST_F(CliTest, ColourOnlyWhenAsked) {
  write_file(path("bad.json"), kBadAsl);
  EXPECT_EQ(wflint("check bad.json").out.find('\x1b'), std::string::npos);
  EXPECT_NE(wflint("check --color always bad.json").out.find("\x1b["), std::string::npos);
  auto no_color = run_command(std::string("cd '") + dir_ + "' && NO_COLOR=1 " + WFLINT_BINARY +
                              " check --color auto bad.json");
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
}

TEST_F(CliTest, OutputIsTheSameWithOneOrManyThreads) {
  for (int i = 0; i < 40; ++i) {
    write_file(path("many/f" + std::to_string(i) + ".json"), i % 3 ? kGoodAsl : kBadAsl);
  }
  auto one = wflint("check -j1 many");
  auto four = wflint("check -j4 many");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, four.out);
  // Files come out sorted by path.
  EXPECT_LT(one.out.find("many/f0.json"), one.out.find("many/f12.json"));
  EXPECT_LT(one.out.find("many/f12.json"), one.out.find("many/f3.json"));
}

TEST_F(CliTest, CodeFramesNeverPrintRawControlOrInvalidBytes) {
  write_file(path("binary.json"), "{\"StartAt\": \"\x01\x1b[31m\xff\"}");
  auto result = wflint("check binary.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find('\xff'), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("1 | {\"StartAt\": \"??[31m?\"}"), std::string::npos) << result.out;
}

TEST_F(CliTest, HundredMegabyteFile) {
  std::string text = R"({"Comment": ")" + std::string(100u << 20, 'x') +
                     R"(", "StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}})";
  write_file(path("huge.json"), text);
  auto result = wflint("check -q huge.json");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("huge.json:1:104857628: error: StartAt \"Nope\""), std::string::npos)
      << result.out.substr(0, 200);
}

}  // namespace
}  // namespace wflint
