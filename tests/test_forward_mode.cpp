// Forward mode (tangents up the graph) against reverse mode (gradients down it).
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "gatelab/engine/error.hpp"
#include "gatelab/engine/forward_mode.hpp"

using gatelab::Var;

namespace {

struct Expression {
  const char* text;
  std::vector<double> at;
  std::function<Var(std::vector<Var>&)> build;
};

const std::vector<Expression> smooth_expressions = {
    {"(x + y) z", {-2, 5, -4}, [](auto& v) { return (v[0] + v[1]) * v[2]; }},
    {"(x + sigmoid(y)) / (sigmoid(x) + (x + y)^2)",
     {3, -4},
     [](auto& v) { return (v[0] + sigmoid(v[1])) / (sigmoid(v[0]) + pow(v[0] + v[1], 2.0)); }},
    {"1 / (exp(-(w x + b)) + 1)", {1, 0.3, -0.2}, [](auto& v) { return 1.0 / (exp(-(v[1] * v[0] + v[2])) + 1.0); }},
    {"log(softplus(x) * y) - tanh(x / y)",
     {0.7, 2.5},
     [](auto& v) { return log(softplus(v[0]) * v[1]) - tanh(v[0] / v[1]); }},
    {"x^y + inv(y) - (-x)", {1.3, 0.6}, [](auto& v) { return pow(v[0], v[1]) + inv(v[1]) - (-v[0]); }},
};

// Builds each expression, runs reverse mode, and hands over graph, inputs and output.
template <class F>
void for_each_expression(F check) {
  for (const auto& e : smooth_expressions) {
    INFO(e.text);
    gatelab::Graph g;
    std::vector<Var> inputs;
    for (double v : e.at) inputs.push_back(g.input(v));
    const Var out = e.build(inputs);
    out.backward();
    check(g, inputs, out);
  }
}

}  // namespace

TEST_CASE("forward mode gives reverse mode's gradient, one unit tangent at a time") {
  for_each_expression([](const gatelab::Graph& g, const std::vector<Var>& inputs, const Var& out) {
    for (const Var& x : inputs) CHECK(gatelab::jvp(g, out.id(), {{x.id(), 1.0}}) == Approx(x.grad()).epsilon(1e-12));
  });
}

TEST_CASE("a JVP along any direction is the gradient dotted with it") {
  const std::vector<double> direction = {0.5, -1.25, 2.0};
  for_each_expression([&](const gatelab::Graph& g, const std::vector<Var>& inputs, const Var& out) {
    std::vector<gatelab::Tangent> tangent;
    double expected = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      tangent.push_back({inputs[i].id(), direction[i]});
      expected += inputs[i].grad() * direction[i];
    }
    CHECK(gatelab::jvp(g, out.id(), tangent) == Approx(expected).epsilon(1e-12));
  });
}

TEST_CASE("forward mode follows the gradient's path through detach and ste") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = detach(x * x + 1.0) + x;
  CHECK(gatelab::jvp(g, y.id(), {{x.id(), 1.0}}) == 1);
  auto s = ste(round(x * 3.3), x * 2.0);
  CHECK(gatelab::jvp(g, s.id(), {{x.id(), 1.0}}) == 2);
}

TEST_CASE("forward mode records one tangent step per gate") {
  gatelab::Graph g;
  auto x = g.input(3, "x");
  auto y = x * x;
  gatelab::Trace trace;
  auto t = gatelab::forward_tangents(g, {{x.id(), 1.0}}, &trace);
  CHECK(t[y.id()] == 6);
  REQUIRE(trace.tangent.size() == 2);  // the seeded input, then the mul gate
  CHECK(trace.tangent[0].node == x.id());
  CHECK(trace.tangent[0].tangent == 1);
  const auto& mul = trace.tangent[1];
  CHECK(mul.step == 2);
  CHECK(mul.local_a == 3);
  CHECK(mul.local_b == 3);
  CHECK(mul.tangent == 6);
}

TEST_CASE("a tangent on a gate is an error") {
  gatelab::Graph g;
  auto x = g.input(3, "x");
  auto y = x * x;
  CHECK_THROWS_AS(gatelab::forward_tangents(g, {{y.id(), 1.0}}), gatelab::Error);
}

TEST_CASE("a zero tangent contributes nothing even through an infinite partial") {
  gatelab::Graph g;
  auto x = g.input(0, "x"), z = g.input(5, "z");
  auto l = log(x);  // d log(x) / dx = 1/0 = inf at x = 0
  auto y = l + z;
  const auto t = gatelab::forward_tangents(g, {{z.id(), 1.0}});  // x's tangent is 0
  CHECK(t[l.id()] == 0);                                         // 0, not inf * 0 = nan
  CHECK(t[y.id()] == 1);                                         // dy/dz
}
