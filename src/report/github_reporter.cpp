// GitHub Actions workflow commands: each finding becomes an annotation on the pull request
// (::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message).
#include <fmt/format.h>

#include "report/reporter.h"
#include "report/source_path.h"

namespace wflint {
namespace {

std::string_view command_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

// The runner reads '%', CR and LF as escapes in the message, and also ':' and ',' in property
// values.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter(std::ostream& out, SourceRoot root) : out_(out), root_(std::move(root)) {}

  void add_file(const FileReport& report) override {
    if (!report.failure.empty()) {
      out_ << fmt::format("::error file={},title=wflint::{}\n", file(report.path),
                          escape(report.failure, false));
    }
    for (const Diagnostic& d : report.diagnostics)
      write(d);
  }

  void finish(const Summary&) override {}

 private:
  std::string file(const std::string& path) const {
    const std::string relative = path_under_root(path, root_);
    return escape(relative.empty() ? path : relative, true);
  }

  // The runner drops the columns of an annotation that spans several lines, so such a one names
  // its lines only.
  static std::string position(const Location& loc) {
    if (loc.begin.line != loc.end.line)
      return fmt::format("line={},endLine={}", loc.begin.line, loc.end.line);
    return fmt::format("line={},col={},endLine={},endColumn={}", loc.begin.line, loc.begin.column,
                       loc.end.line, std::max(loc.end.column, loc.begin.column));
  }

  void write(const Diagnostic& d) {
    const Location loc = locate(d.span);
    std::string message = d.message;
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    out_ << fmt::format("::{} file={},{},title={}::{}\n", command_of(d.severity),
                        file(loc.file->path()), position(loc),
                        escape(fmt::format("{} {}", d.rule_id, d.rule_name), true),
                        escape(message, false));
  }

  std::ostream& out_;
  SourceRoot root_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, SourceRoot root) {
  return std::make_unique<GithubReporter>(out, std::move(root));
}

}  // namespace wflint
