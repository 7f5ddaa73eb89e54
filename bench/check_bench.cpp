// Load + check throughput on synthetic state machines. Run:
//   build/bench/wflint_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "engine/check.h"
#include "synthetic.h"

namespace wflint::bench {
namespace {

CheckOptions all_rules() {
  std::string error;
  return CheckOptions{*RuleFilter::parse("", "", error), std::nullopt};
}

void load_and_check(::benchmark::State& state, Format format, const char* path) {
  const std::string text = synthetic_state_machine(static_cast<int>(state.range(0)), format);
  const CheckOptions options = all_rules();
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

BENCHMARK(BM_CheckJson)->Arg(10)->Arg(1'000)->Arg(100'000)->Unit(::benchmark::kMillisecond);
BENCHMARK(BM_CheckYaml)->Arg(10)->Arg(1'000)->Arg(100'000)->Unit(::benchmark::kMillisecond);

}  // namespace
}  // namespace wflint::bench

BENCHMARK_MAIN();
