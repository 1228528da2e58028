// A learner's numbers: the one rule that judges them, and each kind of mistake recognised
// on hand-built cases. Every expected number is derived here from the formulas.
#include <catch2/catch.hpp>

#include <cmath>

#include "gatelab/language/program.hpp"
#include "gatelab/teach/diagnosis.hpp"

using namespace gatelab;

namespace {

Program run(const std::string& text, std::initializer_list<std::pair<const char*, double>> at, Trace* trace = nullptr) {
  Program p = parse_program(text);
  for (const auto& [name, value] : at) p.graph.set_value(p.graph.find(name), value);
  p.graph.forward(trace);
  p.graph.backward(p.output, trace);
  return p;
}

// cs231n's staged example at x = 3, y = -4.
Program staged(Trace* trace = nullptr) {
  return run(
      "sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2\n"
      "den = sigx + xpysqr; invden = inv(den); f = num * invden",
      {{"x", 3}, {"y", -4}}, trace);
}

// Its numbers by hand: f = num / den with num = x + σ(y), den = σ(x) + (x + y)^2.
struct StagedByHand {
  double sx = 1 / (1 + std::exp(-3.0)), sy = 1 / (1 + std::exp(4.0));
  double num = 3 + sy, den = sx + 1, invden = 1 / den;
  double grad_den = -num / (den * den);         // d(num/den)/d den
  double through_xpy = grad_den * 2 * (3 - 4);  // d den/d xpy = 2 xpy, d xpy/d x = 1
  double through_sigx = grad_den * sx * (1 - sx);
  double through_num = invden;  // d f/d num = 1/den, d num/d x = 1
  double grad_x = through_xpy + through_sigx + through_num;
};

Answer written(double value, double precision, int digits) { return {value, precision, digits, std::nullopt}; }

NodeId id(const Program& p, const char* name) { return p.graph.find(name); }

}  // namespace

TEST_CASE("judge: to the digits written, never more than 1 % off, or to an explicit tolerance") {
  const double truth = StagedByHand{}.grad_x;  // 2.05957
  CHECK(judge(written(2.0596, 5e-5, 5), truth) == Verdict::Right);
  CHECK(judge(written(2.06, 5e-3, 3), truth) == Verdict::Right);
  CHECK(judge(written(2.1, 5e-2, 2), truth) == Verdict::TooFewDigits);  // 1.96 % off
  CHECK(judge(written(2, 0.5, 1), truth) == Verdict::TooFewDigits);     // 2.9 % off
  CHECK(judge(written(2.0, 5e-2, 2), truth) == Verdict::Wrong);         // 0.0596 > 0.05
  CHECK(judge(written(1.5, 5e-2, 2), 1.5456448841) == Verdict::TooFewDigits);
  CHECK(judge(written(-4, 0.5, 1), -4) == Verdict::Right);
  CHECK(judge(written(4, 0.5, 1), -4) == Verdict::Wrong);
  CHECK(judge(written(0, 0.5, 1), 1e-17) == Verdict::Right);  // rounding noise around a zero
  CHECK(judge({2, 0.5, 1, 0.1}, truth) == Verdict::Right);    // --tol 0.1
  CHECK(judge({2, 0.5, 1, 0.05}, truth) == Verdict::Wrong);
  CHECK(accepted_difference(written(2, 0.5, 1), truth) == Approx(0.0205957));
}

TEST_CASE("diagnosis: a branch at a fork left out, with each branch's contribution") {
  const Program p = staged();
  const StagedByHand hand;
  REQUIRE(p.graph.grad(id(p, "x")) == Approx(hand.grad_x).epsilon(1e-12));
  const Diagnosis d = diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(1.5832, 5e-5, 5));
  CHECK(d.kind == Mistake::MissingBranches);
  REQUIRE(d.included.size() == 1);
  CHECK(d.included[0].from == id(p, "xpy"));
  CHECK(d.included[0].contribution == Approx(hand.through_xpy).epsilon(1e-12));
  REQUIRE(d.left_out.size() == 2);
  for (const Branch& b : d.left_out) {
    CHECK((b.from == id(p, "num") || b.from == id(p, "sigx")));
    CHECK(b.contribution == Approx(b.from == id(p, "num") ? hand.through_num : hand.through_sigx).epsilon(1e-12));
  }
  CHECK(d.truth == Approx(hand.grad_x).epsilon(1e-12));
  CHECK(std::string(to_string(d.kind)) == "missing_branches");

  // Two of three: xpy and num, forgetting sigx's small -0.0358.
  const double two = hand.through_xpy + hand.through_num;
  const Diagnosis d2 =
      diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(std::round(two * 1e4) / 1e4, 5e-5, 5));
  CHECK(d2.kind == Mistake::MissingBranches);
  CHECK(d2.included.size() == 2);
  REQUIRE(d2.left_out.size() == 1);
  CHECK(d2.left_out[0].from == id(p, "sigx"));
}

TEST_CASE("diagnosis: a sign error, a branch counted twice, too few digits") {
  const Program p = staged();
  const StagedByHand hand;
  const Diagnosis sign =
      diagnose(p.graph, p.output, {id(p, "den"), Asks::Grad}, written(-std::round(hand.grad_den * 1e4) / 1e4, 5e-5, 4));
  CHECK(sign.kind == Mistake::SignError);
  const double twice = hand.grad_x + hand.through_num;
  const Diagnosis extra =
      diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(std::round(twice * 1e4) / 1e4, 5e-5, 5));
  CHECK(extra.kind == Mistake::ExtraBranch);
  REQUIRE(extra.included.size() == 1);
  CHECK(extra.included[0].from == id(p, "num"));
  const Diagnosis digits = diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(2.1, 0.05, 2));
  CHECK(digits.kind == Mistake::TooFewDigits);
  CHECK(digits.digits == 2);

  // The cs231n circuit: grad(x) is -4 (add passes df/dq = z = -4 on).
  const Program c = run("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}});
  CHECK(diagnose(c.graph, c.output, {id(c, "x"), Asks::Grad}, written(4, 0.5, 1)).kind == Mistake::SignError);
}

