// Runs wflint over whole directories of definitions: our demo corpus (its expected findings are
// listed in corpus/expected.tsv) and, when ../shared is present, the real-world corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "load/json_syntax.h"
#include "load/loader.h"
#include "load/placeholders.h"
#include "test_support.h"

namespace wflint {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir(WFLINT_SOURCE_DIR);
const fs::path kCorpus = kSourceDir / "corpus";
const fs::path kSharedCorpus = kSourceDir / ".." / "shared" / "corpus";

bool is_definition_file(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".asl" || ext == ".tf";
}

std::vector<fs::path> definition_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && is_definition_file(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string joined_rule_ids(const FileReport& report) {
  std::set<std::string> ids;
  for (const Diagnostic& d : report.diagnostics)
    ids.emplace(d.rule_id);
  std::string out;
  for (const std::string& id : ids)
    out += (out.empty() ? "" : ",") + id;
  return out.empty() ? "-" : out;
}

// Every finding lies inside its file, at a 1-based position.
void expect_well_formed(const FileReport& report) {
  for (const Diagnostic& d : report.diagnostics) {
    ASSERT_TRUE(d.span.valid()) << report.path;
    const Location loc = locate(d.span);
    EXPECT_LE(loc.end_offset, loc.file->size()) << report.path;
    EXPECT_LE(loc.begin_offset, loc.end_offset) << report.path;
    EXPECT_GE(loc.begin.line, 1u);
    EXPECT_GE(loc.begin.column, 1u);
    EXPECT_FALSE(d.message.empty());
  }
}

TEST(CorpusTest, FindingsMatchExpectedTable) {
  std::istringstream table(testing::read_file((kCorpus / "expected.tsv").string()));
  std::set<std::string> listed;
  std::string line;
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, expected;
    std::getline(fields, file, '\t');
    std::getline(fields, expected, '\t');
    listed.insert(file);
    const std::string text = testing::read_file((kCorpus / file).string());
    ASSERT_FALSE(text.empty()) << file;
    // The real path, so the files a template names are found beside it.
    FileReport report = testing::check_text((kCorpus / file).string(), text);
    EXPECT_EQ(joined_rule_ids(report), expected) << file;
  }
  for (const fs::path& file : definition_files(kCorpus)) {
    const std::string relative = fs::relative(file, kCorpus).generic_string();
    EXPECT_TRUE(listed.count(relative)) << relative << " is missing from corpus/expected.tsv";
  }
}

class SharedCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kSharedCorpus)) GTEST_SKIP() << "../shared/corpus is not present";
  }
};

TEST_F(SharedCorpusTest, EveryFileIsCheckedWithoutFailure) {
  std::size_t files = 0;
  for (const fs::path& file : definition_files(kSharedCorpus)) {
    FileReport report =
        testing::check_text(file.string(), testing::read_file(file.string()), Origin::Walked);
    EXPECT_EQ(report.failure, "") << file;
    expect_well_formed(report);
    ++files;
  }
  EXPECT_GT(files, 1000u);
}

// simdjson decides whether a file is valid; the syntax scanner explains why not. They must agree,
// or a broken file would be reported without a precise position (or a valid one flagged).
TEST_F(SharedCorpusTest, SyntaxScannerAgreesWithSimdjson) {
  for (const fs::path& file : definition_files(kSharedCorpus)) {
    if (file.extension() != ".json") continue;
    const std::string text = testing::read_file(file.string());
    auto source = Source::from_bytes(file.string(), text);
    const std::vector<LoadedDocument> docs = load_documents(*source, Syntax::Json);
    const bool loaded = docs.at(0).document->root() != nullptr;
    const std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    // A bare ${Placeholder} is read as a value (see quote_bare_placeholders); the scanner sees
    // the text the loader parses.
    const std::string parsed = quote_bare_placeholders(text);
    EXPECT_EQ(loaded, !find_json_syntax_error(parsed, start).has_value()) << file;
  }
}

// The 326 real state machines hold exactly six broken files; everything else loads (a seventh,
// with a bare ${Placeholder} where a value goes, is a SAM definition and reads as one).
TEST_F(SharedCorpusTest, OnlyTheKnownBrokenStateMachinesHaveSyntaxErrors) {
  std::size_t syntax_errors = 0;
  for (const fs::path& file : definition_files(kSharedCorpus / "asl")) {
    FileReport report = testing::check_text(file.string(), testing::read_file(file.string()));
    for (const Diagnostic& d : report.diagnostics)
      syntax_errors += d.rule_id == "WF001";
  }
  EXPECT_EQ(syntax_errors, 6u);
}

