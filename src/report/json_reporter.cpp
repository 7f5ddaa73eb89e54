#include <fmt/format.h>

#include "report/reporter.h"
#include "support/text.h"

namespace wflint {
namespace {

std::string location_fields(const Location& loc) {
  return fmt::format("\"file\":{},\"line\":{},\"column\":{},\"endLine\":{},\"endColumn\":{}",
                     text::json_quote(loc.file->path()), loc.begin.line, loc.begin.column,
                     loc.end.line, loc.end.column);
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void add_file(const FileReport& report) override {
    for (const Diagnostic& d : report.diagnostics) {
      out_ << (first_ ? "[\n  " : ",\n  ");
      first_ = false;
      write(d);
    }
  }

  void finish(const Summary&) override { out_ << (first_ ? "[]\n" : "\n]\n"); }

 private:
  void write(const Diagnostic& d) {
    out_ << '{' << location_fields(locate(d.span))
         << fmt::format(
                ",\"rule\":{},\"name\":{},\"severity\":\"{}\",\"message\":{},\"pointer\":{}",
                text::json_quote(d.rule_id), text::json_quote(d.rule_name), to_string(d.severity),
                text::json_quote(d.message), text::json_quote(d.pointer));
    if (d.subject.kind != Subject::Kind::None)
      out_ << ",\"" << to_string(d.subject.kind) << "\":" << text::json_quote(d.subject.name);
    out_ << ",\"fingerprint\":\"" << fingerprint_text(d.fingerprint) << '"';
    if (!d.help.empty()) out_ << ",\"help\":" << text::json_quote(d.help);
    if (!d.related.empty()) {
      out_ << ",\"related\":[";
      for (std::size_t i = 0; i < d.related.size(); ++i) {
        out_ << (i ? "," : "") << '{' << location_fields(locate(d.related[i].span))
             << ",\"message\":" << text::json_quote(d.related[i].message) << '}';
      }
      out_ << ']';
    }
    out_ << '}';
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace wflint
