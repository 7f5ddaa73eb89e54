// Every rule page in rules/ documents a registered rule, and its examples do what the page says:
// the bad one triggers exactly that rule, the good one triggers nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "report/markdown_text.h"
#include "rules/catalogue.h"
#include "rules/registry.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kRulesDir = fs::path(WFLINT_SOURCE_DIR) / "rules";

// The options of `wflint check` with all rules, and those the example names.
CheckOptions check_options(const PageExample& example) {
  CheckOptions result = testing::all_rules();
  if (example.options.find("--sfn-type=express") != std::string_view::npos)
    result.sfn_type = StateMachineType::Express;
  return result;
}

FileReport check_example(const PageExample& example) {
  return testing::check_text("example." + std::string(example.language), example.code,
                             Origin::Explicit, check_options(example));
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
  for (const PageExample& example : page_examples(page)) {
    if (example.verdict != "bad") continue;
    ++bad;
    const std::vector<std::string> ids = testing::rule_ids(check_example(example));
    EXPECT_FALSE(ids.empty()) << "bad example triggers nothing:\n" << example.code;
    for (const std::string& id : ids)
      EXPECT_EQ(id, GetParam()) << example.code;
  }
  EXPECT_GE(bad, 1) << "the page needs a ```json bad or ```yaml bad example";
}

TEST_P(RuleDocTest, GoodExamplesTriggerNothing) {
  const std::string page = testing::read_file((kRulesDir / (GetParam() + ".md")).string());
  int good = 0;
  for (const PageExample& example : page_examples(page)) {
    if (example.verdict != "good") continue;
    ++good;
    EXPECT_EQ(testing::finding_positions(check_example(example)), std::vector<std::string>{})
        << example.code;
  }
  EXPECT_GE(good, 1) << "the page needs a ```json good or ```yaml good example";
}

TEST_P(RuleDocTest, OptionsAreDocumented) {
  const rules::Rule* rule = rules::find_rule(GetParam());
  ASSERT_NE(rule, nullptr);
  const std::string page = testing::read_file((kRulesDir / (GetParam() + ".md")).string());
  const std::string_view options = rules::page_section(page, "Options");
  if (rule->options.empty()) {
    EXPECT_TRUE(options.empty()) << "the page documents options the rule does not take";
    return;
  }
  for (const rules::OptionSpec& spec : rule->options) {
    EXPECT_NE(options.find(fmt::format("`{}` (default ", spec.name)), std::string_view::npos)
        << "the page's Options section lacks " << spec.name;
  }
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

// Families in the order WF, ASL, JSN, LMB, SSM, AZP, then ids ascending within each: the order of
// `wflint rules` and of the catalogue.
TEST(RuleDocs, RegistryIsInIdOrder) {
  constexpr std::string_view kFamilies[] = {"WF", "ASL", "JSN", "LMB", "SSM", "AZP", "EMB"};
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
