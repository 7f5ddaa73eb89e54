#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "report/reporter.h"
#include "support/utf8.h"

namespace wflint {
namespace {

constexpr std::size_t kTabWidth = 4;
// Code frames show at most this many code points of a line, around the underline, so a minified
// or huge file does not flood the terminal.
constexpr std::size_t kMaxFrameWidth = 120;
constexpr std::size_t kContextBefore = 40;

struct Style {
  bool enabled;
  std::string paint(std::string_view text, std::string_view code) const {
    if (!enabled) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
};

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "1;31";
    case Severity::Warning:
      return "1;33";
    case Severity::Info:
      return "1;36";
  }
  return "1";
}

// A source line made printable: tabs expanded so the underline lines up, and control characters
// and bytes that are not UTF-8 shown as '?', never sent to the terminal as they are.
std::string printable_line(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    const std::size_t length = utf8::sequence_length(line, i);
    if (c == '\t') {
      out.append(kTabWidth, ' ');
    } else if (length == 0 || c < 0x20 || c == 0x7F) {
      out.push_back('?');
    } else {
      out.append(line.substr(i, length));
    }
    i += std::max<std::size_t>(length, 1);
  }
  return out;
}

// Byte offset of the code point with 1-based index `column` in `line`.
std::size_t byte_offset_of_column(std::string_view line, std::size_t column) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (utf8::is_continuation(static_cast<unsigned char>(line[i]))) continue;
    if (++seen == column) return i;
  }
  return line.size();
}

// The part of `line` a frame shows, and the column (1-based, in `line`) where it starts.
struct FrameWindow {
  std::string_view text;
  uint32_t first_column = 1;
  bool cut_before = false;
  bool cut_after = false;
};

FrameWindow frame_window(std::string_view line, uint32_t column) {
  if (utf8::count_code_points(line) <= kMaxFrameWidth) return {line, 1, false, false};
  const std::size_t first = column > kContextBefore ? column - kContextBefore : 1;
  const std::size_t begin = byte_offset_of_column(line, first);
  const std::size_t end = byte_offset_of_column(line, first + kMaxFrameWidth);
  return {line.substr(begin, end - begin), static_cast<uint32_t>(first), first > 1,
          end < line.size()};
}

// Display width of the first `columns - 1` code points of `line`.
std::size_t display_width(std::string_view line, uint32_t column) {
  std::size_t width = 0, seen = 0;
  for (std::size_t i = 0; i < line.size() && seen + 1 < column; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (utf8::is_continuation(c)) continue;
    ++seen;
    width += c == '\t' ? kTabWidth : 1;
  }
  return width;
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, TextOptions options) : out_(out), options_(options) {}

  void add_file(const FileReport& report) override {
    for (const Diagnostic& d : report.diagnostics)
      write_diagnostic(d);
  }

  void finish(const Summary& summary) override {
    if (options_.quiet) return;
    if (summary.total() == 0) {
      out_ << fmt::format("No problems found in {} {}.\n", summary.files_checked,
                          summary.files_checked == 1 ? "file" : "files");
      return;
    }
    std::vector<std::string> parts;
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info}) {
      std::size_t n = summary.by_severity[static_cast<std::size_t>(s)];
      if (n == 0) continue;
      std::string word(to_string(s));
      if (s != Severity::Info && n != 1) word += "s";
      parts.push_back(fmt::format("{} {}", n, word));
    }
    out_ << fmt::format("Found {} {} ({}) in {} of {} {}.\n", summary.total(),
                        summary.total() == 1 ? "problem" : "problems", fmt::join(parts, ", "),
                        summary.files_with_findings, summary.files_checked,
                        summary.files_checked == 1 ? "file" : "files");
  }

 private:
  void write_diagnostic(const Diagnostic& d) {
    const Location loc = locate(d.span);
    const Style style{options_.color};
    out_ << style.paint(
                fmt::format("{}:{}:{}:", loc.file->path(), loc.begin.line, loc.begin.column), "1")
         << ' '
         << style.paint(fmt::format("{}:", to_string(d.severity)), severity_color(d.severity))
         << ' ' << style.paint(d.message, "1") << fmt::format(" [{} {}]\n", d.rule_id, d.rule_name);
    if (!options_.code_frames) return;

    uint32_t widest_line = loc.begin.line;
    for (const RelatedSpan& r : d.related) {
      const Location rl = locate(r.span);
      if (rl.file == loc.file) widest_line = std::max(widest_line, rl.begin.line);
    }
    const std::size_t gutter = std::to_string(widest_line).size() + 1;
    const std::string bar = style.paint(std::string(gutter, ' ') + "|", "1;34");
    out_ << bar << '\n';
    write_frame(loc, '^', "", gutter, style);
    for (const RelatedSpan& r : d.related) {
      const Location rl = locate(r.span);
      if (rl.file != loc.file) {
        out_ << std::string(gutter, ' ') << "= note: " << r.message << " at " << rl.file->path()
             << ':' << rl.begin.line << ':' << rl.begin.column << '\n';
        continue;
      }
      out_ << bar << '\n';
      write_frame(rl, '-', r.message, gutter, style);
    }
    if (!d.help.empty()) {
      out_ << std::string(gutter, ' ') << style.paint("= help:", "1") << ' ' << d.help << '\n';
    }
  }

  // The line of `loc` with an underline of `mark` characters under the span.
  void write_frame(const Location& loc, char mark, const std::string& label, std::size_t gutter,
                   const Style& style) {
    const FrameWindow window = frame_window(loc.file->line_text(loc.begin.line), loc.begin.column);
    const std::string_view line = window.text;
    const std::string number = std::to_string(loc.begin.line);
    const std::string ellipsis = "...";
    out_ << style.paint(std::string(gutter - 1 - number.size(), ' ') + number + " |", "1;34") << ' '
         << (window.cut_before ? ellipsis : "") << printable_line(line)
         << (window.cut_after ? ellipsis : "") << '\n';
    const uint32_t shift = window.first_column - 1;
    const std::size_t indent = window.cut_before ? ellipsis.size() : 0;
    const std::size_t start = indent + display_width(line, loc.begin.column - shift);
    const std::size_t stop =
        indent + (loc.end.line == loc.begin.line
                      ? display_width(line, loc.end.column - shift)
                      : display_width(line, static_cast<uint32_t>(line.size() + 1)));
    const std::size_t width = std::max<std::size_t>(1, stop > start ? stop - start : 0);
    std::string underline = std::string(start, ' ') + std::string(width, mark);
    if (!label.empty()) underline += " " + label;
    out_ << style.paint(std::string(gutter, ' ') + "|", "1;34") << ' '
         << style.paint(underline, mark == '^' ? "1;31" : "1;34") << '\n';
  }

  std::ostream& out_;
  TextOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, TextOptions options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace wflint
