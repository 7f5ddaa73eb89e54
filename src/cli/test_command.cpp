#include "cli/test_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/check_command.h"
#include "run/json.h"
#include "run/test_runner.h"
#include "run/test_spec.h"
#include "support/utf8.h"

namespace wflint::cli {

namespace fs = std::filesystem;

namespace {

// One spec file's outcome: the problems that kept it from running, or its cases' results.
struct SpecReport {
  std::string path;
  std::vector<std::string> problems;
  std::vector<run::TestCaseResult> cases;
};

struct Totals {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t broken_specs = 0;
};

Totals totals_of(const std::vector<SpecReport>& reports) {
  Totals totals;
  for (const SpecReport& report : reports) {
    if (!report.problems.empty()) ++totals.broken_specs;
    for (const run::TestCaseResult& result : report.cases)
      ++(result.passed() ? totals.passed : totals.failed);
  }
  return totals;
}

void print_error(std::string_view message) {
  std::cerr << "wflint: error: " << message << '\n';
}

// "./a/b" → "a/b": paths found under the current directory print as the user would type them.
std::string displayed(const fs::path& path) {
  std::string text = path.generic_string();
  while (text.starts_with("./"))
    text.erase(0, 2);
  return text;
}

bool is_skipped_directory(const fs::path& directory) {
  const std::string name = directory.filename().string();
  return (name.size() > 1 && name.starts_with('.') && name != "..") || name == "node_modules";
}

// The spec files under `directory`, hidden directories and node_modules skipped, in path order.
std::vector<std::string> specs_under(const fs::path& directory, std::error_code& ec) {
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_error;
    if (it->is_directory(type_error)) {
      if (is_skipped_directory(it->path())) it.disable_recursion_pending();
    } else if (run::is_test_spec_path(it->path().filename().string())) {
      found.push_back(displayed(it->path()));
    }
  }
  std::ranges::sort(found);
  return found;
}

// The specs the paths name; `missing` is set when one of them cannot be used.
std::vector<std::string> collect_specs(const std::vector<std::string>& paths, bool& missing) {
  std::vector<std::string> specs;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      print_error(fmt::format("{}: no such file or directory", path));
      missing = true;
    } else if (fs::is_directory(status)) {
      std::vector<std::string> found = specs_under(path, ec);
      if (ec) {
        print_error(fmt::format("{}: {}", path, ec.message()));
        missing = true;
      }
      specs.insert(specs.end(), found.begin(), found.end());
    } else {
      specs.push_back(path);
    }
  }
  return specs;
}

SpecReport run_spec(const std::string& path, std::string_view case_filter) {
  SpecReport report;
  report.path = path;
  const auto spec = run::read_test_spec(path, report.problems);
  if (!spec) {
    if (report.problems.empty()) report.problems.push_back(path + ": cannot be read");
    for (const std::string& problem : report.problems)
      std::cerr << problem << '\n';
    return report;
  }
  for (const run::TestCaseSpec& test_case : spec->cases) {
    if (test_case.name.find(case_filter) == std::string::npos) continue;
    report.cases.push_back(run::run_test_case(*spec, test_case));
  }
  return report;
}

