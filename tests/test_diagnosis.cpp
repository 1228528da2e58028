// Each mistake model, on a small graph where the wrong answer is worked out by hand in the
// comment beside it (the learner's number is what a person making that mistake writes).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "gatelab/language/program.hpp"
#include "gatelab/teach/diagnosis.hpp"

using namespace gatelab;

namespace {

Program run(const std::string& text, std::initializer_list<std::pair<const char*, double>> at, Trace* trace = nullptr) {
  Program p = parse_program(text);
  for (const auto& [name, value] : at) p.graph.set_value(p.graph.find(name), value);
  p.graph.forward(trace);
  if (p.graph.node(p.output).requires_grad) p.graph.backward(p.output, trace);
  return p;
}

NodeId id(const Program& p, const char* name) { return p.graph.find(name); }

Answer typed(const char* text) {
  const auto a = read_answer(text);
  REQUIRE(a);
  return *a;
}

Diagnosis grad(const Program& p, const char* node, const char* answer, const std::vector<Claim>& others = {}) {
  return diagnose(p.graph, p.output, {id(p, node), Asks::Grad}, typed(answer), others);
}
Diagnosis value(const Program& p, const char* node, const char* answer) {
  return diagnose(p.graph, p.output, {id(p, node), Asks::Value}, typed(answer));
}

// cs231n's circuit (x + y) z at (-2, 5, -4): q = 3, f = -12; df/dq = z = -4, df/dz = q = 3, and
// the add passes -4 on to x and y.
Program circuit() { return run("q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}}); }

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
  double grad_den = -num / (den * den);                      // d(num/den)/d den = -0.791593
  double through_xpy = grad_den * 2 * (3 - 4);               // d den/d xpy = 2 xpy, d xpy/d x = 1: 1.58319
  double through_sigx = grad_den * sx * (1 - sx);            // -0.0357615
  double through_num = invden;                               // d f/d num = 1/den, d num/d x = 1: 0.512144
  double grad_x = through_xpy + through_sigx + through_num;  // 2.05957
};

// cs231n's neuron σ(w0 x0 + w1 x1 + w2) at w = [2, -3, -3], x = [-1, -2]: z = 1, σ(1) = 0.731059,
// σ'(1) = 0.731059 · 0.268941 = 0.196612; grad(w0) = x0 σ' = -0.196612.
Program neuron() {
  return run("z = w0*x0 + w1*x1 + w2; f = sigmoid(z)", {{"w0", 2}, {"w1", -3}, {"w2", -3}, {"x0", -1}, {"x1", -2}});
}

bool names(const Diagnosis& d, Mistake kind) {
  return std::any_of(d.named.begin(), d.named.end(), [&](const Finding& f) { return f.kind == kind; });
}

}  // namespace

TEST_CASE("mistake: too few digits, judged only when no mistake gives the number as written") {
  const Diagnosis d = grad(staged(), "x", "2.1");  // 2.06 rounded: 1.96 % off 2.05957
  CHECK(d.verdict == Verdict::TooFewDigits);
  CHECK(d.kind == Mistake::TooFewDigits);
  // grad(num) = 1/den = 0.512; "1" is within 0.5 of it, but it is exactly grad(f) = 1, the upstream
  // gradient without the local partial invden.
  const Diagnosis one = grad(staged(), "num", "1");
  CHECK(one.verdict == Verdict::Wrong);
  CHECK(one.kind == Mistake::UpstreamOnly);
}

TEST_CASE("mistake: a local partial's sign lost, and a sign that no gate explains") {
  // grad(x) = 1 · z · 1 = -4; 4 is the partial df/dq = z = -4 taken as +4.
  const Diagnosis d = grad(circuit(), "x", "4");
  CHECK(d.kind == Mistake::SignError);
  REQUIRE(d.named.size() == 1);
  CHECK(d.named[0].gate == id(circuit(), "f"));
  CHECK(d.named[0].right == -4);
  // y = 3x at 1: the one partial is +3, so -3 is the sign of the whole answer.
  const Program p = run("y = 3 * x", {{"x", 1}});
  const Diagnosis whole = grad(p, "x", "-3");
  CHECK(whole.kind == Mistake::SignError);
  CHECK(whole.named[0].gate == no_node);
}

TEST_CASE("mistake: a branch left out at the question's fork") {
  const Program p = staged();
  const StagedByHand hand;
  REQUIRE(p.graph.grad(id(p, "x")) == Approx(hand.grad_x).epsilon(1e-12));
  const Diagnosis d = grad(p, "x", "1.5832");  // the branch through xpy alone
  CHECK(d.kind == Mistake::MissingBranches);
  REQUIRE(d.named.size() == 1);
  const auto into = branches_into(p.graph, p.output, id(p, "x"));  // xpy, sigx, num, as backward sends them
  REQUIRE(into.size() == 3);
  CHECK(into[0].from == id(p, "xpy"));
  CHECK(into[0].contribution == Approx(hand.through_xpy).epsilon(1e-12));
  CHECK(d.named[0].mask == 1u);  // the first message only
  // Two of three, the small -0.0358 through sigx forgotten: 1.5832 + 0.5121 = 2.0953, each
  // branch rounded to the digits written.
  const Diagnosis two = grad(p, "x", "2.0953");
  CHECK(two.kind == Mistake::MissingBranches);
  CHECK(two.named[0].mask == 0b101u);
}

TEST_CASE("mistake: a branch left out at a fork between the node and the output") {
  // u = x + 1, v = u · u at x = 2: grad(u) = 2u = 6 (two messages of u = 3), grad(x) = 6.
  // One message into u left out gives grad(u) = 3, and grad(x) = 3.
  const Program p = run("u = x + 1; v = u * u", {{"x", 2}});
  const Diagnosis d = grad(p, "x", "3");
  CHECK(d.kind == Mistake::MissingBranches);
  CHECK(d.named[0].node == id(p, "u"));
}

TEST_CASE("mistake: a fork's running total at a quiz step, the final one, or the message alone") {
  Trace trace;
  const Program p = staged(&trace);
  const StagedByHand hand;
  int step = 0;  // the second message into x, from sigx: grad(x) = 1.58319 - 0.0357615 = 1.54743
  for (const BackwardStep& s : trace.backward)
    if (s.to == id(p, "x") && s.from == id(p, "sigx")) step = s.step;
  const Question q = step_question(trace, step);
  CHECK(q.after == id(p, "sigx"));
  REQUIRE(*truth_of(p.graph, p.output, q).value == Approx(hand.through_xpy + hand.through_sigx).epsilon(1e-12));
  auto at_step = [&](const char* answer) { return diagnose(p.graph, p.output, q, typed(answer)); };
  const Diagnosis final_total = at_step("2.0596");  // all three messages: what x gets in the end
  CHECK(final_total.kind == Mistake::RunningTotal);
  CHECK(final_total.named[0].variant == static_cast<int>(RunningTotalGiven::Final));
  const Diagnosis alone = at_step("-0.03576");  // sigx's message without the +=
  CHECK(alone.kind == Mistake::RunningTotal);
  CHECK(alone.named[0].variant == static_cast<int>(RunningTotalGiven::Alone));
  const Diagnosis before = at_step("1.5832");  // the total before this message
  CHECK(before.named[0].variant == static_cast<int>(RunningTotalGiven::Before));
}

TEST_CASE("mistake: a branch counted twice, and branches multiplied") {
  const StagedByHand hand;
  const double twice = hand.grad_x + hand.through_num;  // 2.5717: num's branch added again
  CHECK(twice == Approx(2.57171).epsilon(1e-5));
  const Diagnosis extra = grad(staged(), "x", "2.5717");
  CHECK(extra.kind == Mistake::ExtraBranch);
  CHECK(extra.named[0].mask == 0b100u);
  // 1.58319 · (-0.0357615) · 0.512144 = -0.0289963
  const Diagnosis product = grad(staged(), "x", "-0.02900");
  CHECK(product.kind == Mistake::MultipliedBranches);
}

TEST_CASE("mistake: detach passed through, where there is a gradient and where there is none") {
  // y = detach(x^2 + 1) + x at 2: dy/dx = 1; through detach it would be 2x + 1 = 5.
  const Program p = run("r = detach(x^2 + 1); y = r + x", {{"x", 2}});
  const Diagnosis d = grad(p, "x", "5");
  CHECK(d.kind == Mistake::ThroughDetach);
  CHECK(d.named[0].gate == id(p, "r"));
  // y = detach(x^2 + 1): no gradient exists; 4 = 2x is the derivative through detach.
  const Program cut = run("y = detach(x^2 + 1)", {{"x", 2}});
  const Diagnosis none = grad(cut, "x", "4");
  CHECK(none.verdict == Verdict::NoGradient);
  CHECK(none.kind == Mistake::ThroughDetach);
  CHECK_FALSE(none.truth.value);
}

TEST_CASE("mistake: ste differentiated as its forward value f = round(w')") {
  // W = ste(round(wp), wp) · 0.1, loss = (W - 1)^2 at 3.7: W = 0.4, dloss/dW = 2 (0.4 - 1) = -1.2,
  // grad(wp) = -1.2 · 0.1 = -0.12. Through round (slope 0) a learner gets 0, written 0 or 0.0.
  const Program p = run("W = ste(round(wp), wp) * 0.1; loss = (W - 1)^2", {{"wp", 3.7}});
  for (const char* answer : {"0", "0.0"}) {
    const Diagnosis d = grad(p, "wp", answer);
    INFO(answer);
    CHECK(d.verdict == Verdict::Wrong);
    CHECK(d.kind == Mistake::SteAsForward);
  }
  CHECK(grad(p, "wp", "-0.12").verdict == Verdict::Right);
}

TEST_CASE("mistake: a local partial alone, and an upstream gradient alone") {
  // y = 3 σ(x) at 0: σ'(0) = 1/4 is the local partial, grad(s) = 3 the upstream, 3/4 the answer.
  const Program p = run("s = sigmoid(x); y = s * 3", {{"x", 0}});
  const Diagnosis local = grad(p, "x", "0.25");
  CHECK(local.kind == Mistake::LocalOnly);
  CHECK(local.named[0].gate == id(p, "s"));
  CHECK(local.named[0].right == 3);  // the upstream gradient left out
  CHECK(grad(p, "x", "1/4").kind == Mistake::LocalOnly);
  CHECK(grad(p, "x", "3").kind == Mistake::UpstreamOnly);
}

TEST_CASE("mistake: the add rule used at a mul, the mul rule at an add, a mul's partials swapped") {
  // q = xy, r = qz, f = rw at (2, 3, 4, 5): grad(x) = w z y = 60. Taking dr/dq = z as 1 (as an
  // add's partial): grad(q) = 5, grad(x) = 5 · 3 = 15.
  const Program chain = run("q = x * y; r = q * z; f = r * w", {{"x", 2}, {"y", 3}, {"z", 4}, {"w", 5}});
  const Diagnosis add_rule = grad(chain, "x", "15");
  CHECK(add_rule.kind == Mistake::AddRuleAtMul);
  CHECK(add_rule.named[0].gate == id(chain, "r"));
  // The circuit: dq/dx taken as y = 5, as a mul's partial: grad(x) = -4 · 5 = -20.
  CHECK(grad(circuit(), "x", "-20").kind == Mistake::MulRuleAtAdd);
  // df/dq taken as q = 3 itself, not the other input z: grad(x) = 3.
  const Diagnosis swapped = grad(circuit(), "x", "3");
  CHECK(swapped.kind == Mistake::MulPartialsSwapped);
  CHECK(swapped.named[0].right == -4);
  CHECK(swapped.named[0].used == 3);
}

TEST_CASE("mistake: a gate passed through unchanged, in either pass") {
  // f = 3 σ(2x) at 0: grad(x) = 3 · σ'(0) · 2 = 3 · 0.25 · 2 = 1.5; σ' taken as 1 gives 6.
  const Program p = run("z = 2 * x; s = sigmoid(z); f = 3 * s", {{"x", 0}});
  const Diagnosis d = grad(p, "x", "6");
  CHECK(d.kind == Mistake::GateAsIdentity);
  CHECK(d.named[0].gate == id(p, "s"));
  // 2 (xy + max(z, w)) at (3, -4, 2, -1) is -20; without the final ·2 it is s = -10.
  const Program m = run("xy = x * y; m = max(z, w); s = xy + m; f = 2 * s", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}});
  const Diagnosis left_out = value(m, "f", "-10");
  CHECK(left_out.kind == Mistake::GateAsIdentity);
  CHECK(left_out.named[0].gate == id(m, "f"));
}

