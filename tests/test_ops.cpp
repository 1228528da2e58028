// Every gate of the op table against central differences of its own value, in one loop.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "gatelab/engine/ops.hpp"

using gatelab::Op;

namespace {

// Points (a, b) where each gate is differentiable; b is ignored by one-input gates.
// A new gate needs its line here: the loop below fails for a gate without one.
const std::map<Op, std::vector<std::pair<double, double>>> samples = {
    {Op::Add, {{1.5, -2}, {0.3, 0.7}}},
    {Op::Sub, {{1.5, -2}, {0.3, 0.7}}},
    {Op::Mul, {{1.5, -2}, {-0.3, 0.7}}},
    {Op::Div, {{1.5, -2}, {0.3, 0.7}}},
    {Op::Neg, {{1.5, 0}, {-0.3, 0}}},
    {Op::Pow, {{1.5, 2}, {0.7, -1.3}, {2, 0.5}}},
    {Op::Exp, {{-1, 0}, {0.5, 0}, {2, 0}}},
    {Op::Log, {{0.3, 0}, {2, 0}}},
    {Op::Inv, {{-1.5, 0}, {0.7, 0}}},
    {Op::Sqrt, {{0.3, 0}, {2.5, 0}}},
    {Op::Sin, {{-1.2, 0}, {0.4, 0}}},
    {Op::Cos, {{0.9, 0}, {-2, 0}}},
    {Op::Sigmoid, {{-3, 0}, {0, 0}, {2.5, 0}}},
    {Op::Tanh, {{-1, 0}, {0.2, 0}, {1.5, 0}}},
    {Op::Relu, {{-1.2, 0}, {0.7, 0}}},
    {Op::Softplus, {{-30, 0}, {-1, 0}, {0, 0}, {2, 0}, {40, 0}}},
    {Op::Erf, {{-1.3, 0}, {0, 0}, {0.4, 0}}},
    {Op::Abs, {{-1.2, 0}, {0.7, 0}}},
    {Op::Max, {{1, 2}, {2, 1}, {-0.5, -0.7}}},
    {Op::Min, {{1, 2}, {2, 1}, {-0.5, -0.7}}},
    {Op::Round, {{0.3, 0}, {1.7, 0}, {-2.2, 0}}},
};

double central_difference(Op op, double a, double b, int slot) {
  const double h = 1e-6 * std::max(1.0, std::fabs(slot == 0 ? a : b));
  if (slot == 0) return (gatelab::op_value(op, a + h, b) - gatelab::op_value(op, a - h, b)) / (2 * h);
  return (gatelab::op_value(op, a, b + h) - gatelab::op_value(op, a, b - h)) / (2 * h);
}

}  // namespace

TEST_CASE("every gate's local partials agree with central differences of its value") {
  for (int i = 0; i < gatelab::op_count; ++i) {
    const Op op = static_cast<Op>(i);
    const gatelab::OpInfo& info = gatelab::op_info(op);
    if (info.arity == 0 || info.surrogate) continue;  // leaves; detach and ste are tested below
    INFO("gate " << info.name);
    REQUIRE(samples.count(op) == 1);
    for (auto [a, b] : samples.at(op)) {
      INFO("at a = " << a << ", b = " << b);
      const double v = gatelab::op_value(op, a, b);
      const auto p = gatelab::op_partials(op, a, b, v);
      CHECK(p.da == Approx(central_difference(op, a, b, 0)).epsilon(1e-6).margin(1e-8));
      if (info.arity == 2) CHECK(p.db == Approx(central_difference(op, a, b, 1)).epsilon(1e-6).margin(1e-8));
    }
  }
}

