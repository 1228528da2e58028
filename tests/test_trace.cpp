// Trace records: every forward evaluation and every backward message, numbered.
#include <catch2/catch.hpp>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/trace.hpp"

TEST_CASE("the trace of (x + y) z at (-2, 5, -4) has every value and message") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto q = x + y;
  auto f = q * z;
  gatelab::Trace trace;
  g.forward(&trace);
  f.backward(&trace);

  REQUIRE(trace.forward.size() == 2);
  CHECK(trace.forward[0].step == 1);
  CHECK(trace.forward[0].node == q.id());
  CHECK(trace.forward[0].op == gatelab::Op::Add);
  CHECK(trace.forward[0].a_value == -2);
  CHECK(trace.forward[0].b_value == 5);
  CHECK(trace.forward[0].value == 3);
  CHECK(trace.forward[1].step == 2);
  CHECK(trace.forward[1].value == -12);

  REQUIRE(trace.backward.size() == 5);  // seed, f->q, f->z, q->x, q->y
  const auto& seed = trace.backward[0];
  CHECK(seed.step == 3);
  CHECK(seed.from == gatelab::no_node);
  CHECK(seed.to == f.id());
  CHECK(seed.grad_after == 1);

  const auto& to_q = trace.backward[1];
  CHECK(to_q.from == f.id());
  CHECK(to_q.to == q.id());
  CHECK(to_q.upstream == 1);
  CHECK(to_q.local == -4);  // mul swaps: d(qz)/dq = z
  CHECK(to_q.contribution == -4);
  CHECK(to_q.grad_after == -4);

  const auto& to_z = trace.backward[2];
  CHECK(to_z.to == z.id());
  CHECK(to_z.slot == 1);
  CHECK(to_z.local == 3);

  const auto& to_x = trace.backward[3];
  CHECK(to_x.step == 6);
  CHECK(to_x.from == q.id());
  CHECK(to_x.to == x.id());
  CHECK(to_x.upstream == -4);
  CHECK(to_x.local == 1);  // add distributes
  CHECK(to_x.contribution == -4);
  CHECK(trace.backward[4].to == y.id());
  CHECK(trace.size() == 7);
}

TEST_CASE("the trace marks the += at a fork") {
  gatelab::Graph g;
  auto a = g.input(1, "a");
  auto b = a + a;
  b.backward();
  gatelab::Trace trace;
  g.zero_grad();
  b.backward(&trace);
  REQUIRE(trace.backward.size() == 3);
  CHECK_FALSE(trace.backward[1].accumulated);
  CHECK(trace.backward[1].grad_after == 1);
  CHECK(trace.backward[2].accumulated);
  CHECK(trace.backward[2].grad_after == 2);
}

TEST_CASE("round sends a zero message, and detach sends none") {
  gatelab::Graph g;
  auto w = g.input(0.37, "w");
  auto r = round(w * 10.0);
  auto y = r + detach(w) * w;
  gatelab::Trace trace;
  y.backward(&trace);
  int to_w = 0;
  for (const auto& s : trace.backward) {
    if (s.from == r.id()) CHECK(s.contribution == 0);
    if (s.to == w.id()) ++to_w;
  }
  CHECK(to_w == 2);  // from w*10 (carrying 0) and from detach(w)*w; none from detach
  CHECK(w.grad() == Approx(0.37));
}
