#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "run/interpreter.h"
#include "run/json.h"
#include "run/test_spec.h"

namespace wflint::run {

// The outcome of one case of a spec: every way its execution differs from what it expects, one
// line each ("/output/total: expected 10, got 12"); none when it passed.
struct TestCaseResult {
  std::string name;
  std::vector<std::string> differences;
  bool passed() const { return differences.empty(); }
};

// Runs `test_case` of `spec` once, deterministically, and compares the result.
TestCaseResult run_test_case(const TestSpec& spec, const TestCaseSpec& test_case);

// The differences between what a case expects and what its execution did.
std::vector<std::string> compare_result(const TestExpectation& expect, const RunResult& result);

// Every difference between `expected` and `got` under JSON pointer `pointer`, appended to `out`.
// Exactly: both must have the same members. As a subset: `got` may have members `expected` does
// not name (in objects at any depth; arrays are always compared element by element).
void diff_exact(const Json& expected, const Json& got, const std::string& pointer,
                std::vector<std::string>& out);
void diff_subset(const Json& expected, const Json& got, const std::string& pointer,
                 std::vector<std::string>& out);

}  // namespace wflint::run
