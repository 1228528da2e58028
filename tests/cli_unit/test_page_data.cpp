// What a page embeds of a traced graph: the steps, the nodes in words, the quiz's questions.
#include <catch2/catch.hpp>

#include <cmath>

#include "gatelab/language/program.hpp"
#include "gatelab/teach/diagnosis.hpp"
#include "render/page_data.hpp"
#include "render/page_quiz.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

// cs231n's staged example at x = 3, y = -4, traced forward and backward.
struct Staged {
  Program p = parse_program(
      "sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2; den = sigx + xpysqr; "
      "invden = inv(den); f = num * invden");
  Trace trace;
  Staged() {
    p.graph.set_value(p.graph.find("x"), 3);
    p.graph.set_value(p.graph.find("y"), -4);
    p.graph.forward(&trace);
    p.graph.backward(p.output, &trace);
  }
};

}  // namespace

TEST_CASE("page quiz: each question's list and the named nodes are what lib's assess is given") {
  const Staged s;
  const Graph& g = s.p.graph;
  const auto quiz = quiz_page_data(g, s.p.output, true);
  int questions = 0;
  for (const auto& [key, question] : quiz["q"].items()) {
    const bool grad = key[0] == 'g';
    const auto node = static_cast<NodeId>(std::stoul(key.substr(1)));
    const auto candidates = page_candidates(g, s.p.output, {node, grad ? Asks::Grad : Asks::Value});
    // The list first, as page_candidates has it; then the other nodes, which the page adds.
    INFO(key);
    std::size_t listed = 0;
    for (const auto& w : question["wrong"]) {
      REQUIRE(listed < candidates.size());
      CHECK(w[0].get<double>() == candidates[listed].value);
      CHECK(w[1].get<int>() == candidates[listed].rank);
      ++listed;
    }
    for (std::size_t i = listed; i < candidates.size(); ++i) CHECK(candidates[i].kind == Mistake::OtherNode);
    CHECK(listed <= max_page_candidates);
    for (const auto& w : question["wrong"]) CHECK(w[2].get<int>() >= 1);
    ++questions;
  }
  // 8 gates' values; gradients of the 8 gates and the inputs x and y (not of the constant 2).
  CHECK(questions == 8 + 10);
}

TEST_CASE("page quiz: the words of a diagnosis, with the learner's answer left to the page") {
  const Staged s;
  const NodeId x = s.p.graph.find("x");
  const auto question = quiz_page_data(s.p.graph, s.p.output, true)["q"]["g" + std::to_string(x)];
  CHECK(question["subject"] == "grad(x)");
  CHECK(question["none"] == "no likely mistake gives {answer}");
  CHECK(question["terms"] == 3);
  // The branch through xpy alone: 2 (x + y) · grad(xpysqr) = 2 · -1 · -0.791593 = 1.58319.
  bool found = false;
  for (const auto& w : question["wrong"])
    if (std::fabs(w[0].template get<double>() - 1.58319) < 1e-5) {
      CHECK_THAT(w[3].template get<std::string>(), Contains("{answer} is the gradient through xpy (+1.58319) alone"));
      found = true;
    }
  CHECK(found);
  CHECK(question["other"][0] == "{answer} is {other}, not grad(x)");
  CHECK(question["few"][0] == "right to 1 significant digit; give more digits");
  CHECK(question["few"][1] == "right to {digits} significant digits; give more digits");
}

TEST_CASE("page data: each step says what it changes, with its caption from its record") {
  const Staged s;
  const auto data = trace_page_data(s.p.graph, s.p.output, s.trace, true);
  REQUIRE(data["steps"].size() == 21);
  const auto& first = data["steps"][0];  // sigy = sigmoid(-4) = 0.0179862
  CHECK(first["k"] == "f");
  CHECK(first["node"] == s.p.graph.find("sigy"));
  CHECK(first["cap"].back()[0] == "0.0179862");
  CHECK(first["cap"].back()[1] == "ink-value");
  CHECK(first["ask"].back()[0] == "?");
  const auto& message = data["steps"][11];  // step 12: invden -> den, 3.01799 × -1/den² = -0.791593
  CHECK(message["k"] == "b");
  CHECK(message["gate"] == s.p.graph.find("invden"));
  CHECK(message["sent"] == "-0.791593");
  const auto& x = data["nodes"][s.p.graph.find("x")];
  CHECK(x["leaf"] == "input");
  CHECK(x["gat"] == 19);  // its last message, from num
}