TEST_CASE("mistake: upstream and local added, at one gate or at every gate") {
  // The circuit: grad(q) taken as 1 + (-4) = -3, so grad(x) = -3; or grad(x) = -4 + 1 = -3.
  const Diagnosis one = grad(circuit(), "x", "-3");
  CHECK(one.kind == Mistake::AddedNotMultiplied);
  CHECK(one.named.size() == 2);  // both gates give it: named together
  // q = xy, f = qz at (2, 3, 5): grad(x) = zy = 15. Adding at every gate: grad(q) = 1 + 5 = 6,
  // grad(x) = 6 + 3 = 9 (at one gate only: 6 · 3 = 18 or 5 + 3 = 8).
  const Program p = run("q = x * y; f = q * z", {{"x", 2}, {"y", 3}, {"z", 5}});
  const Diagnosis every = grad(p, "x", "9");
  CHECK(every.kind == Mistake::AddedNotMultiplied);
  CHECK(every.named[0].gate == no_node);
}

TEST_CASE("mistake: the exponent not brought down, the 2 of d(u^2) = 2u dropped") {
  // grad(xpy) = 2 xpy · grad(xpysqr) = 2 · (-1) · (-0.791593) = 1.58319; without the 2: 0.7916.
  const Diagnosis d = grad(staged(), "xpy", "0.7916");
  CHECK(d.kind == Mistake::ExponentDropped);
  CHECK(d.named[0].right == -2);
  CHECK(d.named[0].used == -1);
}

