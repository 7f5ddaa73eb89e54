#include "config/glob.h"

#include <gtest/gtest.h>

namespace wflint::config {
namespace {

Glob compile(std::string_view pattern) {
  std::string error;
  std::optional<Glob> glob = Glob::compile(pattern, error);
  EXPECT_TRUE(glob.has_value()) << pattern << ": " << error;
  return *glob;
}

TEST(GlobTest, PatternWithoutSlashMatchesANameAtAnyDepth) {
  const Glob json = compile("*.json");
  EXPECT_TRUE(json.matches("a.json"));
  EXPECT_TRUE(json.matches("flows/deep/a.json"));
  EXPECT_FALSE(json.matches("a.yaml"));
  EXPECT_FALSE(json.matches("a.json.bak"));
}

TEST(GlobTest, ADirectoryNameCoversEverythingBelowIt) {
  const Glob legacy = compile("legacy");
  EXPECT_TRUE(legacy.matches("legacy"));
  EXPECT_TRUE(legacy.matches("legacy/a.json"));
  EXPECT_TRUE(legacy.matches("src/legacy/old/a.json"));
  EXPECT_FALSE(legacy.matches("legacy-v2/a.json"));
  const Glob directory_only = compile("legacy/");
  EXPECT_TRUE(directory_only.matches("legacy/a.json"));
  EXPECT_FALSE(directory_only.matches("legacy"));
}

TEST(GlobTest, PatternWithASlashIsAnchoredAtTheConfigurationDirectory) {
  const Glob flows = compile("flows/*.json");
  EXPECT_TRUE(flows.matches("flows/a.json"));
  EXPECT_FALSE(flows.matches("flows/sub/a.json"));
  EXPECT_FALSE(flows.matches("other/flows/a.json"));
  EXPECT_TRUE(compile("/root.json").matches("root.json"));
  EXPECT_FALSE(compile("/root.json").matches("sub/root.json"));
}

TEST(GlobTest, DoubleStarCrossesDirectories) {
  EXPECT_TRUE(compile("**/x.json").matches("x.json"));
  EXPECT_TRUE(compile("**/x.json").matches("a/b/x.json"));
  EXPECT_TRUE(compile("a/**/b.json").matches("a/b.json"));
  EXPECT_TRUE(compile("a/**/b.json").matches("a/x/y/b.json"));
  EXPECT_FALSE(compile("a/**/b.json").matches("c/a/b.json"));
  EXPECT_TRUE(compile("express/**").matches("express/x/y.yaml"));
  EXPECT_FALSE(compile("express/**").matches("express"));
}

TEST(GlobTest, ClassesAndSingleCharacters) {
  EXPECT_TRUE(compile("[!a]*.json").matches("b.json"));
  EXPECT_FALSE(compile("[!a]*.json").matches("a.json"));
  EXPECT_TRUE(compile("v[12].json").matches("v2.json"));
  EXPECT_FALSE(compile("v[12].json").matches("v3.json"));
  EXPECT_TRUE(compile("file?.json").matches("file1.json"));
  EXPECT_FALSE(compile("file?.json").matches("file10.json"));
  EXPECT_FALSE(compile("a?b").matches("a/b"));
}

TEST(GlobTest, RegularExpressionCharactersAreLiteral) {
  EXPECT_TRUE(compile("a+b(1).json").matches("a+b(1).json"));
  EXPECT_FALSE(compile("a+b(1).json").matches("aab1.json"));
  EXPECT_TRUE(compile("\\*.json").matches("*.json"));
  EXPECT_FALSE(compile("\\*.json").matches("x.json"));
}

TEST(GlobTest, MalformedPatternsAreRefused) {
  std::string error;
  EXPECT_FALSE(Glob::compile("[abc", error).has_value());
  EXPECT_EQ(error, "the pattern has a '[' that is never closed");
  EXPECT_FALSE(Glob::compile("", error).has_value());
  EXPECT_EQ(error, "the pattern is empty");
}

}  // namespace
}  // namespace wflint::config
