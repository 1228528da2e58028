// Benchmarks of the pictures and pages (Google Benchmark): every frame of the staged example
// from one layout, and the page of a 9-5-2 training row. docs/performance.md records them.
#include <benchmark/benchmark.h>

#include "../shipped_data.hpp"
#include "files/diagrams.hpp"
#include "files/pages.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/learning/torch_init.hpp"

namespace {

// cs231n's staged example at x = 3, y = -4 (lessons/data/staged.gl), traced.
struct Staged {
  gatelab::Program p = gatelab::parse_program(
      "sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2; den = sigx + xpysqr; "
      "invden = inv(den); f = num * invden");
  gatelab::Trace trace;
  Staged() {
    p.graph.set_value(p.graph.find("x"), 3);
    p.graph.set_value(p.graph.find("y"), -4);
    p.graph.forward(&trace);
    p.graph.backward(p.output, &trace);
  }
};

// All 21 frames (SVG and DOT), laid out once, kept in memory as the command keeps them.
void BM_StagedFrames(benchmark::State& state) {
  const Staged s;
  for (auto _ : state) {
    gatelab::cli::OutputFiles out;
    gatelab::cli::add_diagrams(out, {.frames_dir = "frames"}, s.p.graph, s.trace);
    benchmark::DoNotOptimize(out.size());
  }
  state.counters["frames"] = s.trace.size();
}
BENCHMARK(BM_StagedFrames)->Unit(benchmark::kMillisecond);

// The HTML page of train row 0 of the ste network (PyTorch's initial weights, seed 0).
void BM_TrainingRowPage(benchmark::State& state) {
  auto net = gatelab::build_network(gatelab::Constraint::Ste);
  const auto params = gatelab::torch_initial_params(net, 0);
  const auto ids = net.parameters();
  for (std::size_t i = 0; i < ids.size(); ++i) net.graph.set_value(ids[i], params[i]);
  const auto& train = shipped_data().train;
  for (std::size_t f = 0; f < train.features; ++f) net.graph.set_value(net.features[f], train.at(0, f));
  for (std::size_t k = 0; k < net.labels.size(); ++k)
    net.graph.set_value(net.labels[k], static_cast<int>(k) == train.y[0]);
  gatelab::Trace trace;
  net.graph.forward(&trace);
  net.graph.backward(net.loss, &trace);
  std::size_t bytes = 0;
  for (auto _ : state) bytes = gatelab::cli::row_page(net, trace, "train row 0", "").size();
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["gates"] = static_cast<double>(net.graph.size());
  state.counters["steps"] = trace.size();
}
BENCHMARK(BM_TrainingRowPage)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