// Text made safe for XML 1.0: markup escaped, control characters XML forbids and bytes that are
// not UTF-8 replaced.
std::string xml_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8::sequence_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char c = text[i];
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&apos;";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      out += '?';
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string difference_lines(const std::vector<std::string>& differences) {
  std::string out;
  for (const std::string& difference : differences)
    out += "  " + difference + '\n';
  return out;
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

void write_text(const std::vector<SpecReport>& reports, std::ostream& out) {
  for (const SpecReport& report : reports) {
    for (const run::TestCaseResult& result : report.cases) {
      out << (result.passed() ? "PASS " : "FAIL ") << report.path << " \u203a " << result.name
          << '\n'
          << difference_lines(result.differences);
    }
  }
  const Totals totals = totals_of(reports);
  out << fmt::format("{} passed, {} failed", totals.passed, totals.failed);
  if (totals.broken_specs > 0) {
    out << ", " << plural(totals.broken_specs, "spec", "specs") << " with errors";
  }
  out << '\n';
}

void write_junit_suite(const SpecReport& report, std::ostream& out) {
  const std::string path = xml_escape(report.path);
  if (!report.problems.empty()) {
    std::string problems;
    for (const std::string& problem : report.problems)
      problems += problem + '\n';
    out << fmt::format(
        "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        "    <testcase name=\"{0}\" classname=\"{0}\" file=\"{0}\">\n"
        "      <error message=\"the spec has errors\" type=\"spec\">{1}</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n",
        path, xml_escape(problems));
    return;
  }
  const Totals totals = totals_of({report});
  out << fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", path,
      report.cases.size(), totals.failed);
  for (const run::TestCaseResult& result : report.cases) {
    const std::string opening =
        fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                    xml_escape(result.name), path, path);
    if (result.passed()) {
      out << opening << "/>\n";
      continue;
    }
    out << opening << ">\n"
        << fmt::format("      <failure message=\"{}\" type=\"wflint test\">{}</failure>\n",
                       plural(result.differences.size(), "difference", "differences"),
                       xml_escape(difference_lines(result.differences)))
        << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

void write_junit(const std::vector<SpecReport>& reports, std::ostream& out) {
  const Totals totals = totals_of(reports);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << fmt::format(
             "<testsuites name=\"wflint test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
             totals.passed + totals.failed + totals.broken_specs, totals.failed,
             totals.broken_specs);
  for (const SpecReport& report : reports)
    write_junit_suite(report, out);
  out << "</testsuites>\n";
}

void write_json(const std::vector<SpecReport>& reports, std::ostream& out) {
  run::Json array = run::Json::array();
  for (const SpecReport& report : reports) {
    if (!report.problems.empty()) {
      array.push_back({{"spec", report.path},
                       {"case", nullptr},
                       {"passed", false},
                       {"differences", run::Json::array()},
                       {"errors", report.problems}});
    }
    for (const run::TestCaseResult& result : report.cases) {
      array.push_back({{"spec", report.path},
                       {"case", result.name},
                       {"passed", result.passed()},
                       {"differences", result.differences}});
    }
  }
  out << array.dump(2, ' ', false, run::Json::error_handler_t::replace) << '\n';
}

}  // namespace

TestCommand::TestCommand(CLI::App& app) {
  command_ = app.add_subcommand("test", "Run a state machine's test cases (*.wftest.yaml)");
  command_
      ->add_option("paths", paths_,
                   "Spec files, or directories searched for *.wftest.yaml, *.wftest.yml, "
                   "*.wftest.json")
      ->default_str(".");
  command_->add_option("--format", format_, "Output format")
      ->check(CLI::IsMember({"text", "junit", "json"}))
      ->capture_default_str();
  command_->add_option("-o,--output", output_, "Write the report to this file instead of stdout");
  command_->add_option("--case", case_filter_, "Run only the cases whose name contains this text");
}

int TestCommand::run() {
  if (paths_.empty()) paths_.emplace_back(".");
  bool unusable_path = false;
  const std::vector<std::string> specs = collect_specs(paths_, unusable_path);
  if (specs.empty()) {
    if (!unusable_path) print_error("no test specs (*.wftest.yaml, *.wftest.yml, *.wftest.json)");
    return kExitUsage;
  }
  std::vector<SpecReport> reports;
  for (const std::string& spec : specs)
    reports.push_back(run_spec(spec, case_filter_));
  const Totals totals = totals_of(reports);
  if (!case_filter_.empty() && totals.passed + totals.failed == 0 && totals.broken_specs == 0) {
    print_error(fmt::format("no case's name contains \"{}\"", case_filter_));
    return kExitUsage;
  }

  std::ofstream file;
  if (!output_.empty()) {
    std::error_code ec;
    const fs::path parent = fs::path(output_).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    file.open(output_, std::ios::binary | std::ios::trunc);
    if (!file) {
      print_error(fmt::format("{}: cannot write the report there", output_));
      return kExitUsage;
    }
  }
  std::ostream& out = output_.empty() ? std::cout : file;
  if (format_ == "junit") {
    write_junit(reports, out);
  } else if (format_ == "json") {
    write_json(reports, out);
  } else {
    write_text(reports, out);
  }
  out.flush();
  if (!out) {
    print_error(fmt::format("{}: writing the report failed", output_.empty() ? "stdout" : output_));
    return kExitUsage;
  }
  if (unusable_path || totals.broken_specs > 0) return kExitUsage;
  return totals.failed > 0 ? kExitFindings : kExitClean;
}

}  // namespace wflint::cli