TEST_CASE("diagnosis: a local partial without its upstream gradient, and the reverse") {
  // y = 3 σ(x) at 0: σ'(0) = 1/4 is the local partial, grad(s) = 3 the upstream, 3/4 the answer.
  const Program p = run("s = sigmoid(x); y = s * 3", {{"x", 0}});
  const Diagnosis local = diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(0.25, 5e-3, 2));
  CHECK(local.kind == Mistake::LocalOnly);
  REQUIRE(local.branch);
  CHECK(local.branch->from == id(p, "s"));
  CHECK(local.branch->local == 0.25);
  CHECK(local.branch->upstream == 3);
  CHECK(local.truth == 0.75);
  const Diagnosis upstream = diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(3, 0.5, 1));
  CHECK(upstream.kind == Mistake::UpstreamOnly);
}

TEST_CASE("diagnosis: a value for a gradient, a gradient for a value, another node's number") {
  // y = x^2 at 3: dy/dx = 6; 3 is x's value.
  const Program sq = run("y = x^2", {{"x", 3}});
  CHECK(diagnose(sq.graph, sq.output, {id(sq, "x"), Asks::Grad}, written(3, 0.5, 1)).kind == Mistake::ValueForGradient);
  const Program c = run("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}});
  // q = 3, and its gradient df/dq = z = -4.
  CHECK(diagnose(c.graph, c.output, {id(c, "q"), Asks::Value}, written(-4, 0.5, 1)).kind == Mistake::GradientForValue);
  // grad(x) = -4, but 3 is grad(z) = q.
  const Diagnosis other = diagnose(c.graph, c.output, {id(c, "x"), Asks::Grad}, written(3, 0.5, 1));
  CHECK(other.kind == Mistake::OtherNode);
  CHECK(other.other.node == id(c, "z"));
  CHECK(other.other.asks == Asks::Grad);
}

TEST_CASE("diagnosis: a gradient taken through detach, as if it passed the derivative of the value") {
  // y = detach(x^2 + 1) + x at 2: dy/dx = 1, while the value's derivative is 2x + 1 = 5.
  const Program p = run("r = detach(x^2 + 1); y = r + x", {{"x", 2}});
  const Diagnosis d = diagnose(p.graph, p.output, {id(p, "x"), Asks::Grad}, written(5, 0.5, 1));
  CHECK(d.kind == Mistake::ThroughCutGate);
  CHECK(d.cut_gates == std::vector<NodeId>{id(p, "r")});
  CHECK(d.truth == 1);
}

TEST_CASE("diagnosis: with the learner's other answers, the first wrong gradient nearer the output") {
  // grad(q) = -4 and grad(x) = -4; the learner wrote -3 for both (3 * -1 or so).
  const Program c = run("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}});
  const Claim x{{id(c, "x"), Asks::Grad}, written(-3, 0.5, 1)};
  const Claim q{{id(c, "q"), Asks::Grad}, written(-3, 0.5, 1)};
  const Claim z{{id(c, "z"), Asks::Grad}, written(3, 0.5, 1)};  // right
  const Diagnosis d = diagnose(c.graph, c.output, x, {q, z});
  CHECK(d.kind == Mistake::WrongUpstream);
  CHECK(d.other.node == id(c, "q"));
  CHECK(d.other_answer == -3);
  CHECK(d.other_truth == -4);
  CHECK(diagnose(c.graph, c.output, x, {z}).kind == Mistake::Unknown);
}

TEST_CASE("diagnosis of a trace step: a message without the += at a fork, a sign, an input's value") {
  Trace trace;
  const Program p = staged(&trace);
  const StagedByHand hand;
  // The second message into x is sigx's; after it grad(x) = through_xpy + through_sigx.
  int fork = 0;
  for (const BackwardStep& s : trace.backward)
    if (s.to == id(p, "x") && s.from == id(p, "sigx")) fork = s.step;
  REQUIRE(fork > 0);
  CHECK(step_truth(trace, fork) == Approx(hand.through_xpy + hand.through_sigx).epsilon(1e-12));
  const double alone = std::round(hand.through_sigx * 1e5) / 1e5;  // -0.03576
  const Diagnosis d = diagnose_step(p.graph, trace, fork, written(alone, 5e-6, 4));
  CHECK(d.kind == Mistake::MissingBranches);
  REQUIRE(d.left_out.size() == 1);
  CHECK(d.left_out[0].from == id(p, "xpy"));

  Trace t;
  const Program c = run("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}}, &t);
  CHECK(diagnose_step(c.graph, t, 2, written(12, 0.5, 2)).kind == Mistake::SignError);  // f = 3 * -4
  const Diagnosis input = diagnose_step(c.graph, t, 2, written(3, 0.5, 1));
  CHECK(input.kind == Mistake::OtherNode);
  CHECK(input.other.node == id(c, "q"));
  CHECK_THROWS_AS(step_truth(t, 99), Error);
  // y = x^2 + 1 at 2: the last message, into x, makes grad(x) = 2x = 4; 2 is x's value.
  Trace sq;
  const Program s = run("y = x^2 + 1", {{"x", 2}}, &sq);
  CHECK(diagnose_step(s.graph, sq, 5, written(2, 0.5, 1)).kind == Mistake::ValueForGradient);
}
