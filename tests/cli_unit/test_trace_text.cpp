// Trace text made from trace records: aligned lines, and frame captions from the same cells.
#include <catch2/catch.hpp>

#include "gatelab/engine/forward_mode.hpp"
#include "render/trace_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

// The cs231n circuit q = x + y, f = q * z at (-2, 5, -4), traced forward and backward.
struct Circuit {
  Program p = parse_program("q = x + y; f = q * z");
  Trace trace;
  Circuit() {
    p.graph.set_value(p.graph.find("x"), -2);
    p.graph.set_value(p.graph.find("y"), 5);
    p.graph.set_value(p.graph.find("z"), -4);
    p.graph.forward(&trace);
    p.graph.backward(p.output, &trace);
  }
};

}  // namespace

TEST_CASE("trace lines: forward and backward aligned in columns") {
  const Circuit c;
  const auto forward = forward_lines(c.p.graph, c.trace, Paint{});
  REQUIRE(forward.size() == 3);
  CHECK(forward[1].text == "  [1] q = x + y = -2 + 5   = 3");
  CHECK(forward[2].text == "  [2] f = q * z = 3 * (-4) = -12");
  CHECK(forward[2].step == 2);
  const auto backward = backward_lines(c.p.graph, "f", c.trace, Paint{});
  REQUIRE(backward.size() == 6);
  // df/dq = z = -4 and df/dz = q = 3; add passes -4 unchanged to x and y.
  CHECK(backward[2].text == "  [4] f → q   1 × (-4) = -4   grad(q) = -4");
  CHECK(backward[5].text == "  [7] q → y   -4 × 1 = -4     grad(y) = -4");
}

TEST_CASE("frame captions: a trace step's cells, unaligned and without its number") {
  const Circuit c;
  CHECK(step_caption(c.p.graph, c.trace, 1) == "q = x + y = -2 + 5 = 3");
  CHECK(step_caption(c.p.graph, c.trace, 3) == "seed   grad(f) = 1   df/df = 1");
  CHECK(step_caption(c.p.graph, c.trace, 4) == "f → q   1 × (-4) = -4   grad(q) = -4");
  CHECK(step_caption(c.p.graph, c.trace, 99).empty());
}

TEST_CASE("frame captions: a fork's second message and forward mode's tangents") {
  // a + a at a = 1: the second message into a is the += at the fork, 1 + 1 = 2.
  Program p = parse_program("b = a + a");
  p.graph.set_value(p.graph.find("a"), 1);
  Trace trace;
  p.graph.forward(&trace);
  p.graph.backward(p.output, &trace);
  CHECK(step_caption(p.graph, trace, 4) == "b → a   1 × 1 = 1   grad(a) += 1 → 2   (+= at a fork)");

  Trace tangents;
  forward_tangents(p.graph, {{p.graph.find("a"), 1.0}}, &tangents);
  CHECK(step_caption(p.graph, tangents, 1) == "tangent(a) = seed = 1");
  CHECK(step_caption(p.graph, tangents, 2) == "tangent(b) = 1 × 1 + 1 × 1 = 2");
}

TEST_CASE("tangent terms: only the inputs a gate passes gradients to, so ste's f and detach's input add none") {
  // ids: x 0, r 1, d 2, ste 3, y 4. ste(r, x) passes the tangent of x (here 2) with partial 1.
  Program p = parse_program("r = round(x); d = detach(x); y = ste(r, x) + d");
  p.graph.set_value(p.graph.find("x"), 1.3);
  p.graph.forward();
  Trace t;
  forward_tangents(p.graph, {{p.graph.find("x"), 2.0}}, &t);
  auto caption_of = [&](const char* name) {
    for (const TangentStep& s : t.tangent)
      if (s.node == p.graph.find(name)) return step_caption(p.graph, t, s.step);
    return std::string("no step");
  };
  CHECK(caption_of("r") == "tangent(r) = 0 × 2 = 0");  // round passes a gradient of 0
  CHECK(caption_of("d") == "tangent(d) = no input carries a tangent = 0");
  for (const TangentStep& s : t.tangent)
    if (p.graph.node(s.node).op == Op::Ste) CHECK(step_caption(p.graph, t, s.step) == "tangent(ste#3) = 1 × 2 = 2");
}

TEST_CASE("trace text is mathematically right: negative operands in parentheses, constants as values") {
  // a = -0.6: a^2 = 0.36 (by gatelab's precedence -0.6 ^ 2 would be -0.36), 3 + a, -(a).
  Program p = parse_program("s = a^2; t = 3 + a; n = -a; c = -1; y = s + t + n * c");
  p.graph.set_value(p.graph.find("a"), -0.6);
  Trace trace;
  p.graph.forward(&trace);
  p.graph.backward(p.output, &trace);
  CHECK(step_caption(p.graph, trace, 1) == "s = a ^ 2 = (-0.6) ^ 2 = 0.36");
  CHECK(step_caption(p.graph, trace, 2) == "t = 3 + a = 3 + (-0.6) = 2.4");
  CHECK(step_caption(p.graph, trace, 3) == "n = -a = -(-0.6) = 0.6");
  // c = -1 is the constant -1, not a gate (ids: a 0, 2 1, s 2, 3 3, t 4, n 5, c 6, s + t 7, n * c 8).
  CHECK(trace.forward.size() == 6);
  CHECK(step_caption(p.graph, trace, 5) == "mul#8 = n * c = 0.6 * (-1) = -0.6");
  // ds/da = 2a = -1.2, a negative local partial after the ×.
  for (const BackwardStep& s : trace.backward)
    if (s.from == p.graph.find("s") && s.to == p.graph.find("a"))
      CHECK_THAT(step_caption(p.graph, trace, s.step),
                 Catch::Matchers::StartsWith("s → a   1 × (-1.2) = -1.2   grad(a) +="));
}

TEST_CASE("caption cells: each says what it shows, and a quiz's caption hides the number asked") {
  const Circuit c;
  const Caption forward = step_cells(c.p.graph, c.trace, 1);
  REQUIRE_FALSE(forward.empty());
  CHECK((forward.front().text == "q" && forward.front().ink == Ink::Name));
  CHECK((forward.back().text == "3" && forward.back().ink == Ink::Value));  // -2 + 5
  CHECK(caption_text(step_cells(c.p.graph, c.trace, 1, true)) == "q = x + y = ?");
  const Caption message = step_cells(c.p.graph, c.trace, 4);
  CHECK((message.back().text == "grad(q) = -4" && message.back().ink == Ink::Grad));
  CHECK(caption_text(step_cells(c.p.graph, c.trace, 4, true)) == "f → q   grad(q) = ?");
}
