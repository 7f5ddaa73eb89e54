#include "rules/rule_filter.h"

#include <gtest/gtest.h>

namespace wflint {
namespace {

RuleFilter parse(std::string_view select, std::string_view ignore) {
  std::string error;
  auto filter = RuleFilter::parse(select, ignore, error);
  EXPECT_TRUE(filter.has_value()) << error;
  return filter.value_or(*RuleFilter::parse("", "", error));
}

TEST(RuleFilterTest, EverythingByDefault) {
  RuleFilter filter = parse("", "");
  EXPECT_TRUE(filter.enabled("WF001"));
  EXPECT_TRUE(filter.enabled("ASL001"));
  EXPECT_TRUE(filter.enabled("SSM002"));
}

TEST(RuleFilterTest, SelectByPrefixIgnoreById) {
  RuleFilter filter = parse("WF,ASL", "WF002");
  EXPECT_TRUE(filter.enabled("WF001"));
  EXPECT_FALSE(filter.enabled("WF002"));
  EXPECT_TRUE(filter.enabled("ASL001"));
  EXPECT_FALSE(filter.enabled("SSM002"));
}

TEST(RuleFilterTest, SelectByName) {
  RuleFilter filter = parse("duplicate-step-name", "");
  EXPECT_TRUE(filter.enabled("SSM002"));
  EXPECT_FALSE(filter.enabled("ASL001"));
}

TEST(RuleFilterTest, UnknownSelectorIsAnError) {
  std::string error;
  EXPECT_FALSE(RuleFilter::parse("ASL001,XYZ", "", error).has_value());
  EXPECT_NE(error.find("'XYZ'"), std::string::npos);
  EXPECT_FALSE(RuleFilter::parse("", "nonsense-rule", error).has_value());
}

}  // namespace
}  // namespace wflint
