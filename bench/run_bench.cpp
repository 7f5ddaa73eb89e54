// `wflint run` throughput: the interpreter alone, on synthetic state machines. Run:
//   build/bench/wflint_run_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "run/interpreter.h"
#include "run/loaded_file.h"
#include "synthetic.h"

namespace wflint::bench {
namespace {

std::unique_ptr<run::LoadedFile> load(const std::string& name, const std::string& text) {
  std::string error;
  auto file = run::load_text(name, text, error);
  if (!file) std::abort();
  return file;
}

void BM_RunLinearChain(::benchmark::State& state) {
  const int states = static_cast<int>(state.range(0));
  const auto definition = load("chain.json", synthetic_run_chain(states));
  const auto mock_file = load("mocks.json", synthetic_run_mocks(states, "chain"));
  std::vector<std::string> problems;
  const auto mock_config = run::MockConfig::read(*mock_file->root(), problems);
  auto mocks = mock_config->test_case("chain", "Bench");
  run::RunOptions options;
  options.input = run::Json::parse(R"({"order": {"id": "o-1", "total": 12.5}, "n": 0})");
  options.mocks = &mocks.value();
  options.start_time_nanos = 1;
  for (auto _ : state) {
    const run::RunResult result = run::run_state_machine(*definition->root(), options);
    if (result.status != run::RunStatus::Succeeded) state.SkipWithError("the run did not succeed");
    ::benchmark::DoNotOptimize(result);
  }
  state.counters["states"] = states;
}

void BM_RunDistributedMap(::benchmark::State& state) {
  std::string input;
  const auto definition = load("map.json", synthetic_map(static_cast<int>(state.range(0)), input));
  run::RunOptions options;
  options.input = run::Json::parse(input);
  options.start_time_nanos = 1;
  for (auto _ : state) {
    const run::RunResult result = run::run_state_machine(*definition->root(), options);
    if (result.status != run::RunStatus::Succeeded) state.SkipWithError("the run did not succeed");
    ::benchmark::DoNotOptimize(result);
  }
  state.counters["items"] = static_cast<double>(state.range(0));
}

void BM_RunJsonataMap(::benchmark::State& state) {
  std::string input;
  synthetic_map(static_cast<int>(state.range(0)), input);
  const auto definition = load("map.json", synthetic_jsonata_map());
  run::RunOptions options;
  options.input = run::Json::parse(input);
  options.start_time_nanos = 1;
  for (auto _ : state) {
    const run::RunResult result = run::run_state_machine(*definition->root(), options);
    if (result.status != run::RunStatus::Succeeded) state.SkipWithError("the run did not succeed");
    ::benchmark::DoNotOptimize(result);
  }
  state.counters["items"] = static_cast<double>(state.range(0));
}

BENCHMARK(BM_RunLinearChain)->Arg(100)->Arg(1000)->Arg(5000)->Unit(::benchmark::kMillisecond);
BENCHMARK(BM_RunDistributedMap)->Arg(1000)->Arg(100000)->Unit(::benchmark::kMillisecond);
BENCHMARK(BM_RunJsonataMap)->Arg(1000)->Arg(100000)->Unit(::benchmark::kMillisecond);

}  // namespace
}  // namespace wflint::bench

BENCHMARK_MAIN();
