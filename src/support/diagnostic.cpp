#include "support/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace wflint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view to_string(Subject::Kind kind) {
  switch (kind) {
    case Subject::Kind::State:
      return "state";
    case Subject::Kind::Step:
      return "step";
    case Subject::Kind::None:
      break;
  }
  return "";
}

std::string fingerprint_text(uint64_t fingerprint) {
  return fmt::format("{:016x}", fingerprint);
}

namespace {

auto sort_key(const Diagnostic& d) {
  uint32_t begin = d.span.source ? d.span.source->file_offset(d.span.begin) : 0;
  uint32_t end = d.span.source && d.span.end > d.span.begin
                     ? d.span.source->file_offset(d.span.end - 1) + 1
                     : begin;
  // A template's findings may lie in the files it names as well as in itself.
  const std::string_view file = d.span.source ? std::string_view(d.span.source->file().path()) : "";
  return std::make_tuple(file, begin, end, d.rule_id, std::string_view(d.message));
}

}  // namespace

void sort_and_dedupe(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) < sort_key(b); });
  auto same = [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) == sort_key(b); };
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(), same), diagnostics.end());
}

}  // namespace wflint