TEST_CASE("mistake: σ(z) or 1 - σ(z) for σ'(z), and 1 - tanh for tanh'") {
  // grad(w0) = x0 σ'(z) = -0.196612; with σ(1) = 0.731059 for σ': -0.731059; with 1 - σ(1) =
  // 0.268941: -0.268941.
  CHECK(grad(neuron(), "w0", "-0.731").kind == Mistake::ValueAsPartial);
  CHECK(grad(neuron(), "w0", "-0.2689").kind == Mistake::OneMinusValue);
  CHECK(grad(neuron(), "z", "0.73").kind == Mistake::ValueAsPartial);
  // f = 2 tanh(x) at 0.5: tanh(0.5) = 0.4621172, tanh' = 1 - 0.2135523 = 0.7864477, grad(x) =
  // 1.5728954; with 1 - tanh = 0.5378828: 1.0757656.
  const double t = std::tanh(0.5);
  REQUIRE(2 * (1 - t) == Approx(1.0757656).epsilon(1e-7));
  const Program p = run("t = tanh(x); f = 2 * t", {{"x", 0.5}});
  CHECK(grad(p, "x", "1.0758").kind == Mistake::OneMinusValue);
}

TEST_CASE("mistake: max sending the gradient to the input that lost") {
  // 2 (xy + max(z, w)) at (3, -4, 2, -1): z = 2 wins, grad(z) = 2 and grad(w) = 0. Routed to w:
  // grad(w) = 2, grad(z) = 0.
  const Program m = run("xy = x * y; m = max(z, w); s = xy + m; f = 2 * s", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}});
  const Diagnosis w = grad(m, "w", "2");
  CHECK(w.kind == Mistake::MaxToLoser);
  CHECK(w.named[0].gate == id(m, "m"));
  CHECK(grad(m, "z", "0").kind == Mistake::MaxToLoser);
}

