// The gradient check: matches, kinks, surrogate gradients and real mismatches told apart.
#include <catch2/catch.hpp>

#include "gatelab/engine/gradcheck.hpp"

using gatelab::CheckStatus;

TEST_CASE("gradcheck agrees with reverse mode on a smooth staged expression") {
  gatelab::Graph g;
  auto x = g.input(3, "x"), y = g.input(-4, "y");
  auto f = (x + sigmoid(y)) / (sigmoid(x) + pow(x + y, 2.0));
  const auto report = gatelab::gradcheck(g, f.id());
  REQUIRE(report.inputs.size() == 2);
  for (const auto& c : report.inputs) {
    CHECK(c.status == CheckStatus::Match);
    CHECK(c.numeric == Approx(c.analytic).epsilon(1e-6));
  }
  CHECK(report.inputs[0].analytic == Approx(2.0595697956));
  CHECK(report.ok());
  CHECK(f.value() == Approx(1.5456448841));  // values restored
  CHECK(x.value() == 3);
  CHECK_FALSE(g.has_grad());  // accumulated gradients left alone
}

TEST_CASE("gradcheck flags relu at its switch point as a kink, naming the gate") {
  gatelab::Graph g;
  auto x = g.input(0, "x");
  auto r = relu(x);
  auto f = r * 3.0;
  const auto report = gatelab::gradcheck(g, f.id());
  REQUIRE(report.inputs.size() == 1);
  CHECK(report.inputs[0].analytic == 0);           // relu'(0) = 0
  CHECK(report.inputs[0].numeric == Approx(1.5));  // (3h - 0) / 2h
  CHECK(report.inputs[0].status == CheckStatus::Kink);
  CHECK(report.inputs[0].gate == r.id());
  CHECK(report.ok());
}

TEST_CASE("gradcheck flags a tie in max and a round crossing its half-way point as kinks") {
  gatelab::Graph g;
  auto x = g.input(1, "x"), y = g.input(1, "y");
  auto m = max(x, y);
  auto report = gatelab::gradcheck(g, m.id());
  REQUIRE(report.inputs.size() == 2);
  CHECK(report.inputs[0].status == CheckStatus::Kink);
  CHECK(report.inputs[1].status == CheckStatus::Kink);

  gatelab::Graph h;
  auto w = h.input(0.25, "w");
  auto q = round(w * 10.0);  // 2.5, half-way between 2 and 3
  report = gatelab::gradcheck(h, q.id());
  REQUIRE(report.inputs.size() == 1);
  CHECK(report.inputs[0].status == CheckStatus::Kink);
}

TEST_CASE("gradcheck away from kinks matches for piecewise gates") {
  gatelab::Graph g;
  auto x = g.input(-0.7, "x"), y = g.input(0.4, "y");
  auto f = abs(x) * max(x, y) + min(x, y) + relu(y) + round(x * 10.0);
  const auto report = gatelab::gradcheck(g, f.id());
  for (const auto& c : report.inputs) CHECK(c.status == CheckStatus::Match);
}

TEST_CASE("gradcheck names detach as the gate whose gradient differs by design") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto d = detach(x * x + 1.0);
  auto y = d + x;
  const auto report = gatelab::gradcheck(g, y.id());
  REQUIRE(report.inputs.size() == 1);
  CHECK(report.inputs[0].analytic == 1);
  CHECK(report.inputs[0].numeric == Approx(5));  // d/dx (x^2 + 1 + x) = 2x + 1
  CHECK(report.inputs[0].status == CheckStatus::Surrogate);
  CHECK(report.inputs[0].gate == d.id());
  CHECK(report.ok());
}

TEST_CASE("gradcheck reports a real mismatch with the first disagreeing gate") {
  // With a coarse step, central differences of x^3 at 1 are 3 + h^2, not 3: with a tight
  // tolerance that is a mismatch, and the pow gate is where it starts.
  gatelab::Graph g;
  auto x = g.input(1, "x");
  auto c = pow(x, 3.0);
  auto f = c + 1.0;
  gatelab::GradcheckOptions coarse;
  coarse.step = 0.1;
  coarse.rtol = 1e-9;
  coarse.atol = 0;
  const auto report = gatelab::gradcheck(g, f.id(), coarse);
  REQUIRE(report.inputs.size() == 1);
  CHECK(report.inputs[0].numeric == Approx(3.01));
  CHECK(report.inputs[0].status == CheckStatus::Mismatch);
  CHECK(report.inputs[0].gate == c.id());
  CHECK_FALSE(report.ok());
}

TEST_CASE("gradcheck checks only the inputs the output depends on") {
  gatelab::Graph g;
  auto x = g.input(1, "x");
  g.input(5, "unused");
  auto f = x * 2.0;
  const auto report = gatelab::gradcheck(g, f.id());
  REQUIRE(report.inputs.size() == 1);
  CHECK(report.inputs[0].input == x.id());
}
