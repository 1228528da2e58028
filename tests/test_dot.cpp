// DOT text: deterministic, with values, gradients, partials and the special edges.
#include <catch2/catch.hpp>

#include <sstream>

#include "gatelab/dot.hpp"

using Catch::Matchers::Contains;

TEST_CASE("the DOT of y = x*x + 1 after backward, written out by hand") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = (x * x + 1.0).named("y");
  y.backward();
  // x*x sends 2 along each of its two edges (mul swaps: the other input's value is 2).
  const std::string expected =
      "digraph gatelab {\n"
      "  rankdir=LR;\n"
      "  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n"
      "  n0 [label=\"x\\n= 2\\ngrad 4\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];\n"
      "  n1 [label=\"*\\n= 4\\ngrad 1\", shape=box, style=rounded];\n"
      "  n2 [label=\"1\", shape=plaintext];\n"
      "  n3 [label=\"y: +\\n= 5\\ngrad 1\", shape=box, style=rounded];\n"
      "  n0 -> n1 [label=\"local 2\\nsends 2\"];\n"
      "  n0 -> n1 [label=\"local 2\\nsends 2\"];\n"
      "  n1 -> n3 [label=\"local 1\\nsends 1\"];\n"
      "  n2 -> n3;\n"
      "}\n";
  CHECK(gatelab::to_dot(g) == expected);
}

TEST_CASE("before backward the DOT shows values only") {
  gatelab::Graph g;
  auto x = g.input(-1.5, "x");
  auto y = exp(x);
  const std::string dot = gatelab::to_dot(g);
  CHECK_THAT(dot, Contains("n1 [label=\"exp\\n= 0.22313\""));  // e^-1.5 = 0.2231302
  CHECK_THAT(dot, !Contains("grad"));
  CHECK_THAT(dot, Contains("n0 -> n1;"));
  (void)y;
}

TEST_CASE("detach edges are dashed and marked no grad") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = detach(x * x) + x;
  y.backward();
  const std::string dot = gatelab::to_dot(g);
  CHECK_THAT(dot, Contains("n1 -> n2 [style=dashed, label=\"no grad\"];"));
  CHECK_THAT(dot, Contains("n0 -> n3 [label=\"local 1\\nsends 1\"];"));
}

TEST_CASE("ste shows the value from f and the gradient to b") {
  gatelab::Graph g;
  auto w = g.input(0.37, "w");
  auto f = round(w * 10.0);
  auto s = ste(f, w * 10.0);
  s.backward();
  const std::string dot = gatelab::to_dot(g);
  std::ostringstream f_edge, b_edge;
  f_edge << "n" << f.id() << " -> n" << s.id() << " [style=dashed, label=\"f\\nvalue only, no grad\"];";
  b_edge << "-> n" << s.id() << " [label=\"b\\nlocal 1\\nsends 1\\ngrad as if identity\"];";
  CHECK_THAT(dot, Contains(f_edge.str()));
  CHECK_THAT(dot, Contains(b_edge.str()));
  CHECK_THAT(dot, Contains("value of f, grad to b\\n= 4\\ngrad 1"));
}

TEST_CASE("a trace step is highlighted: a gate for forward steps, an edge for messages") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto f = (x + y) * z;
  gatelab::Trace trace;
  g.forward(&trace);
  f.backward(&trace);
  const std::string step1 = gatelab::to_dot(g, {.trace = &trace, .highlight_step = 1});  // forward: x + y
  CHECK_THAT(step1, Contains("n3 [label=\"+\\n= 3\\ngrad -4\", shape=box, style=rounded, color=\"#dc2626\", penwidth=3];"));
  const std::string step6 = gatelab::to_dot(g, {.trace = &trace, .highlight_step = 6});  // q -> x carries -4
  CHECK_THAT(step6, Contains("n0 -> n3 [label=\"local 1\\nsends -4\", color=\"#dc2626\", penwidth=3];"));
  CHECK_THAT(step6, Contains("n1 -> n3 [label=\"local 1\\nsends -4\"];"));
}

TEST_CASE("as of a step, the diagram shows only what the trace has reached") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto q = x + y;
  auto f = q * z;
  gatelab::Trace trace;
  g.forward(&trace);  // steps 1-2
  f.backward(&trace);  // steps 3 (seed) to 7
  gatelab::DotOptions at1{.trace = &trace, .highlight_step = 1, .as_of_step = true};
  const std::string step1 = gatelab::to_dot(g, at1);
  CHECK_THAT(step1, Contains("n3 [label=\"+\\n= 3\", shape=box"));  // q computed, no grad yet
  CHECK_THAT(step1, Contains("n4 [label=\"*\\n= ?\", shape=box"));  // f not yet computed
  CHECK_THAT(step1, !Contains("grad"));
  gatelab::DotOptions at5{.trace = &trace, .highlight_step = 5, .as_of_step = true};
  const std::string step5 = gatelab::to_dot(g, at5);  // f -> q and f -> z sent, q -> x not yet
  CHECK_THAT(step5, Contains("n3 [label=\"+\\n= 3\\ngrad -4\""));
  CHECK_THAT(step5, Contains("n2 [label=\"z\\n= -4\\ngrad 3\""));
  CHECK_THAT(step5, Contains("n0 [label=\"x\\n= -2\", shape=ellipse"));
  CHECK_THAT(step5, Contains("n0 -> n3;"));
  CHECK_THAT(step5, Contains("n3 -> n4 [label=\"local -4\\nsends -4\"];"));
}

TEST_CASE("clusters group nodes in labelled boxes, each node drawn once") {
  gatelab::Graph g;
  auto x = g.input(1, "x");
  auto y = (x * 2.0).named("y");
  gatelab::DotOptions o;
  o.clusters = {{"unit 0", {y.id(), 1}}, {"again", {y.id()}}};
  const std::string dot = gatelab::to_dot(g, o);
  CHECK_THAT(dot, Contains("  subgraph cluster_0 {\n    label=\"unit 0\";\n    style=\"rounded,dashed\";\n    color=\"#94a3b8\";\n"
                           "    n2 [label=\"y: *\\n= 2\", shape=box, style=rounded];\n    n1 [label=\"2\", shape=plaintext];\n  }\n"));
  CHECK_THAT(dot, Contains("  subgraph cluster_1 {\n    label=\"again\";\n    style=\"rounded,dashed\";\n    color=\"#94a3b8\";\n  }\n"));
  CHECK_THAT(dot, Contains("  n0 [label=\"x\\n= 1\""));
}
