#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <ostream>

#include "support/file_report.h"

namespace wflint {

struct Summary {
  std::size_t files_checked = 0;
  std::size_t files_with_findings = 0;
  std::array<std::size_t, 3> by_severity{};  // indexed by Severity

  void add(const FileReport& report);
  std::size_t total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

// Formats findings. Reporters receive files in output order and never decide what is wrong.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void add_file(const FileReport& report) = 0;
  virtual void finish(const Summary& summary) = 0;
};

struct TextOptions {
  bool color = false;
  bool quiet = false;  // findings only, no summary line
};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, TextOptions options);
// One JSON array of findings; see README for the fields.
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out);

}  // namespace wflint
