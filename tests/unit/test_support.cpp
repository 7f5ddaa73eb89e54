#include "test_support.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wflint::testing {

CheckOptions all_rules() {
  return CheckOptions{};
}

LoadedText load_text(const std::string& path, std::string_view text, Syntax syntax) {
  LoadedText out;
  out.source = Source::from_bytes(path, text);
  out.documents = load_documents(*out.source, syntax);
  return out;
}

std::string_view spanned(const Span& span) {
  return span.source->text().substr(span.begin, span.end - span.begin);
}

FileReport check_text(const std::string& path, std::string_view text, Origin origin,
                      const CheckOptions& options) {
  return check_source(Source::from_bytes(path, text), origin, options);
}

std::vector<std::string> finding_positions(const FileReport& report) {
  std::vector<std::string> out;
  for (const Diagnostic& d : report.diagnostics) {
    const Location loc = locate(d.span);
    out.push_back(fmt::format("{} {}:{}", d.rule_id, loc.begin.line, loc.begin.column));
  }
  return out;
}

std::vector<std::string> rule_ids(const FileReport& report) {
  std::vector<std::string> out;
  for (const Diagnostic& d : report.diagnostics)
    out.emplace_back(d.rule_id);
  return out;
}

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void CliFixture::SetUp() {
  dir_ = make_temp_dir();
}

void CliFixture::TearDown() {
  std::filesystem::remove_all(dir_);
}

CommandResult CliFixture::wflint(const std::string& args) const {
  return run_command(
      fmt::format("cd '{}' && NO_COLOR= {} {} 2>stderr.txt", dir_, WFLINT_BINARY, args));
}

std::string CliFixture::stderr_text() const {
  return read_file(path("stderr.txt"));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, std::string_view text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::string make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "wflint-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

void expect_golden(const std::string& expected_path, const std::string& actual) {
  const char* update = std::getenv("WFLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(expected_path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path))
      << "missing " << expected_path << "; run with WFLINT_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, read_file(expected_path));
}

std::string parameter_name(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

}  // namespace wflint::testing