// Every error-level finding on the real state machines has been checked by hand and is right
// (the list, with one line of why each, is in the notes of issue 3). A new one is either a
// real mistake found in a new file, or a false positive to fix.
TEST_F(SharedCorpusTest, RealStateMachinesHaveOnlyTheKnownErrors) {
  std::map<std::string, int> errors;
  for (const fs::path& file : definition_files(kSharedCorpus / "asl")) {
    FileReport report = testing::check_text(file.string(), testing::read_file(file.string()));
    for (const Diagnostic& d : report.diagnostics) {
      if (d.severity == Severity::Error) ++errors[std::string(d.rule_id)];
    }
  }
  const std::map<std::string, int> known = {
      {"WF001", 6},   // trailing commas, comments
      {"ASL002", 1},  // QueryLanguage written inside States
      {"ASL003", 1},  // Arguments on a Map state (JSONata Maps take Items)
      {"ASL101", 3},  // Choice targets of an unfinished template
      {"ASL203", 7},  // States.Default does not exist; a bad escape in an intrinsic string
      {"ASL504", 3},  // the same template's Choices placeholder
      {"ASL505", 6},  // fields of a JSONPath state under a misplaced QueryLanguage
      {"LMB017", 1},  // a plain events:putEvents state reading $$.Task.Token
  };
  EXPECT_EQ(errors, known);
}

// The real runbooks: one community runbook has a step with neither action nor inputs; AWS's own
// runbooks (most of the corpus) get no error.
TEST_F(SharedCorpusTest, RealRunbooksHaveOnlyTheKnownErrors) {
  std::map<std::string, int> errors;
  for (const fs::path& file : definition_files(kSharedCorpus / "ssm")) {
    FileReport report = testing::check_text(file.string(), testing::read_file(file.string()));
    for (const Diagnostic& d : report.diagnostics) {
      if (d.severity == Severity::Error) ++errors[std::string(d.rule_id)];
    }
  }
  EXPECT_EQ(errors, (std::map<std::string, int>{{"SSM001", 2}}));
}

// The peers' own fixtures, with the verdict each peer expects (any error-level finding means
// invalid). statelint's use "foo:bar" resources, so they are compared without ASL401.
TEST_F(SharedCorpusTest, PeersVerdictsAgreeOnAtLeast95Percent) {
  const fs::path peers = kSharedCorpus / "peers";
  std::istringstream manifest(testing::read_file((peers / "MANIFEST.tsv").string()));
  std::string line;
  std::getline(manifest, line);  // header
  int files = 0;
  std::vector<std::string> disagreements;
  while (std::getline(manifest, line)) {
    std::istringstream fields(line);
    std::string anchor, file, expected;
    std::getline(fields, anchor, '\t');
    std::getline(fields, file, '\t');
    std::getline(fields, expected, '\t');
    std::string error;
    const CheckOptions options{*RuleFilter::parse("", anchor == "statelint" ? "ASL401" : "", error),
                               std::nullopt};
    const FileReport report = testing::check_text(file, testing::read_file((peers / file).string()),
                                                  Origin::Explicit, options);
    const bool invalid =
        std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; });
    if (invalid != (expected == "invalid")) disagreements.push_back(file + " (" + expected + ")");
    ++files;
  }
  ASSERT_GT(files, 150);
  std::string listed;
  for (const std::string& file : disagreements)
    listed += "\n  " + file;
  EXPECT_GE(100 * (files - static_cast<int>(disagreements.size())), 95 * files)
      << disagreements.size() << " of " << files << " disagree:" << listed;
}

// Cheap deterministic mutation testing: truncated, flipped and spliced versions of real files
// must never crash, throw, or produce a finding outside the file.
TEST(MutationTest, MangledInputsNeverBreakTheInvariants) {
  std::vector<fs::path> seeds = definition_files(kCorpus);
  const std::vector<fs::path> cases = definition_files(kSourceDir / "tests" / "cases");
  seeds.insert(seeds.end(), cases.begin(), cases.end());
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string noise = "{}[]:,\"'\\-#&*!|>\n\t ${}\xC3\xA9\xFF";
  for (const fs::path& seed : seeds) {
    const std::string original = testing::read_file(seed.string());
    for (int round = 0; round < 60; ++round) {
      std::string text = original;
      const int edits = 1 + static_cast<int>(next() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = next() % text.size();
        switch (next() % 4) {
          case 0:
            text.resize(at);
            break;
          case 1:
            text[at] = noise[next() % noise.size()];
            break;
          case 2:
            text.insert(at, 1, noise[next() % noise.size()]);
            break;
          default:
            text.erase(at, 1 + next() % 8);
        }
      }
      FileReport report = testing::check_text(seed.filename().string(), text);
      EXPECT_EQ(report.failure, "") << seed << " round " << round;
      expect_well_formed(report);
    }
  }
}

}  // namespace
}  // namespace wflint
