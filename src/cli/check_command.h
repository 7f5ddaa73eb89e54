#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wflint::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// `wflint check [PATH...]`.
class CheckCommand {
 public:
  explicit CheckCommand(CLI::App& app);
  bool parsed() const { return command_->parsed(); }
  int run();

 private:
  CLI::App* command_;
  std::vector<std::string> paths_;
  std::string format_ = "text";
  std::string output_;
  std::string fail_on_ = "error";
  std::string kind_;
  std::string select_;
  std::string ignore_;
  std::string stdin_filename_ = "<stdin>";
  std::string color_ = "auto";
  std::string source_root_;
  unsigned jobs_ = 0;
  bool quiet_ = false;
  bool statistics_ = false;
};

}  // namespace wflint::cli