TEST_CASE("a gate that declares its gradient passes unchanged has the partial 1 everywhere") {
  int passing = 0;
  for (int i = 0; i < gatelab::op_count; ++i) {
    const Op op = static_cast<Op>(i);
    const gatelab::OpInfo& info = gatelab::op_info(op);
    INFO("gate " << info.name);
    if (info.passes_a) CHECK(info.grad_a);
    if (info.passes_b) CHECK((info.arity == 2 && info.grad_b));
    if (!info.passes_a && !info.passes_b) continue;
    ++passing;
    for (double a : {-3.5, 0.0, 0.25, 7.0})
      for (double b : {-1.0, 0.0, 2.5}) {
        const auto p = gatelab::op_partials(op, a, b, gatelab::op_value(op, a, b));
        if (info.passes_a) CHECK(p.da == 1);
        if (info.passes_b) CHECK(p.db == 1);
      }
  }
  CHECK(passing == 3);                              // add (both inputs), sub (a), ste (b)
  CHECK_FALSE(gatelab::op_info(Op::Sub).passes_b);  // -1
  CHECK_FALSE(gatelab::op_info(Op::Mul).passes_a);
}

TEST_CASE("partials depend on nothing but what the gate declares it reads") {
  // Replacing an undeclared input (or the value) by anything must not change the partials.
  const double others[] = {std::nan(""), 0.0, 1e300, -1e300, -2.5};
  for (const auto& [op, points] : samples) {
    const gatelab::OpInfo& info = gatelab::op_info(op);
    INFO("gate " << info.name);
    for (auto [a, b] : points) {
      const double v = gatelab::op_value(op, a, b);
      const auto p = gatelab::op_partials(op, a, b, v);
      for (double x : others) {
        INFO("at a = " << a << ", b = " << b << ", replaced by " << x);
        auto same = [&](const gatelab::ops::Partials& q) { return q.da == p.da && (info.arity < 2 || q.db == p.db); };
        if (!(info.reads & gatelab::reads_a)) CHECK(same(gatelab::op_partials(op, x, b, v)));
        if (!(info.reads & gatelab::reads_b)) CHECK(same(gatelab::op_partials(op, a, x, v)));
        if (!(info.reads & gatelab::reads_value)) CHECK(same(gatelab::op_partials(op, a, b, x)));
      }
    }
  }
}

TEST_CASE("gate values match their textbook definitions") {
  CHECK(gatelab::op_value(Op::Sigmoid, 0, 0) == 0.5);
  CHECK(gatelab::op_value(Op::Sigmoid, -800, 0) == 0);  // no overflow in exp
  CHECK(gatelab::op_value(Op::Softplus, 0, 0) == Approx(std::log(2.0)));
  CHECK(gatelab::op_value(Op::Softplus, 800, 0) == 800);
  CHECK(gatelab::op_value(Op::Pow, 2, 10) == 1024);
  CHECK(gatelab::op_value(Op::Inv, 4, 0) == 0.25);
  CHECK(gatelab::op_value(Op::Max, -1, 3) == 3);
  CHECK(gatelab::op_value(Op::Min, -1, 3) == -1);
  CHECK(gatelab::op_value(Op::Abs, -2.5, 0) == 2.5);
  CHECK(gatelab::op_value(Op::Erf, 0.5, 0) == Approx(0.5204998778));  // tables of erf
  CHECK(gatelab::op_value(Op::Sqrt, 16, 0) == 4);
  CHECK(gatelab::op_value(Op::Sin, 3.14159265358979323846 / 6, 0) == Approx(0.5));
  CHECK(gatelab::op_value(Op::Cos, 0, 0) == 1);
  CHECK(gatelab::op_partials(Op::Sqrt, 4, 0, 2).da == 0.25);                                // 1/(2·√4)
  CHECK(gatelab::op_partials(Op::Cos, 3.14159265358979323846 / 2, 0, 0).da == Approx(-1));  // -sin(π/2)
}

TEST_CASE("round is half to even, as torch.round, with derivative 0") {
  CHECK(gatelab::op_value(Op::Round, 0.5, 0) == 0);
  CHECK(gatelab::op_value(Op::Round, 1.5, 0) == 2);
  CHECK(gatelab::op_value(Op::Round, 2.5, 0) == 2);
  CHECK(gatelab::op_value(Op::Round, -2.5, 0) == -2);
  CHECK(gatelab::op_value(Op::Round, 2.6, 0) == 3);
  CHECK(gatelab::op_partials(Op::Round, 2.6, 0, 3).da == 0);
}