TEST_CASE("mistake: the learner's own wrong answer nearer the output, used upstream") {
  // y = x^2 + 1, twice = y + y at 2: grad(y) = 2 (two messages), grad(x) = 2x · 2 = 8. A learner
  // who wrote grad(y) = 1 and then 1 · 4 = 4 for grad(x) followed their own wrong upstream.
  const Program p = run("y = x^2 + 1; twice = y + y", {{"x", 2}});
  const Claim wrong_y{{id(p, "y"), Asks::Grad}, typed("1")};
  const Diagnosis d = grad(p, "x", "4", {wrong_y});
  CHECK(d.kind == Mistake::WrongUpstream);
  CHECK(d.named[0].other.node == id(p, "y"));
  CHECK(d.named[0].other_answer == 1);
  // Without that answer, 4 is the local partial 2x alone (or 2x without its 2, times grad(y) = 2).
  const Diagnosis alone = grad(p, "x", "4");
  CHECK(names(alone, Mistake::LocalOnly) != names(alone, Mistake::ExponentDropped));
  CHECK(alone.kind != Mistake::WrongUpstream);
  // An answer that does not follow from the wrong upstream (1 · 4 = 4, not 7) is not blamed on
  // it: no model gives 7, and the wrong grad(y) is where the chain parts from the trace.
  const Diagnosis other = grad(p, "x", "7", {wrong_y});
  CHECK(other.kind == Mistake::Unknown);
  REQUIRE(other.first_wrong);
  CHECK(other.first_wrong->question.node == id(p, "y"));
}

