#include "report/markdown_text.h"

#include <fmt/format.h>

namespace wflint {
namespace {

constexpr std::string_view kFence = "```";
constexpr std::string_view kCodeIndent = "    ";

PageExample parse_info(std::string_view info) {
  PageExample example;
  const std::size_t space = info.find(' ');
  example.language = info.substr(0, space);
  if (space == std::string_view::npos) return example;
  const std::string_view rest = info.substr(space + 1);
  const std::size_t options = rest.find(' ');
  example.verdict = rest.substr(0, options);
  if (options != std::string_view::npos) example.options = rest.substr(options + 1);
  return example;
}

class Renderer {
 public:
  explicit Renderer(const MarkdownTextOptions& options) : options_(options) {}

  std::string render(std::string_view markdown) {
    while (!markdown.empty()) {
      const std::size_t end = std::min(markdown.find('\n'), markdown.size());
      const std::string_view line = markdown.substr(0, end);
      markdown.remove_prefix(std::min(end + 1, markdown.size()));
      if (line.starts_with(kFence)) {
        markdown = example(line.substr(kFence.size()), markdown);
      } else {
        prose_line(line);
      }
    }
    return std::move(out_);
  }

 private:
  std::string paint(std::string_view text, std::string_view code) const {
    if (!options_.color) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

  void prose_line(std::string_view line) {
    if (line.starts_with("# ")) {
      out_ += paint(inline_markup(line.substr(2)), "1") + "\n";
    } else if (line.starts_with("## ")) {
      out_ += paint(inline_markup(line.substr(3)), "1;4") + "\n";
    } else {
      out_ += inline_markup(line) + "\n";
    }
  }

  // Renders the fenced block whose info string is `info` and returns what follows it.
  std::string_view example(std::string_view info, std::string_view rest) {
    const std::size_t close = rest.find(kFence);
    const std::string_view code =
        rest.substr(0, close == std::string_view::npos ? rest.size() : close);
    rest.remove_prefix(std::min(code.size() + kFence.size(), rest.size()));
    if (rest.starts_with('\n')) rest.remove_prefix(1);

    PageExample parsed = parse_info(info);
    parsed.code = code;
    if (!parsed.verdict.empty()) {
      std::string label =
          fmt::format("{} example ({})", parsed.verdict == "bad" ? "Bad" : "Good", parsed.language);
      if (!parsed.options.empty()) label += fmt::format(", checked with {}", parsed.options);
      out_ += paint(label + ":", parsed.verdict == "bad" ? "1;31" : "1;32") + "\n";
    }
    for (std::string_view lines = code; !lines.empty();) {
      const std::size_t end = std::min(lines.find('\n'), lines.size());
      out_ += std::string(kCodeIndent) + std::string(lines.substr(0, end)) + "\n";
      lines.remove_prefix(std::min(end + 1, lines.size()));
    }
    if (options_.after_example) out_ += options_.after_example(parsed);
    return rest;
  }

  // `code`, **strong** and [text](target) without their markup.
  std::string inline_markup(std::string_view text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      if (text.substr(i).starts_with("**")) {
        const std::size_t close = text.find("**", i + 2);
        if (close != std::string_view::npos) {
          out += paint(text.substr(i + 2, close - i - 2), "1");
          i = close + 2;
          continue;
        }
      }
      if (text[i] == '`' && options_.color) {
        const std::size_t close = text.find('`', i + 1);
        if (close != std::string_view::npos) {
          out += paint(text.substr(i + 1, close - i - 1), "36");
          i = close + 1;
          continue;
        }
      }
      if (text[i] == '[') {
        if (std::size_t consumed = link(text.substr(i), out)) {
          i += consumed;
          continue;
        }
      }
      out += text[i++];
    }
    return out;
  }

  // Appends the link at the start of `text` and returns how many characters it took; 0 when
  // `text` does not start with a link. Links to other rule pages become the rule id alone.
  static std::size_t link(std::string_view text, std::string& out) {
    const std::size_t label_end = text.find("](");
    const std::size_t target_end = text.find(')', label_end);
    if (label_end == std::string_view::npos || target_end == std::string_view::npos ||
        text.substr(1, label_end - 1).find(']') != std::string_view::npos) {
      return 0;
    }
    const std::string_view label = text.substr(1, label_end - 1);
    const std::string_view target = text.substr(label_end + 2, target_end - label_end - 2);
    out += label;
    if (!target.ends_with(".md")) out += fmt::format(" <{}>", target);
    return target_end + 1;
  }

  const MarkdownTextOptions& options_;
  std::string out_;
};

}  // namespace

std::vector<PageExample> page_examples(std::string_view markdown) {
  std::vector<PageExample> out;
  for (std::size_t open = markdown.find(kFence); open != std::string_view::npos;) {
    const std::size_t info_end = markdown.find('\n', open);
    if (info_end == std::string_view::npos) break;
    const std::size_t close = markdown.find(kFence, info_end + 1);
    if (close == std::string_view::npos) break;
    PageExample example =
        parse_info(markdown.substr(open + kFence.size(), info_end - open - kFence.size()));
    example.code = markdown.substr(info_end + 1, close - info_end - 1);
    if (!example.verdict.empty()) out.push_back(example);
    open = markdown.find(kFence, close + kFence.size());
  }
  return out;
}

std::string render_markdown(std::string_view markdown, const MarkdownTextOptions& options) {
  return Renderer(options).render(markdown);
}

}  // namespace wflint