TEST_CASE(
    "kinks: relu'(0) and abs'(0) are 0 as in PyTorch, and max and min send a tie's gradient to a (torch.maximum splits "
    "it, half each)") {
  CHECK(gatelab::op_partials(Op::Relu, 0, 0, 0).da == 0);
  CHECK(gatelab::op_partials(Op::Abs, 0, 0, 0).da == 0);
  const auto max_tie = gatelab::op_partials(Op::Max, 1, 1, 1);
  CHECK(max_tie.da == 1);
  CHECK(max_tie.db == 0);
  const auto min_tie = gatelab::op_partials(Op::Min, 1, 1, 1);
  CHECK(min_tie.da == 1);
  CHECK(min_tie.db == 0);
  CHECK(gatelab::op_has_kink(Op::Relu));
  CHECK_FALSE(gatelab::op_has_kink(Op::Tanh));
}

TEST_CASE("pow's exponent partial is 0 at a zero base, as in PyTorch") {
  CHECK(gatelab::op_partials(Op::Pow, 0, 2, 0).db == 0);
  CHECK(gatelab::op_partials(Op::Pow, 0, 2, 0).da == 0);
}

TEST_CASE("detach and ste pass values but cut gradients as declared") {
  const auto& detach = gatelab::op_info(Op::Detach);
  CHECK(gatelab::op_value(Op::Detach, 3.5, 0) == 3.5);
  CHECK_FALSE(detach.grad_a);
  CHECK(detach.surrogate);
  const auto& ste = gatelab::op_info(Op::Ste);
  CHECK(gatelab::op_value(Op::Ste, 0.4, 0.37) == 0.4);  // the value of f
  CHECK_FALSE(ste.grad_a);
  CHECK(ste.grad_b);
  CHECK(gatelab::op_partials(Op::Ste, 0.4, 0.37, 0.4).db == 1);  // as if the gate were b
}

TEST_CASE("every op has a unique name that maps back to it") {
  for (int i = 0; i < gatelab::op_count; ++i) {
    const Op op = static_cast<Op>(i);
    INFO(gatelab::op_info(op).name);
    REQUIRE(gatelab::op_from_name(gatelab::op_info(op).name) == op);
  }
  CHECK_FALSE(gatelab::op_from_name("sinh").has_value());
}

TEST_CASE("every gate states its rule in words for hints: its formula and each input's partial") {
  for (int i = 0; i < gatelab::op_count; ++i) {
    const gatelab::OpInfo& info = gatelab::op_info(static_cast<Op>(i));
    INFO(info.name);
    if (info.arity == 0) continue;
    CHECK_FALSE(info.formula.empty());
    CHECK_FALSE(info.da.empty());
    CHECK(info.db.empty() == (info.arity == 1));
  }
}

TEST_CASE("pow's conventions at 0 and for negative bases, as PyTorch has them") {
  // PyTorch 1.13, float64, run separately: A**B with A, B requiring grad, then backward():
  //   (0, 0): 1, dA 0, dB 0     (0, 2): 0, dA 0, dB 0     (2, 0): 1, dA 0, dB ln 2
  //   (-2, 3): -8, dA 12, dB nan     (0, -1): inf     (-8, 1/3): nan
  using gatelab::op_partials;
  using gatelab::op_value;
  CHECK(op_value(Op::Pow, 0, 0) == 1);
  CHECK(op_partials(Op::Pow, 0, 0, 1).da == 0);  // x^0 is the constant 1, also at 0
  CHECK(op_partials(Op::Pow, 0, 0, 1).db == 0);
  CHECK(op_partials(Op::Pow, 0, 2, 0).da == 0);
  CHECK(op_partials(Op::Pow, 2, 0, 1).da == 0);
  CHECK(op_partials(Op::Pow, 2, 0, 1).db == Approx(std::log(2.0)));
  CHECK(op_partials(Op::Pow, -2, 3, -8).da == 12);
  CHECK(std::isnan(op_partials(Op::Pow, -2, 3, -8).db));
  CHECK(std::isinf(op_value(Op::Pow, 0, -1)));
  CHECK(std::isnan(op_value(Op::Pow, -8, 1.0 / 3)));
}
