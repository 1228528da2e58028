// DOT text: deterministic, with values, gradients, partials and the special edges.
#include <catch2/catch.hpp>

#include <sstream>

#include "gatelab/teach/dot.hpp"

using Catch::Matchers::Contains;

TEST_CASE("the DOT of y = x*x + 1 after backward, written out by hand") {
  // Nodes are called as the trace calls them (mul#1), and the constant 1 is a node too.
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = (x * x + 1.0).named("y");
  y.backward();
  // x*x sends 2 along each of its two edges (mul swaps: the other input's value is 2).
  const std::string expected =
      "digraph gatelab {\n"
      "  rankdir=LR;\n"
      "  node [fontname=\"Helvetica,Arial,Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica,Arial,Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif\", fontsize=9];\n"
      "  n0 [label=\"x\\n= 2\\ngrad 4\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\"];\n"
      "  n1 [label=\"mul#1\\n= 4\\ngrad 1\", shape=box, style=rounded];\n"
      "  n2 [label=\"1\", shape=box, style=\"rounded,filled\", fillcolor=\"#f1f5f9\", color=\"#94a3b8\"];\n"
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
  CHECK_THAT(dot, Contains("n1 [label=\"exp#1\\n= 0.22313\""));  // e^-1.5 = 0.2231302
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

TEST_CASE("a trace step is highlighted: a gate in green for forward steps, a message in red against the edge") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto f = (x + y) * z;
  gatelab::Trace trace;
  g.forward(&trace);
  f.backward(&trace);
  const std::string step1 = gatelab::to_dot(g, {.trace = &trace, .highlight_step = 1});  // forward: x + y
  CHECK_THAT(
      step1,
      Contains("n3 [label=\"add#3\\n= 3\\ngrad -4\", shape=box, style=rounded, color=\"#16a34a\", penwidth=3];"));
  // q -> x carries -4: the edge x -> q keeps its place, its arrow turned round toward x.
  const std::string step6 = gatelab::to_dot(g, {.trace = &trace, .highlight_step = 6});
  CHECK_THAT(step6, Contains("n0 -> n3 [label=\"local 1\\nsends -4\", color=\"#dc2626\", penwidth=3, dir=back];"));
  CHECK_THAT(step6, Contains("n1 -> n3 [label=\"local 1\\nsends -4\"];"));
}

TEST_CASE("as of a step, the diagram shows only what the trace has reached") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y"), z = g.input(-4, "z");
  auto q = x + y;
  auto f = q * z;
  gatelab::Trace trace;
  g.forward(&trace);   // steps 1-2
  f.backward(&trace);  // steps 3 (seed) to 7
  gatelab::DotOptions at1{.trace = &trace, .highlight_step = 1, .as_of_step = true};
  const std::string step1 = gatelab::to_dot(g, at1);
  CHECK_THAT(step1, Contains("n3 [label=\"add#3\\n= 3\", shape=box"));  // q computed, no grad yet
  CHECK_THAT(step1, Contains("n4 [label=\"mul#4\\n= ?\", shape=box"));  // f not yet computed
  CHECK_THAT(step1, !Contains("grad"));
  gatelab::DotOptions at5{.trace = &trace, .highlight_step = 5, .as_of_step = true};
  const std::string step5 = gatelab::to_dot(g, at5);  // f -> q and f -> z sent, q -> x not yet
  CHECK_THAT(step5, Contains("n3 [label=\"add#3\\n= 3\\ngrad -4\""));
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
  CHECK_THAT(
      dot,
      Contains("  subgraph cluster_0 {\n    label=\"unit 0\";\n    style=\"rounded,dashed\";\n    color=\"#94a3b8\";\n"
               "    n2 [label=\"y: *\\n= 2\", shape=box, style=rounded];\n    n1 [label=\"2\", shape=box, "
               "style=\"rounded,filled\", fillcolor=\"#f1f5f9\", color=\"#94a3b8\"];\n  }\n"));
  CHECK_THAT(dot, Contains("  subgraph cluster_1 {\n    label=\"again\";\n    style=\"rounded,dashed\";\n    "
                           "color=\"#94a3b8\";\n  }\n"));
  CHECK_THAT(dot, Contains("  n0 [label=\"x\\n= 1\""));
}

TEST_CASE("diagram labels: the same lines as data, each saying whether it shows a value or a gradient") {
  gatelab::Graph g;
  auto x = g.input(2, "x");
  auto y = (x * x + 1.0).named("y");
  gatelab::Trace trace;
  g.forward(&trace);
  y.backward(&trace);
  using gatelab::LabelKind;
  const gatelab::DiagramLabels labels = gatelab::diagram_labels(g);
  // x * x = 4 gets the gradient 1 from the add, and sends 1 × 2 = 2 along each edge.
  const gatelab::Label& mul = labels.nodes[1];
  REQUIRE(mul.size() == 3);
  CHECK((mul[0].kind == LabelKind::Name && mul[0].text() == "mul#1"));
  CHECK((mul[1].kind == LabelKind::Value && mul[1].words == "= " && mul[1].number == "4"));
  CHECK((mul[2].kind == LabelKind::Grad && mul[2].words == "grad " && mul[2].number == "1"));
  const gatelab::Label& edge = labels.edge(1, 1);
  REQUIRE(edge.size() == 2);
  CHECK((edge[0].kind == LabelKind::Partial && edge[0].text() == "local 2"));
  CHECK((edge[1].kind == LabelKind::Grad && edge[1].text() == "sends 2"));
  CHECK(labels.nodes[2].front().text() == "1");  // the constant
  // As of step 2 (the add computed), nothing has a gradient yet.
  const auto at2 = gatelab::diagram_labels(g, {.trace = &trace, .highlight_step = 2, .as_of_step = true});
  CHECK(at2.nodes[1].size() == 2);
  CHECK(at2.edge(1, 0).empty());
}

TEST_CASE("step subjects: a forward step's gate, a seed's output, a message's edge") {
  gatelab::Graph g;
  auto x = g.input(-2, "x"), y = g.input(5, "y");
  auto f = x * y;
  gatelab::Trace trace;
  g.forward(&trace);   // step 1: f
  f.backward(&trace);  // step 2: the seed; 3: f -> x; 4: f -> y
  using Kind = gatelab::StepSubject::Kind;
  CHECK((gatelab::step_subject(trace, 1).kind == Kind::Forward && gatelab::step_subject(trace, 1).node == f.id()));
  CHECK((gatelab::step_subject(trace, 2).kind == Kind::Seed && gatelab::step_subject(trace, 2).node == f.id()));
  const gatelab::StepSubject message = gatelab::step_subject(trace, 4);
  CHECK((message.kind == Kind::Message && message.gate == f.id() && message.slot == 1 && message.to == y.id()));
  CHECK(gatelab::step_subject(trace, 9).kind == Kind::None);
}

TEST_CASE("only some nodes: the edges between them, none to the others") {
  gatelab::Graph g;
  auto x = g.input(1, "x");
  auto y = (x * 2.0).named("y");
  const std::string dot = gatelab::to_dot(g, {.only = {x.id(), y.id()}});
  CHECK_THAT(dot, Contains("n0 -> n2;"));
  CHECK_THAT(dot, !Contains("n1"));
}
