// Every rule page in rules/ documents a registered rule, and its examples do what the page says:
// the bad one triggers exactly that rule, the good one triggers nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "rules/registry.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kRulesDir = fs::path(WFLINT_SOURCE_DIR) / "rules";

struct Example {
  std::string language;  // json or yaml
  std::string verdict;   // bad or good
  std::string options;   // command-line options the example needs, e.g. "--sfn-type=express"
  std::string text;

  // The options of `wflint check` with all rules, and these.
  CheckOptions check_options() const {
    CheckOptions result = testing::all_rules();
    if (options.find("--sfn-type=express") != std::string::npos)
      result.sfn_type = StateMachineType::Express;
    return result;
  }
};

// Fenced blocks whose info string is "json bad", "yaml good", "json bad --sfn-type=express", and
// so on.
std::vector<Example> examples_of(const std::string& page) {
  std::vector<Example> out;
  const std::string fence = "```";
  for (std::size_t open = page.find(fence); open != std::string::npos;) {
    const std::size_t info_end = page.find('\n', open);
    if (info_end == std::string::npos) break;
    const std::size_t close = page.find(fence, info_end + 1);
    if (close == std::string::npos) break;
    const std::string info = page.substr(open + fence.size(), info_end - open - fence.size());
    const std::size_t space = info.find(' ');
    if (space != std::string::npos) {
      const std::size_t options = std::min(info.find(' ', space + 1), info.size());
      out.push_back(Example{info.substr(0, space), info.substr(space + 1, options - space - 1),
                            info.substr(options), page.substr(info_end + 1, close - info_end - 1)});
    }
    open = page.find(fence, close + fence.size());
  }
  return out;
}

std::vector<std::string> registered_ids() {
  std::vector<std::string> ids;
  for (const rules::Rule* rule : rules::all_rules())
    ids.emplace_back(rule->info.id);
  return ids;
}

class RuleDocTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleDocTest, PageMatchesTheRegistry) {
  const rules::Rule* rule = rules::find_rule(GetParam());
  ASSERT_NE(rule, nullptr);
  const std::string page = testing::read_file((kRulesDir / (GetParam() + ".md")).string());
  ASSERT_FALSE(page.empty()) << "missing rules/" << GetParam() << ".md";
  const std::string title = "# " + std::string(rule->info.id) + " " + std::string(rule->info.name);
  EXPECT_EQ(page.substr(0, page.find('\n')), title);
  const std::string severity = "**Severity:** " + std::string(to_string(rule->info.severity));
  EXPECT_NE(page.find(severity), std::string::npos) << "page must state " << severity;
}

TEST_P(RuleDocTest, BadExamplesTriggerExactlyThisRule) {
  const std::string page = testing::read_file((kRulesDir / (GetParam() + ".md")).string());
  int bad = 0;
  for (const Example& example : examples_of(page)) {
    if (example.verdict != "bad") continue;
    ++bad;
    FileReport report = testing::check_text("example." + example.language, example.text,
                                            Origin::Explicit, example.check_options());
    const std::vector<std::string> ids = testing::rule_ids(report);
    EXPECT_FALSE(ids.empty()) << "bad example triggers nothing:\n" << example.text;
    for (const std::string& id : ids)
      EXPECT_EQ(id, GetParam()) << example.text;
  }
  EXPECT_GE(bad, 1) << "the page needs a ```json bad or ```yaml bad example";
}

TEST_P(RuleDocTest, GoodExamplesTriggerNothing) {
  const std::string page = testing::read_file((kRulesDir / (GetParam() + ".md")).string());
  int good = 0;
  for (const Example& example : examples_of(page)) {
    if (example.verdict != "good") continue;
    ++good;
    FileReport report = testing::check_text("example." + example.language, example.text,
                                            Origin::Explicit, example.check_options());
    EXPECT_EQ(testing::finding_positions(report), std::vector<std::string>{}) << example.text;
  }
  EXPECT_GE(good, 1) << "the page needs a ```json good or ```yaml good example";
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleDocTest, ::testing::ValuesIn(registered_ids()),
                         [](const auto& param_info) { return param_info.param; });

TEST(RuleDocs, EveryPageIsARegisteredRule) {
  std::set<std::string> ids;
  for (const std::string& id : registered_ids())
    ids.insert(id);
  for (const auto& entry : fs::directory_iterator(kRulesDir)) {
    const std::string name = entry.path().filename().string();
    if (name == "README.md") continue;
    EXPECT_TRUE(ids.count(entry.path().stem().string())) << name << " documents no registered rule";
  }
}

TEST(RuleDocs, CatalogueListsEveryRule) {
  const std::string readme = testing::read_file((kRulesDir / "README.md").string());
  for (const rules::Rule* rule : rules::all_rules()) {
    const std::string row = "| [" + std::string(rule->info.id) + "](" + std::string(rule->info.id) +
                            ".md) | " + std::string(rule->info.name) + " | " +
                            std::string(to_string(rule->info.severity)) + " |";
    EXPECT_NE(readme.find(row), std::string::npos) << "rules/README.md lacks: " << row;
  }
}

// Families in the order WF, ASL, JSN, LMB, SSM, then ids ascending within each: the order of
// `wflint rules` and of the catalogue.
TEST(RuleDocs, RegistryIsInIdOrder) {
  constexpr std::string_view kFamilies[] = {"WF", "ASL", "JSN", "LMB", "SSM"};
  auto rank = [&](std::string_view id) {
    const std::size_t digits = id.find_first_of("0123456789");
    const std::string_view family = id.substr(0, digits);
    const auto known = std::find(std::begin(kFamilies), std::end(kFamilies), family);
    EXPECT_NE(known, std::end(kFamilies)) << id << " is of no known family";
    return std::make_pair(known - std::begin(kFamilies), std::stoi(std::string(id.substr(digits))));
  };
  const auto rules = rules::all_rules();
  for (std::size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rank(rules[i - 1]->info.id), rank(rules[i]->info.id))
        << rules[i - 1]->info.id << " comes before " << rules[i]->info.id;
  }
}

// Names are unique among the rules of one kind of document. The same mistake in a state machine
// and in a runbook may share a name (tail-log-with-async-invoke is LMB003 and SSM102, as the
// issues that introduced them fix): selecting that name selects both.
TEST(RuleDocs, RegistryIdsAndNamesAreUnique) {
  std::set<std::string_view> ids;
  std::set<std::pair<uint8_t, std::string_view>> names;
  for (const rules::Rule* rule : rules::all_rules()) {
    EXPECT_TRUE(ids.insert(rule->info.id).second) << rule->info.id;
    EXPECT_TRUE(names.insert({rule->info.kinds, rule->info.name}).second) << rule->info.name;
  }
}

}  // namespace
}  // namespace wflint