TEST_CASE("mistake: a rounded number carried on, the learner's own or one in between") {
  // grad(z) = σ(1)(1 - σ(1)) = 0.196612; with σ(1) rounded to 0.73: 0.73 · 0.27 = 0.1971.
  const Diagnosis d = grad(neuron(), "z", "0.1971");
  CHECK(d.kind == Mistake::RoundedIntermediate);
  CHECK(d.named[0].other.node == id(neuron(), "f"));
  CHECK(d.named[0].digits == 2);
  // The learner's grad(xpy) = 1.58 is right to its digits; carried on, grad(x) = 1.58 - 0.0357615
  // + 0.512144 = 2.056383, which they write 2.0564: wrong at their digits, and explained.
  const Program p = staged();
  const Diagnosis own = grad(p, "x", "2.0564", {{{id(p, "xpy"), Asks::Grad}, typed("1.58")}});
  CHECK(own.kind == Mistake::RoundedIntermediate);
  CHECK(own.named[0].other.node == id(p, "xpy"));
}

TEST_CASE("mistake: a forward value given as a gradient, and a gradient as a value") {
  // y = x · x at 3: grad(x) = 3 + 3 = 6; 9 is y's value, not a branch counted again.
  const Program sq = run("y = x * x", {{"x", 3}});
  const Diagnosis d = grad(sq, "x", "9");
  CHECK(d.kind == Mistake::ValueForGradient);
  CHECK(d.named[0].node == id(sq, "y"));
  // 2 (xy + max(z, w)): grad(x) = 2y = -8; 3 is x's own value.
  const Program m = run("xy = x * y; m = max(z, w); s = xy + m; f = 2 * s", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}});
  CHECK(grad(m, "x", "3").kind == Mistake::ValueForGradient);
  // q = 3, and its gradient df/dq = z = -4.
  CHECK(value(circuit(), "q", "-4").kind == Mistake::GradientForValue);
}

