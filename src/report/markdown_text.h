#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wflint {

// A fenced example of a rule page: ```json bad --sfn-type=express.
struct PageExample {
  std::string_view language;  // json or yaml
  std::string_view verdict;   // bad or good
  std::string_view options;   // command-line options the example is checked with; may be empty
  std::string_view code;
};

// Every fenced block of a page whose info string names a language and a verdict, in page order.
std::vector<PageExample> page_examples(std::string_view markdown);

struct MarkdownTextOptions {
  bool color = false;
  // Text to print after an example (for instance what wflint reports on it); may be empty.
  std::function<std::string(const PageExample&)> after_example;
};

// A rule page made readable on a terminal: headings and emphasis without their markup (bold when
// coloured), examples indented under a label, links to other rule pages reduced to the rule id.
std::string render_markdown(std::string_view markdown, const MarkdownTextOptions& options);

}  // namespace wflint
