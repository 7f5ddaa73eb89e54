#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"
#include "load/loader.h"

namespace wflint::testing {

CheckOptions all_rules();

// A source and the documents loaded from it, without running any rule.
struct LoadedText {
  std::unique_ptr<Source> source;
  std::vector<LoadedDocument> documents;
  const Node& root(std::size_t i = 0) const { return *documents.at(i).document->root(); }
};
LoadedText load_text(const std::string& path, std::string_view text, Syntax syntax);

// The source text a span covers.
std::string_view spanned(const Span& span);

// Checks `text` as if it were the file `path` named on the command line.
FileReport check_text(const std::string& path, std::string_view text,
                      Origin origin = Origin::Explicit, const CheckOptions& options = all_rules());

// "RULE line:column" for every finding, in output order.
std::vector<std::string> finding_positions(const FileReport& report);
std::vector<std::string> rule_ids(const FileReport& report);

// Runs a command through the shell; returns its exit code and what it printed on stdout.
struct CommandResult {
  int exit_code = -1;
  std::string out;
};
CommandResult run_command(const std::string& command);

// A fresh directory to run the wflint binary in; removed afterwards.
class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  // Runs `wflint ARGS` in the directory; stderr goes to stderr_text().
  CommandResult wflint(const std::string& args) const;
  std::string stderr_text() const;

  std::string dir_;
};

std::string read_file(const std::string& path);
// Compares `actual` with the golden file at `expected_path`; with WFLINT_UPDATE_GOLDEN=1 in the
// environment, writes it there instead.
void expect_golden(const std::string& expected_path, const std::string& actual);
// A test parameter as a GoogleTest name: every character but letters and digits becomes '_'.
std::string parameter_name(std::string text);
void write_file(const std::string& path, std::string_view text);
// A fresh empty directory under the system temp directory.
std::string make_temp_dir();

}  // namespace wflint::testing