TEST_CASE("mistake: a gate's value computed by another gate's rule") {
  CHECK(value(circuit(), "f", "-1").kind == Mistake::WrongRule);  // q + z = 3 - 4, not q · z
  const Diagnosis sub = value(circuit(), "q", "-7");              // x - y = -2 - 5, not x + y
  CHECK(sub.kind == Mistake::WrongRule);
  CHECK(sub.named[0].variant == static_cast<int>(RuleUsed::SubForAdd));
}

TEST_CASE("mistake: the last digit off") {
  // grad(den) = -0.791593, -0.7916 to 4 decimals; -0.7917 is one unit off in the last digit.
  const Diagnosis d = grad(staged(), "den", "-0.7917");
  CHECK(d.kind == Mistake::LastDigit);
  // Too few digits for that: -0.80 is not "the last digit off" but two units away, and wrong.
  CHECK(grad(staged(), "den", "-0.80").kind != Mistake::LastDigit);
}

TEST_CASE("mistake: another node's number, a coincidence named last") {
  // The circuit: grad(x) = -4; 5 is y's value, with no mistake on the way giving it.
  const Diagnosis d = grad(circuit(), "x", "5");
  CHECK(d.kind == Mistake::OtherNode);
  CHECK(d.named[0].other.node == id(circuit(), "y"));
  CHECK(d.named[0].other.asks == Asks::Value);
}

TEST_CASE("no gradient: a number where none exists, none where one does") {
  // r = detach(x^2 + 1): r requires no grad, so grad(r) does not exist, 0 or otherwise.
  const Program p = run("r = detach(x^2 + 1); y = r + x", {{"x", 2}});
  const Diagnosis zero = grad(p, "r", "0");
  CHECK(zero.verdict == Verdict::NoGradient);
  CHECK(zero.kind == Mistake::NoGradient);
  CHECK(grad(p, "r", "none").verdict == Verdict::Right);
  const Diagnosis exists = grad(p, "x", "none");
  CHECK(exists.verdict == Verdict::Wrong);
  CHECK(exists.kind == Mistake::GradientExists);
}

TEST_CASE("no model: wrong, and where the learner's chain parts from the trace") {
  const Program p = staged();
  const Diagnosis alone = grad(p, "x", "7");
  CHECK(alone.kind == Mistake::Unknown);
  CHECK_FALSE(alone.first_wrong);
  CHECK_FALSE(alone.last_agreeing);
  const Claim right_xpy{{id(p, "xpy"), Asks::Grad}, typed("1.5832")};
  const Diagnosis agreed = grad(p, "x", "7", {right_xpy});
  REQUIRE(agreed.last_agreeing);
  CHECK(agreed.last_agreeing->question.node == id(p, "xpy"));
  const Claim wrong_den{{id(p, "den"), Asks::Grad}, typed("-0.5")};
  const Diagnosis parted = grad(p, "x", "7", {right_xpy, wrong_den});
  REQUIRE(parted.first_wrong);
  CHECK(parted.first_wrong->question.node == id(p, "den"));
}

TEST_CASE("ties: mistakes at the same rank that give the number are all named") {
  // grad(xpy) = 1.58319; -1.5832 is the minus of dinvden/dden = -1/den² lost, or that of
  // dxpysqr/dxpy = 2 xpy = -2: either gives it.
  const Diagnosis d = grad(staged(), "xpy", "-1.5832");
  CHECK(d.kind == Mistake::SignError);
  CHECK(d.named.size() == 2);
  CHECK(names(d, Mistake::SignError));
}

TEST_CASE("every mistake has a name that reads back") {
  for (int i = 0; i <= static_cast<int>(Mistake::Unknown); ++i) {
    const auto m = static_cast<Mistake>(i);
    CHECK(mistake_from_name(to_string(m)) == m);
  }
  CHECK_FALSE(mistake_from_name("no_such_mistake"));
  CHECK_THROWS_AS(step_question(Trace{}, 3), Error);
}
