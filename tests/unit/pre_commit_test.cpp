// The hook of .pre-commit-hooks.yaml installed the way users install it: a throwaway repository
// whose .pre-commit-config.yaml points at a copy of this repository's hook file. A commit of a bad
// state machine is refused with wflint's findings; a good one goes through. Skips where pre-commit
// or git is not installed (.ci/run installs Debian's pre-commit).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::write_file;

constexpr const char* kBad = R"({
  "StartAt": "Resize image",
  "States": {"Resize images": {"Type": "Succeed"}}
}
)";
constexpr const char* kGood = R"({
  "StartAt": "Resize images",
  "States": {"Resize images": {"Type": "Succeed"}}
}
)";

bool installed(const std::string& command) {
  return run_command(command + " --version >/dev/null 2>&1").exit_code == 0;
}

class PreCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!installed("pre-commit") || !installed("git")) GTEST_SKIP() << "pre-commit or git missing";
    dir_ = testing::make_temp_dir();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs `command` in `directory` with wflint on PATH, git configured, and pre-commit's cache in
  // the temporary directory; returns its exit code and everything it printed.
  testing::CommandResult in(const std::string& directory, const std::string& command) const {
    const std::string environment = fmt::format(
        "export PATH='{}':\"$PATH\" PRE_COMMIT_HOME='{}/cache' GIT_AUTHOR_NAME=t "
        "GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t GIT_CONFIG_NOSYSTEM=1 "
        "HOME='{}'",
        fs::path(WFLINT_BINARY).parent_path().string(), dir_, dir_);
    return run_command(
        fmt::format("cd '{}/{}' && {} && ({}) 2>&1", dir_, directory, environment, command));
  }

  // A repository holding this checkout's hook file, as pre-commit fetches hooks from one; returns
  // the revision to pin.
  std::string make_hook_repository() const {
    fs::create_directories(dir_ + "/hooks");
    fs::copy_file(fs::path(WFLINT_SOURCE_DIR) / ".pre-commit-hooks.yaml",
                  dir_ + "/hooks/.pre-commit-hooks.yaml");
    EXPECT_EQ(in("hooks", "git init -q && git add . && git commit -qm hooks").exit_code, 0);
    std::string revision = in("hooks", "git rev-parse HEAD").out;
    return revision.substr(0, revision.find('\n'));
  }

  std::string dir_;
};

TEST_F(PreCommitTest, RefusesABadStateMachineAndAcceptsAGoodOne) {
  const std::string revision = make_hook_repository();
  fs::create_directories(dir_ + "/project");
  write_file(
      dir_ + "/project/.pre-commit-config.yaml",
      fmt::format("repos:\n  - repo: {}/hooks\n    rev: {}\n    hooks:\n      - id: wflint\n", dir_,
                  revision));
  ASSERT_EQ(in("project", "git init -q && pre-commit install").exit_code, 0);

  write_file(dir_ + "/project/statemachines/resize.asl.json", kBad);
  // A template beside it that is no state machine: the hook passes it to wflint, which skips it.
  write_file(dir_ + "/project/templates/template.yaml", "Resources: {}\n");
  const auto refused = in("project", "git add -A && git commit -m bad");
  EXPECT_NE(refused.exit_code, 0) << refused.out;
  EXPECT_NE(refused.out.find("statemachines/resize.asl.json:2:14: error: StartAt \"Resize image\" "
                             "names no state in the top-level States [ASL001 missing-start-state]"),
            std::string::npos)
      << refused.out;
  EXPECT_EQ(refused.out.find("templates/template.yaml"), std::string::npos) << refused.out;
  EXPECT_NE(in("project", "git log --oneline 2>&1").out.find("does not have any commits"),
            std::string::npos);

  write_file(dir_ + "/project/statemachines/resize.asl.json", kGood);
  const auto accepted = in("project", "git add -A && git commit -m good");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out;
  EXPECT_NE(accepted.out.find("wflint"), std::string::npos) << accepted.out;
  EXPECT_NE(in("project", "git log --oneline").out.find("good"), std::string::npos);
}

}  // namespace
}  // namespace wflint
