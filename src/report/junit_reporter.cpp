// JUnit XML for CI test report views: one test case per checked file, failed by its findings at
// or above --fail-on; findings below it are kept as the test case's output.
#include <fmt/format.h>

#include <sstream>

#include "report/reporter.h"
#include "support/utf8.h"

namespace wflint {
namespace {

// Text made safe for XML 1.0: markup escaped, control characters XML forbids and bytes that are
// not UTF-8 replaced.
std::string xml_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const std::size_t length = utf8::sequence_length(text, i);
    const auto byte = static_cast<unsigned char>(c);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (byte < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += '?';
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
  return out;
}

std::string finding_line(const Diagnostic& d) {
  const Location loc = locate(d.span);
  return fmt::format("{}:{}:{}: {}: {} [{} {}]\n", loc.file->path(), loc.begin.line,
                     loc.begin.column, to_string(d.severity), d.message, d.rule_id, d.rule_name);
}

class JunitReporter final : public Reporter {
 public:
  JunitReporter(std::ostream& out, std::optional<Severity> fail_on)
      : out_(out), fail_on_(fail_on) {}

  void add_file(const FileReport& report) override {
    if (!report.failure.empty()) {
      ++tests_;
      ++errors_;
      cases_ << fmt::format(
          "    <testcase name=\"{0}\" classname=\"wflint\" file=\"{0}\">\n"
          "      <error message=\"{1}\" type=\"unreadable\"/>\n"
          "    </testcase>\n",
          xml_escape(report.path), xml_escape(report.failure));
      return;
    }
    if (!report.checked) return;
    ++tests_;
    std::string failing, passing;
    std::size_t failures = 0;
    for (const Diagnostic& d : report.diagnostics) {
      const bool fails = fail_on_ && d.severity >= *fail_on_;
      (fails ? failing : passing) += finding_line(d);
      failures += fails ? 1 : 0;
    }
    const std::string opening = fmt::format(
        "    <testcase name=\"{0}\" classname=\"wflint\" file=\"{0}\"", xml_escape(report.path));
    if (report.diagnostics.empty()) {
      cases_ << opening << "/>\n";
      return;
    }
    cases_ << opening << ">\n";
    if (failures > 0) {
      ++failures_;
      cases_ << fmt::format("      <failure message=\"{} {}\" type=\"wflint\">{}</failure>\n",
                            failures, failures == 1 ? "problem" : "problems", xml_escape(failing));
    }
    if (!passing.empty())
      cases_ << fmt::format("      <system-out>{}</system-out>\n", xml_escape(passing));
    cases_ << "    </testcase>\n";
  }

  void finish(const Summary&) override {
    const std::string counts =
        fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests_, failures_, errors_);
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"wflint\" {}>\n", counts)
         << fmt::format("  <testsuite name=\"wflint\" {} skipped=\"0\">\n", counts) << cases_.str()
         << "  </testsuite>\n</testsuites>\n";
  }

 private:
  std::ostream& out_;
  std::optional<Severity> fail_on_;
  std::ostringstream cases_;
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, std::optional<Severity> fail_on) {
  return std::make_unique<JunitReporter>(out, fail_on);
}

}  // namespace wflint
