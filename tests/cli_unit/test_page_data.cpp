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

// A question's likely wrong numbers as the page's script rebuilds them: its own list, then
// the other named nodes' numbers that are not the node, not the truth and not listed yet.
std::vector<double> rebuilt(const nlohmann::ordered_json& question, const nlohmann::ordered_json& others, NodeId node,
                            bool grad) {
  std::vector<double> values;
  for (const auto& w : question["wrong"]) values.push_back(w[0].template get<double>());
  const double truth = question["truth"].get<double>();
  for (const auto& o : others) {
    const auto& v = o[grad ? 2 : 1];
    if (o[0].get<NodeId>() == node || v.is_null()) continue;
    const double value = v.get<double>();
    if (std::fabs(value - truth) <= 1e-12 * std::max(1.0, std::fabs(truth)) * (1 + 1e-9) + 1e-300) continue;
    if (std::find(values.begin(), values.end(), value) != values.end()) continue;
    values.push_back(value);
  }
  return values;
}

}  // namespace

TEST_CASE("page quiz: each question's list and the named nodes give exactly lib's likely mistakes") {
  const Staged s;
  const Graph& g = s.p.graph;
  const auto quiz = quiz_page_data(g, s.p.output, true);
  int questions = 0;
  for (const auto& [key, question] : quiz["q"].items()) {
    const bool grad = key[0] == 'g';
    const auto node = static_cast<NodeId>(std::stoul(key.substr(1)));
    std::vector<double> expected;
    for (const Candidate& c : likely_mistakes(g, s.p.output, {node, grad ? Asks::Grad : Asks::Value}))
      expected.push_back(c.value);
    INFO(key);
    CHECK(rebuilt(question, quiz["others"], node, grad) == expected);
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
  CHECK(question["none"] == "grad(x) is 2.05957");
  // The branch through xpy alone: 2 (x + y) · grad(xpysqr) = 2 · -1 · -0.791593 = 1.58319.
  bool found = false;
  for (const auto& w : question["wrong"])
    if (std::fabs(w[0].template get<double>() - 1.58319) < 1e-5) {
      CHECK_THAT(w[1].template get<std::string>(), Contains("{answer} is the gradient through xpy (+1.58319) alone"));
      found = true;
    }
  CHECK(found);
  CHECK(question["other"] == "{answer} is {other}, not grad(x): grad(x) is 2.05957");
  CHECK_THAT(question["few"][0].get<std::string>(), Contains("right to 1 significant digit;"));
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
