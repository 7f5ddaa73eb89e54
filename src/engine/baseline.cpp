#include "engine/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/paths.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

std::string absolute_directory_of(const std::string& file) {
  return fs::path(absolute_path(file)).parent_path().generic_string();
}

// `path` (as wflint shows it) relative to `directory`, '/'-separated.
std::string relative_to(const std::string& path, const std::string& directory) {
  return fs::path(absolute_path(path)).lexically_relative(directory).generic_string();
}

Baseline::Entry entry_of(const std::string& file, const Diagnostic& finding) {
  return Baseline::Entry{file,
                         std::string(finding.rule_id),
                         fingerprint_text(finding.fingerprint),
                         locate(finding.span).begin.line,
                         finding.message,
                         false};
}

}  // namespace

std::optional<Baseline> Baseline::read(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot read the baseline", path);
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const Json json = Json::parse(text.str(), nullptr, false);
  const bool shaped = json.is_object() && json.contains("findings") &&
                      json["findings"].is_array() && json.value("version", 0) == kFormatVersion;
  if (!shaped) {
    error = fmt::format("{}: not a wflint baseline (write one with --write-baseline)", path);
    return std::nullopt;
  }
  Baseline baseline;
  baseline.directory_ = absolute_directory_of(path);
  for (const Json& item : json["findings"]) {
    if (!item.is_object() || !item.contains("file") || !item["file"].is_string() ||
        !item.contains("fingerprint") || !item["fingerprint"].is_string()) {
      error = fmt::format("{}: a finding lacks its file or fingerprint", path);
      return std::nullopt;
    }
    Entry entry;
    entry.file = item["file"].get<std::string>();
    entry.rule = item.value("rule", "");
    entry.fingerprint = item["fingerprint"].get<std::string>();
    entry.line = item.value("line", 0u);
    entry.message = item.value("message", "");
    baseline.by_file_[entry.file].push_back(std::move(entry));
  }
  return baseline;
}

std::size_t Baseline::drop_known(FileReport& report) {
  const std::string file = relative_to(report.path, directory_);
  checked_files_.emplace_back(file, report.path);
  const auto it = by_file_.find(file);
  if (it == by_file_.end()) return 0;
  std::vector<Entry>& entries = it->second;
  const auto known = [&](const Diagnostic& finding) {
    const std::string fingerprint = fingerprint_text(finding.fingerprint);
    for (Entry& entry : entries) {
      if (!entry.matched && entry.fingerprint == fingerprint && entry.rule == finding.rule_id) {
        entry.matched = true;
        return true;
      }
    }
    return false;
  };
  const std::size_t before = report.diagnostics.size();
  std::erase_if(report.diagnostics, known);
  return before - report.diagnostics.size();
}

std::vector<Baseline::Fixed> Baseline::fixed() const {
  std::vector<Fixed> out;
  for (const auto& [file, shown] : checked_files_) {
    const auto it = by_file_.find(file);
    if (it == by_file_.end()) continue;
    for (const Entry& entry : it->second) {
      if (!entry.matched) out.push_back(Fixed{shown, &entry});
    }
  }
  return out;
}

BaselineWriter::BaselineWriter(std::string path, std::string tool)
    : path_(std::move(path)), directory_(absolute_directory_of(path_)), tool_(std::move(tool)) {}

void BaselineWriter::add(const FileReport& report) {
  const std::string file = relative_to(report.path, directory_);
  for (const Diagnostic& finding : report.diagnostics)
    entries_.push_back(entry_of(file, finding));
}

bool BaselineWriter::write(std::string& error) const {
  Json findings = Json::array();
  for (const Baseline::Entry& entry : entries_) {
    findings.push_back({{"file", entry.file},
                        {"rule", entry.rule},
                        {"fingerprint", entry.fingerprint},
                        {"line", entry.line},
                        {"message", entry.message}});
  }
  const Json json = {
      {"version", kFormatVersion}, {"tool", tool_}, {"findings", std::move(findings)}};
  std::ofstream out(path_, std::ios::binary | std::ios::trunc);
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  if (!out) {
    error = fmt::format("{}: cannot write the baseline", path_);
    return false;
  }
  return true;
}

}  // namespace wflint
