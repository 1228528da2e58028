// The graph itself: accumulation, zero_grad, errors, names, re-evaluation, depth.
#include <catch2/catch.hpp>

#include "gatelab/engine/error.hpp"
#include "gatelab/engine/graph.hpp"

using Catch::Matchers::Contains;

TEST_CASE("gates are evaluated as they are created, inputs before outputs") {
  gatelab::Graph g;
  auto x = g.input(3, "x");
  auto y = x * 2.0 - 1.0;
  CHECK(y.value() == 5);
  CHECK(g.size() == 5);  // x, 2, x*2, 1, x*2-1
  for (gatelab::NodeId i = 0; i < g.size(); ++i) {
    const auto& n = g.node(i);
    if (n.a != gatelab::no_node) CHECK(n.a < i);
    if (n.b != gatelab::no_node) CHECK(n.b < i);
  }
}

TEST_CASE("a fork receives the sum of its messages") {
  gatelab::Graph g;
  auto x = g.input(3, "x");
  auto y = x * x * x;  // dy/dx = 3x^2 = 27
  y.backward();
  CHECK(x.grad() == 27);
}

TEST_CASE("backward twice accumulates, as PyTorch does / zero_grad clears") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = x * x + 1.0;
  y.backward();
  CHECK(x.grad() == 4);
  y.backward();
  CHECK(x.grad() == 8);
  CHECK(y.grad() == 2);
  g.zero_grad();
  CHECK(x.grad() == 0);
  CHECK_FALSE(g.has_grad());
  y.backward();
  CHECK(x.grad() == 4);
}

TEST_CASE("backward from two outputs adds their gradients") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto u = x * 3.0;       // du/dx = 3
  auto v = exp(x * 0.0);  // dv/dx = 0 * 1 = 0
  auto w = x * x;         // dw/dx = 4
  u.backward();
  w.backward();
  v.backward();
  CHECK(x.grad() == 7);
}

TEST_CASE("backward on an output that needs no gradient is an error naming it") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto c = g.constant(4);
  CHECK_THROWS_WITH(c.backward(), Contains("does not require grad"));
  auto d = detach(x * x).named("d");
  CHECK_THROWS_WITH(d.backward(), Contains("'d'") && Contains("does not have a grad_fn"));
  CHECK_FALSE(g.has_grad());
}

TEST_CASE("constants and detached branches get no gradient") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto c = g.constant(5);
  auto y = x * c + detach(x) * x;  // d/dx = 5 + 2 (only the right-hand x)
  y.backward();
  CHECK(x.grad() == 7);
  CHECK(c.grad() == 0);
  CHECK_FALSE(g.node(c.id()).requires_grad);
}

TEST_CASE("set_value and forward re-evaluate every gate") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = tanh(x * x) + x;
  g.set_value(x.id(), 0.5);
  g.forward();
  CHECK(y.value() == Approx(std::tanh(0.25) + 0.5));
  CHECK_THROWS_AS(g.set_value(y.id(), 1), gatelab::Error);
}

TEST_CASE("names label nodes and can be looked up") {
  gatelab::Graph g;
  auto x = g.input(1, "x");
  auto y = (x + 1.0).named("y");
  CHECK(g.find("y") == y.id());
  CHECK(g.find("x") == x.id());
  CHECK(g.find("nope") == gatelab::no_node);
  CHECK(g.label(y.id()) == "y");
  CHECK(g.label(1) == "const#1");
  y.named("z");
  CHECK(g.find("y") == gatelab::no_node);
  CHECK(g.find("z") == y.id());
}

TEST_CASE("values from two graphs cannot be combined") {
  gatelab::Graph g, h;
  auto x = g.input(1);
  auto y = h.input(2);
  CHECK_THROWS_AS(x + y, gatelab::Error);
}

TEST_CASE("a chain of 1,000,000 gates runs forward and backward without recursion") {
  constexpr int n = 1'000'000;
  gatelab::Graph g;
  g.reserve(n + 1);
  auto x = g.input(0.5, "x");
  auto y = x;
  for (int i = 0; i < n; ++i) y = y + x;  // y = (n + 1) x
  REQUIRE(g.size() == n + 1);
  CHECK(y.value() == Approx(0.5 * (n + 1)));
  g.set_value(x.id(), 2);
  g.forward();
  CHECK(y.value() == 2.0 * (n + 1));
  y.backward();
  CHECK(x.grad() == n + 1);
}

TEST_CASE("detach's input takes no gradient message but round's does") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto d = detach(x);
  auto r = round(x);
  CHECK_FALSE(gatelab::takes_message(g, d.id(), 0));  // detach cuts its one edge
  CHECK(gatelab::takes_message(g, r.id(), 0));        // round passes a gradient, which is 0
  CHECK_FALSE(gatelab::takes_message(g, r.id(), 1));  // a one-input gate has no slot b
  CHECK_FALSE(gatelab::takes_message(g, x.id(), 0));  // a leaf has no inputs
}

TEST_CASE("ste sends its message to b only and only when b requires grad") {
  gatelab::Graph g;
  auto f = g.input(0.4, "f"), b = g.input(0.37, "b");
  auto s = ste(f, b);
  CHECK_FALSE(gatelab::takes_message(g, s.id(), 0));  // the value comes from f, never a gradient
  CHECK(gatelab::takes_message(g, s.id(), 1));
  auto s_const = ste(f, g.constant(0.5));
  CHECK_FALSE(gatelab::takes_message(g, s_const.id(), 0));
  CHECK_FALSE(gatelab::takes_message(g, s_const.id(), 1));  // a constant b requires no grad
}

TEST_CASE("an add with a constant sends only to the side that requires grad") {
  gatelab::Graph g;
  auto x = g.input(1, "x");
  auto right = x + 1.0;  // x is a, the constant b
  auto left = 1.0 + x;   // the constant a, x b
  CHECK(gatelab::takes_message(g, right.id(), 0));
  CHECK_FALSE(gatelab::takes_message(g, right.id(), 1));
  CHECK_FALSE(gatelab::takes_message(g, left.id(), 0));
  CHECK(gatelab::takes_message(g, left.id(), 1));
  auto cut = detach(x) * x;  // the detached value requires no grad, so it takes no message
  CHECK_FALSE(gatelab::takes_message(g, cut.id(), 0));
  CHECK(gatelab::takes_message(g, cut.id(), 1));
}
