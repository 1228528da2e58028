// The worked examples of the seed texts, with the numbers they print (or derive by hand).
#include <catch2/catch.hpp>

#include "gatelab/engine/error.hpp"
#include "gatelab/engine/graph.hpp"

TEST_CASE("notebook: y = x^2 + 1 at x = 2 is 5 with gradient 4") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = pow(x, 2.0) + 1.0;
  y.backward();
  CHECK(y.value() == 5);
  CHECK(x.grad() == 4);
}

TEST_CASE("notebook: detach(x^2 + 1) is 5 and backward is an error") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = detach(pow(x, 2.0) + 1.0);
  CHECK(y.value() == 5);
  CHECK_THROWS_AS(y.backward(), gatelab::Error);
}

TEST_CASE("notebook: detach(x^2 + 1) + x is 7 with gradient 1") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = detach(pow(x, 2.0) + 1.0) + x;
  y.backward();
  CHECK(y.value() == 7);
  CHECK(x.grad() == 1);
}

TEST_CASE("notebook: ste(f, b) equals detach(f) - detach(b) + b in value and gradient") {
  // A weight w' quantised to a multiple of 0.1: forward uses round(10 w') / 10, backward
  // treats the quantiser as the identity on w'. Loss (q - 1)^2, so dL/dw' = 2 (q - 1).
  for (double w0 : {0.37, -0.84, 0.05}) {
    gatelab::Graph g;
    auto w = g.input(w0, "w");
    auto f = round(w * 10.0) / 10.0;
    auto gate_loss = pow(ste(f, w) - 1.0, 2.0);
    auto composed_loss = pow(detach(f) - detach(w) + w - 1.0, 2.0);
    const double q = std::nearbyint(10 * w0) / 10;
    CHECK(gate_loss.value() == Approx((q - 1) * (q - 1)));
    CHECK(composed_loss.value() == Approx(gate_loss.value()));
    gate_loss.backward();
    const double via_gate = w.grad();
    g.zero_grad();
    composed_loss.backward();
    CHECK(via_gate == Approx(2 * (q - 1)));
    CHECK(w.grad() == Approx(via_gate));
  }
}

TEST_CASE("cs231n: (x + y) z at (-2, 5, -4) is -12 with gradients -4, -4, 3") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto f = (x + y) * z;
  f.backward();
  CHECK(f.value() == -12);
  CHECK(x.grad() == -4);
  CHECK(y.grad() == -4);
  CHECK(z.grad() == 3);
}

TEST_CASE("cs231n: the 2-D sigmoid neuron, with the sigmoid gate and with primitive gates") {
  // w = [2, -3, -3], x = [-1, -2]: w0 x0 + w1 x1 + w2 = 1, sigma(1) = 0.7310586, and the
  // local gradient (1 - 0.7310586) 0.7310586 = 0.1966119 multiplies every path.
  for (bool primitive : {false, true}) {
    INFO((primitive ? "1 / (1 + exp(-z))" : "sigmoid(z)"));
    gatelab::Graph g;
    auto w0 = g.input(2), w1 = g.input(-3), w2 = g.input(-3);
    auto x0 = g.input(-1), x1 = g.input(-2);
    auto z = w0 * x0 + w1 * x1 + w2;
    auto f = primitive ? 1.0 / (1.0 + exp(-z)) : sigmoid(z);
    f.backward();
    CHECK(f.value() == Approx(0.7310586).epsilon(1e-7));
    CHECK(w0.grad() == Approx(-0.19661).epsilon(1e-4));
    CHECK(w1.grad() == Approx(-0.39322).epsilon(1e-4));
    CHECK(w2.grad() == Approx(0.19661).epsilon(1e-4));
    CHECK(x0.grad() == Approx(0.39322).epsilon(1e-4));
    CHECK(x1.grad() == Approx(-0.58984).epsilon(1e-4));
  }
}

TEST_CASE("cs231n: staged f(x, y) = (x + sigma(y)) / (sigma(x) + (x + y)^2) at (3, -4)") {
  gatelab::Graph g;
  auto x = g.input(3, "x"), y = g.input(-4, "y");
  auto sigy = sigmoid(y).named("sigy");
  auto num = (x + sigy).named("num");
  auto sigx = sigmoid(x).named("sigx");
  auto xpy = (x + y).named("xpy");
  auto xpysqr = pow(xpy, 2.0).named("xpysqr");
  auto den = (sigx + xpysqr).named("den");
  auto invden = inv(den).named("invden");
  auto f = (num * invden).named("f");
  f.backward();
  CHECK(f.value() == Approx(1.5456448841).epsilon(1e-10));
  CHECK(x.grad() == Approx(2.0595697956).epsilon(1e-10));
  CHECK(y.grad() == Approx(1.5922327515).epsilon(1e-10));
}

TEST_CASE("nndl: f(x | w, b) = 1 / (exp(-(w x + b)) + 1) at (1, 0, 0) is 0.5, df/dw = df/db = 0.25") {
  gatelab::Graph g;
  auto x = g.input(1, "x"), w = g.input(0, "w"), b = g.input(0, "b");
  auto f = 1.0 / (exp(-(w * x + b)) + 1.0);
  f.backward();
  CHECK(f.value() == 0.5);
  CHECK(w.grad() == 0.25);
  CHECK(b.grad() == 0.25);
}

TEST_CASE("a = 1, b = a + a, c = b + b gives dc/da = 4") {
  gatelab::Graph g;
  auto a = g.input(1, "a");
  auto b = a + a;
  auto c = b + b;
  c.backward();
  CHECK(c.value() == 4);
  CHECK(a.grad() == 4);
}
