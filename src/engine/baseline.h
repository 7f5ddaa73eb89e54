#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/file_report.h"

namespace wflint {

// The findings a repository had when it adopted wflint, recorded by fingerprint so that only new
// ones are reported. Files are named relative to the baseline file's directory, so the baseline
// works from any directory.
class Baseline {
 public:
  struct Entry {
    std::string file;
    std::string rule;
    std::string fingerprint;
    uint32_t line = 0;  // where it was when recorded; for people reading the file
    std::string message;
    bool matched = false;
  };

  // Reads `path`; nullopt with `error` set when it cannot be read or is not a baseline.
  static std::optional<Baseline> read(const std::string& path, std::string& error);

  // Drops the findings of `report` the baseline records (each entry matches one finding) and
  // returns how many.
  std::size_t drop_known(FileReport& report);
  // A recorded finding that is gone, with its file as wflint shows paths.
  struct Fixed {
    std::string path;
    const Entry* entry;
  };
  // Entries of the files checked so far that matched no finding: fixed since the baseline.
  std::vector<Fixed> fixed() const;

 private:
  std::string directory_;  // absolute
  std::unordered_map<std::string, std::vector<Entry>> by_file_;
  std::vector<std::pair<std::string, std::string>> checked_files_;  // key, path as shown
};

// Records the findings of a run and writes them as a baseline.
class BaselineWriter {
 public:
  // `tool`: the wflint that writes it ("wflint 0.1.0"), recorded for people reading the file.
  BaselineWriter(std::string path, std::string tool);
  void add(const FileReport& report);
  std::size_t size() const { return entries_.size(); }
  // False with `error` set when the file cannot be written.
  bool write(std::string& error) const;

 private:
  std::string path_;
  std::string directory_;
  std::string tool_;
  std::vector<Baseline::Entry> entries_;
};

}  // namespace wflint
