// The first graph of the detach lesson, built with the library directly:
// y = x^2 + 1 at x = 2, then the same value with the gradient cut by detach.
#include <cstdio>

#include <gatelab/gatelab.hpp>

int main() {
  gatelab::Graph g;
  auto x = g.input(2.0, "x");
  auto y = (x * x + 1.0).named("y");
  gatelab::Trace trace;
  y.backward(&trace);
  std::printf("y = x*x + 1 at x = 2\n  y = %s, dy/dx = %s\n", gatelab::format_number(y.value()).c_str(),
              gatelab::format_number(x.grad()).c_str());
  for (const auto& s : trace.backward) {
    if (s.from == gatelab::no_node) {
      std::printf("  [%d] seed grad(%s) = 1\n", s.step, g.label(s.to).c_str());
      continue;
    }
    std::printf("  [%d] %s -> %s: %s x %s = %s, grad(%s) = %s%s\n", s.step, g.label(s.from).c_str(),
                g.label(s.to).c_str(), gatelab::format_number(s.upstream).c_str(),
                gatelab::format_number(s.local).c_str(), gatelab::format_number(s.contribution).c_str(),
                g.label(s.to).c_str(), gatelab::format_number(s.grad_after).c_str(),
                s.accumulated ? "  (+= at a fork)" : "");
  }

  auto z = detach(x * x + 1.0).named("z");
  std::printf("z = detach(x*x + 1) = %s\n", gatelab::format_number(z.value()).c_str());
  try {
    z.backward();
  } catch (const gatelab::Error& e) {
    std::printf("  backward: %s\n", e.what());
  }
  auto w = (z + x).named("w");
  g.zero_grad();
  w.backward();
  std::printf("w = detach(x*x + 1) + x = %s, dw/dx = %s\n", gatelab::format_number(w.value()).c_str(),
              gatelab::format_number(x.grad()).c_str());
}
