#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>

#include "support/file_report.h"
#include "support/rule_description.h"

namespace wflint {

struct Summary {
  std::size_t files_checked = 0;
  std::size_t files_with_findings = 0;
  std::array<std::size_t, 3> by_severity{};  // indexed by Severity

  void add(const FileReport& report);
  std::size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

// Formats findings. Reporters receive files in output order and never decide what is wrong. A
// file that could not be read comes with its `failure` set and no findings.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void add_file(const FileReport& report) = 0;
  virtual void finish(const Summary& summary) = 0;
};

struct TextOptions {
  bool color = false;
  bool quiet = false;       // findings only, no summary line
  bool code_frames = true;  // false: one line per finding (--format compact)
};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, TextOptions options);
// One JSON array of findings; see README for the fields.
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);

// Where the files of a run are: SARIF and GitHub name files relative to the root of the
// repository, whatever directory wflint ran in.
struct SourceRoot {
  std::string directory;  // absolute, with a trailing '/'
};

// GitHub Actions workflow commands (::error file=...::message), one line per finding.
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, SourceRoot root);
// JUnit XML: one test case per file, failed by its findings at or above `fail_on` (never, when
// nullopt).
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, std::optional<Severity> fail_on);
// SARIF 2.1.0: one run listing every rule of `rules`.
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, SourceRoot root,
                                              std::span<const RuleDescription> rules,
                                              std::string_view version);
// --statistics: how many findings each rule made, most first; as a table or a JSON array.
std::unique_ptr<Reporter> make_statistics_reporter(std::ostream& out, bool json);

}  // namespace wflint
