// Load + check throughput on synthetic state machines. Run:
//   build/bench/wflint_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "engine/check.h"
#include "synthetic.h"

namespace wflint::bench {
namespace {

void load_and_check(::benchmark::State& state, Format format, const char* path) {
  const std::string text = synthetic_state_machine(static_cast<int>(state.range(0)), format);
  const CheckOptions options;  // every rule, no configuration
  for (auto _ : state) {
    FileReport report = check_source(Source::from_bytes(path, text), Origin::Explicit, options);
    if (!report.diagnostics.empty()) state.SkipWithError("synthetic definition has findings");
    ::benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["states"] = static_cast<double>(state.range(0));
  state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_CheckJson(::benchmark::State& state) {
  load_and_check(state, Format::Json, "s.json");
}
void BM_CheckYaml(::benchmark::State& state) {
  load_and_check(state, Format::Yaml, "s.yaml");
}

// A chain of Lambda tasks whose results the data-flow analysis follows: optimized invokes that
// place their selected Payload into the input, and function ARN tasks reading them.
std::string lambda_chain(int states) {
  std::string text = R"({"StartAt": "L0", "States": {)";
  for (int i = 0; i < states; ++i) {
    const std::string next =
        i + 1 < states ? fmt::format(R"("Next": "L{}")", i + 1) : std::string(R"("End": true)");
    const std::string_view retry =
        R"("Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"], "MaxAttempts": 3}])";
    if (i % 2 == 0) {
      text += fmt::format(
          R"("L{0}": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {{"FunctionName": "step-{0}", "Payload.$": "$.results"}}, "ResultSelector": {{"value.$": "$.Payload"}}, "ResultPath": "$.results.r{1}", {2}, {3}}},)",
          i, i % 20, retry, next);
    } else {
      text += fmt::format(
          R"("L{0}": {{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:step-{0}", "InputPath": "$.results.r{1}.value", "ResultPath": "$.results.f{1}", {2}, {3}}},)",
          i, (i - 1) % 20, retry, next);
    }
  }
  text.back() = '}';
  return text + "}";
}

// 10,000 Lambda tasks with all rules, the data-flow analysis included.
void BM_CheckLambdaChain(::benchmark::State& state) {
  const std::string text = lambda_chain(static_cast<int>(state.range(0)));
  const CheckOptions options;  // every rule, no configuration
  for (auto _ : state) {
    FileReport report = check_source(Source::from_bytes("l.json", text), Origin::Explicit, options);
    if (!report.diagnostics.empty()) state.SkipWithError("lambda chain has findings");
    ::benchmark::DoNotOptimize(report);
  }
  state.counters["states"] = static_cast<double>(state.range(0));
}

BENCHMARK(BM_CheckJson)->Arg(10)->Arg(1'000)->Arg(100'000)->Unit(::benchmark::kMillisecond);
BENCHMARK(BM_CheckLambdaChain)->Arg(10'000)->Unit(::benchmark::kMillisecond);
BENCHMARK(BM_CheckYaml)->Arg(10)->Arg(1'000)->Arg(100'000)->Unit(::benchmark::kMillisecond);

}  // namespace
}  // namespace wflint::bench

BENCHMARK_MAIN();
