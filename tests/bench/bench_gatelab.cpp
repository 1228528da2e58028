// gatelab's benchmarks (Google Benchmark). Build with -DGATELAB_BENCHMARKS=ON and run
// build/tests/bench/gatelab_bench; docs/performance.md records the figures.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../shipped_data.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/learning/torch_init.hpp"
#include "gatelab/learning/training.hpp"
#include "gatelab/teach/trace.hpp"

namespace {

constexpr int million = 1'000'000;

// y = y + x, a million times: one input, a million add gates.
gatelab::Var build_chain(gatelab::Graph& g) {
  g.reserve(million + 1);
  auto x = g.input(0.5, "x");
  auto y = x;
  for (int i = 0; i < million; ++i) y = y + x;
  return y;
}

void BM_BuildMillionGates(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::size_t before = mallinfo2().uordblks;
    gatelab::Graph g;
    benchmark::DoNotOptimize(build_chain(g).value());
    bytes = mallinfo2().uordblks - before;
  }
  state.counters["bytes_per_gate"] = static_cast<double>(bytes) / (million + 1);
}
BENCHMARK(BM_BuildMillionGates)->Unit(benchmark::kMillisecond);

void BM_ForwardBackwardMillionGates(benchmark::State& state) {
  gatelab::Graph g;
  const auto y = build_chain(g);
  for (auto _ : state) {
    g.forward();
    g.zero_grad();
    g.backward(y.id());
    benchmark::DoNotOptimize(g.grad(0));
  }
}
BENCHMARK(BM_ForwardBackwardMillionGates)->Unit(benchmark::kMillisecond);

void BM_TracedForwardBackwardMillionGates(benchmark::State& state) {
  gatelab::Graph g;
  const auto y = build_chain(g);
  for (auto _ : state) {
    gatelab::Trace trace;
    g.forward(&trace);
    g.zero_grad();
    g.backward(y.id(), &trace);
    benchmark::DoNotOptimize(trace.size());
  }
}
BENCHMARK(BM_TracedForwardBackwardMillionGates)->Unit(benchmark::kMillisecond);

void BM_Parse100kStatements(benchmark::State& state) {
  std::string text = "s0 = x * 2\n";
  for (int i = 1; i < 100'000; ++i)
    text += "s" + std::to_string(i) + " = sigmoid(s" + std::to_string(i - 1) + ") + x\n";
  for (auto _ : state) benchmark::DoNotOptimize(gatelab::parse_program(text).output);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Parse100kStatements)->Unit(benchmark::kMillisecond);

// y = sum(A @ B) for two 100 x 100 matrices written with arrays: a million multiplications
// and as many additions, parsed, run forward and backward (the target is < 0.5 s).
void BM_Matmul100(benchmark::State& state) {
  const gatelab::InputShapes shapes{{"A", {100, 100}}, {"B", {100, 100}}};
  std::size_t gates = 0;
  for (auto _ : state) {
    gatelab::Program p = gatelab::parse_program("y = sum(A @ B)", shapes);
    for (std::size_t i = 0; i < p.inputs.size(); ++i)
      p.graph.set_value(p.inputs[i], 0.001 * static_cast<double>(i % 97));
    p.graph.forward();
    p.graph.backward(p.output);
    benchmark::DoNotOptimize(p.graph.grad(p.inputs[0]));
    gates = p.graph.size();
  }
  state.counters["gates"] = static_cast<double>(gates);
}
BENCHMARK(BM_Matmul100)->Unit(benchmark::kMillisecond);

const gatelab::DataSplit& data() { return shipped_data(); }

// One training epoch (train loss and gradient, Adam step, valid loss) of each variant,
// measured over runs of 200 epochs.
void BM_TrainingEpoch(benchmark::State& state) {
  const auto c = static_cast<gatelab::Constraint>(state.range(0));
  state.SetLabel(gatelab::to_string(c));
  auto net = gatelab::build_network(c);
  gatelab::Trainer trainer(net, data());
  gatelab::TrainOptions o;
  o.max_epochs = 200;
  for (auto _ : state) {
    trainer.set_params(gatelab::torch_initial_params(net, 0));
    benchmark::DoNotOptimize(trainer.train(o).epochs_run);
  }
  state.counters["us_per_epoch"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * o.max_epochs,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::OneK::kIs1000);
}
BENCHMARK(BM_TrainingEpoch)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

void BM_FiveVariantsToEarlyStop(benchmark::State& state) {
  for (auto _ : state) {
    int epochs = 0;
    for (int c = 0; c <= 4; ++c) {
      auto net = gatelab::build_network(static_cast<gatelab::Constraint>(c));
      gatelab::Trainer trainer(net, data());
      trainer.set_params(gatelab::torch_initial_params(net, 0));
      epochs += trainer.train({}).epochs_run;
    }
    state.counters["epochs"] = epochs;
  }
}
BENCHMARK(BM_FiveVariantsToEarlyStop)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
