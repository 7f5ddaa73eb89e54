#include "rules/catalogue.h"

#include <algorithm>
#include <cctype>

#include "rules/registry.h"
#include "rules/rule_pages.h"

namespace wflint::rules {
namespace {

std::string_view page_of(std::string_view id) {
  const auto pages = rule_pages();
  const auto it =
      std::lower_bound(pages.begin(), pages.end(), id,
                       [](const RulePage& page, std::string_view key) { return page.id < key; });
  return it != pages.end() && it->id == id ? it->markdown : std::string_view();
}

// "state machines" from the line "**Severity:** error · **Applies to:** state machines".
std::string_view applies_to(std::string_view page) {
  constexpr std::string_view kLabel = "**Applies to:** ";
  const std::size_t at = page.find(kLabel);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + kLabel.size();
  return page.substr(begin, page.find('\n', begin) - begin);
}

// The first paragraph of `text`, its lines joined with spaces.
std::string first_paragraph(std::string_view text) {
  while (text.starts_with('\n'))
    text.remove_prefix(1);
  std::string out;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    if (line.find_first_not_of(' ') == std::string_view::npos) break;
    if (!out.empty()) out += ' ';
    out += line;
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

// Tags for SARIF consumers to group findings by: the kind of document and the subject.
std::vector<std::string_view> tags_of(std::string_view id) {
  if (id.starts_with("WF")) return {"syntax"};
  if (id.starts_with("ASL")) return {"step-functions", "correctness"};
  if (id.starts_with("JSN")) return {"step-functions", "jsonata"};
  if (id.starts_with("LMB")) return {"step-functions", "lambda"};
  if (id.starts_with("SSM1")) return {"ssm-automation", "lambda"};
  if (id.starts_with("SSM")) return {"ssm-automation", "correctness"};
  if (id.starts_with("AZP")) return {"azure-pipelines", "lambda"};
  if (id.starts_with("EMB")) return {"templates", "correctness"};
  return {};
}

std::vector<RuleDescription> build_catalogue() {
  std::vector<RuleDescription> out;
  for (const Rule* rule : all_rules()) {
    const std::string_view page = page_of(rule->info.id);
    out.push_back(RuleDescription{
        rule->info.id, rule->info.name, rule->info.severity, rule->info.summary, applies_to(page),
        page, first_paragraph(page_section(page, "What it catches")), tags_of(rule->info.id)});
  }
  return out;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::span<const RuleDescription> catalogue() {
  static const std::vector<RuleDescription> kCatalogue = build_catalogue();
  return kCatalogue;
}

const RuleDescription* describe(std::string_view id_or_name) {
  for (const RuleDescription& rule : catalogue()) {
    if (equal_ignoring_case(rule.id, id_or_name) || rule.name == id_or_name) return &rule;
  }
  return nullptr;
}

std::string_view page_section(std::string_view page, std::string_view heading) {
  const std::string marker = "\n## " + std::string(heading) + "\n";
  const std::size_t at = page.find(marker);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + marker.size();
  const std::size_t end = page.find("\n## ", begin);
  return page.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

}  // namespace wflint::rules
