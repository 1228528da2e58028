// The program language's arrays: literals, indexing, broadcasting and the array functions,
// expanded into scalar gates, with hand-derived values and gradients.
#include <catch2/catch.hpp>

#include <cmath>

#include "gatelab/language/program.hpp"

using Catch::Matchers::Contains;
using gatelab::InputShapes;
using gatelab::NodeId;
using gatelab::Program;

namespace {

// Parses, sets the inputs (arrays row-major), runs forward and backward.
Program run(const std::string& text, const InputShapes& shapes,
            const std::vector<std::pair<std::string, std::vector<double>>>& values) {
  Program p = gatelab::parse_program(text, shapes);
  for (const auto& [name, v] : values) {
    if (const gatelab::Array* a = p.find_array(name)) {
      for (std::size_t i = 0; i < v.size(); ++i) p.graph.set_value(a->nodes[i], v[i]);
    } else {
      p.graph.set_value(p.graph.find(name), v.at(0));
    }
  }
  p.graph.forward();
  if (p.output_shape.empty()) p.graph.backward(p.output);
  return p;
}

double value(const Program& p, const std::string& name) { return p.graph.value(p.find(name)); }
double grad(const Program& p, const std::string& name) { return p.graph.grad(p.find(name)); }

std::string error(const std::string& text, const InputShapes& shapes = {}) {
  try {
    gatelab::parse_program(text, shapes);
  } catch (const gatelab::ParseError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("arrays: literals and indexing name their entries, and index into rows") {
  const Program p = run("v = [1, x, 3]; W = [[1, 2], [3, 4]]; r = W[1]; y = v[1] * W[1, 0] + r[1]", {}, {{"x", {5}}});
  REQUIRE(p.find_array("v"));
  CHECK(p.find_array("v")->shape == std::vector<int>{3});
  CHECK(p.find_array("W")->shape == std::vector<int>{2, 2});
  CHECK(value(p, "W[1,0]") == 3);
  CHECK(value(p, "y") == 5 * 3 + 4);  // v[1] = x, W[1, 0] = 3, r = W[1] = [3, 4]
  CHECK(grad(p, "x") == 3);
  CHECK(p.output_name == "y");
}

TEST_CASE("arrays: an input is an array when given a shape, its entries inputs named W[i,j]") {
  const Program p = run("y = sum(W * 2 + 1)", {{"W", {2, 3}}}, {{"W", {1, 2, 3, 4, 5, 6}}});
  CHECK(p.inputs.size() == 6);
  CHECK(p.graph.name(p.inputs[4]) == "W[1,1]");
  CHECK(p.graph.value(p.output) == 2 * 21 + 6);  // Σ(2w + 1) over 1..6
  for (NodeId id : p.inputs) CHECK(p.graph.grad(id) == 2);
}

TEST_CASE("arrays: numbers broadcast, and an array result keeps its shape as the output") {
  const Program p = run("y = [1, 2] * x - 1", {}, {{"x", {3}}});
  CHECK(p.output_shape == std::vector<int>{2});
  REQUIRE(p.output_nodes.size() == 2);
  CHECK(p.graph.value(p.output_nodes[0]) == 2);
  CHECK(p.graph.value(p.output_nodes[1]) == 5);
  CHECK(p.graph.name(p.output_nodes[1]) == "y[1]");
}

TEST_CASE("array functions: sum, mean, dot, softmax, logsumexp and transpose, by hand") {
  // softmax([0, ln 3]) = [1/4, 3/4]; logsumexp([0, ln 3]) = ln 4; mean(1..4) = 2.5; dot = 1*3 + 2*4.
  const double ln3 = std::log(3.0);
  const Program p =
      run("p = softmax(v); l = logsumexp(v); m = mean([1, 2, 3, 4]); d = dot([1, 2], [3, 4]); y = p[1] + l",
          {{"v", {2}}}, {{"v", {0, ln3}}});
  CHECK(value(p, "p[0]") == Approx(0.25));
  CHECK(value(p, "p[1]") == Approx(0.75));
  CHECK(value(p, "l") == Approx(std::log(4.0)));
  CHECK(value(p, "m") == 2.5);
  CHECK(value(p, "d") == 11);
  // d p1/d v = p1 (e1 - p) = [-p0 p1, p1 (1 - p1)] = [-3/16, 3/16]; d l/d v = p = [1/4, 3/4].
  CHECK(grad(p, "v[0]") == Approx(-3.0 / 16 + 0.25));
  CHECK(grad(p, "v[1]") == Approx(3.0 / 16 + 0.75));
  const Program t = run("T = transpose([[1, 2, 3], [4, 5, x]]); y = T[2, 1]", {}, {{"x", {6}}});
  CHECK(t.find_array("T")->shape == std::vector<int>{3, 2});
  CHECK(value(t, "y") == 6);
  CHECK(grad(t, "x") == 1);
}

TEST_CASE("matmul: dW = dD · Xᵀ and dX = Wᵀ · dD, as cs231n derives them") {
  // D = W X with W 2x3, X 3x2; the loss Σ D ∘ G makes dD = G.
  const std::vector<double> W{1, -2, 3, 0.5, 4, -1}, X{2, 1, -1, 3, 0.5, -2}, G{0.1, -0.2, 0.3, 0.4};
  const Program p = run("D = W @ X; loss = sum(D * G)", {{"W", {2, 3}}, {"X", {3, 2}}, {"G", {2, 2}}},
                        {{"W", W}, {"X", X}, {"G", G}});
  CHECK(p.find_array("D")->shape == std::vector<int>{2, 2});
  for (int i = 0; i < 2; ++i)
    for (int k = 0; k < 3; ++k) {
      double dw = 0;  // (G Xᵀ)[i][k] = Σ_j G[i][j] X[k][j]
      for (int j = 0; j < 2; ++j) dw += G[static_cast<std::size_t>(i * 2 + j)] * X[static_cast<std::size_t>(k * 2 + j)];
      CHECK(grad(p, "W[" + std::to_string(i) + "," + std::to_string(k) + "]") == Approx(dw));
    }
  for (int k = 0; k < 3; ++k)
    for (int j = 0; j < 2; ++j) {
      double dx = 0;  // (Wᵀ G)[k][j] = Σ_i W[i][k] G[i][j]
      for (int i = 0; i < 2; ++i) dx += W[static_cast<std::size_t>(i * 3 + k)] * G[static_cast<std::size_t>(i * 2 + j)];
      CHECK(grad(p, "X[" + std::to_string(k) + "," + std::to_string(j) + "]") == Approx(dx));
    }
  // A matrix times a vector is a vector; a vector times a matrix too.
  CHECK(run("y = W @ v", {{"W", {2, 3}}, {"v", {3}}}, {}).output_shape == std::vector<int>{2});
  CHECK(run("y = v @ W", {{"W", {3, 2}}, {"v", {3}}}, {}).output_shape == std::vector<int>{2});
}

TEST_CASE("a 2-3-2 layer with softmax cross-entropy, against PyTorch") {
  // PyTorch 1.13 (Debian's python3-torch), float64, run separately:
  //   h = torch.sigmoid(W1 @ x + b1); z = W2 @ h + b2; loss = -(y * torch.log(torch.softmax(z, 0))).sum()
  //   loss.backward()  ->  loss 0.6026423803574766, b2.grad [0.4526366187304289, -0.4526366187304289],
  //   W1.grad[0] [0.07842454518642844, 0.15684909037285688], x.grad [-0.01811381120423538, -0.028710092117702014]
  const Program p = run("h = sigmoid(W1 @ x + b1); z = W2 @ h + b2; loss = -sum(y * log(softmax(z)))",
                        {{"W1", {3, 2}}, {"x", {2}}, {"b1", {3}}, {"W2", {2, 3}}, {"b2", {2}}, {"y", {2}}},
                        {{"W1", {0.1, -0.2, 0.4, 0.3, -0.5, 0.2}},
                         {"x", {1, 2}},
                         {"b1", {0.1, 0.1, -0.1}},
                         {"W2", {0.3, -0.1, 0.2, -0.4, 0.5, 0.1}},
                         {"b2", {0, 0.1}},
                         {"y", {0, 1}}});
  CHECK(p.graph.value(p.output) == Approx(0.6026423803574766).epsilon(1e-14));
  CHECK(grad(p, "b2[0]") == Approx(0.4526366187304289).epsilon(1e-14));  // p - y: softmax's gradient
  CHECK(grad(p, "b2[1]") == Approx(-0.4526366187304289).epsilon(1e-14));
  CHECK(grad(p, "W1[0,0]") == Approx(0.07842454518642844).epsilon(1e-14));
  CHECK(grad(p, "W1[0,1]") == Approx(0.15684909037285688).epsilon(1e-14));
  CHECK(grad(p, "x[0]") == Approx(-0.01811381120423538).epsilon(1e-13));
  CHECK(grad(p, "x[1]") == Approx(-0.028710092117702014).epsilon(1e-13));
}

TEST_CASE("array errors name both shapes and the place") {
  CHECK_THAT(error("y = [1, 2] + [1, 2, 3]"),
             Contains("line 1, column 12") && Contains("cannot add a 2-vector and a 3-vector"));
  CHECK_THAT(error("y = [[1, 2], [3]]"), Contains("column 5") && Contains("row 2 has 1 entry, row 1 has 2"));
  CHECK_THAT(error("y = [[1, 2], 3]"), Contains("all be numbers or all be rows"));
  CHECK_THAT(error("y = []"), Contains("column 5") && Contains("an array needs at least one entry"));
  CHECK_THAT(error("y = [[[1]]]"), Contains("at most two dimensions"));
  CHECK_THAT(error("y = v[3]", {{"v", {3}}}),
             Contains("column 6") && Contains("index 3 is out of range: v is a 3-vector (entries 0 to 2)"));
  CHECK_THAT(error("y = W[0, 2]", {{"W", {2, 2}}}), Contains("(columns 0 to 1)"));
  CHECK_THAT(error("y = v[0.5]", {{"v", {3}}}), Contains("an index is a whole number"));
  CHECK_THAT(error("y = x[0]"), Contains("x is a number, not an array"));
  CHECK_THAT(error("y = W @ v", {{"W", {2, 2}}, {"v", {3}}}), Contains("the inner sizes 2 and 3 differ"));
  CHECK_THAT(error("y = softmax(W)", {{"W", {2, 2}}}), Contains("softmax takes a vector, not a 2x2 matrix"));
  CHECK_THAT(error("y = [1, 2"), Contains("this '[' is never closed"));
  CHECK_THAT(error("y = (1 + 2]"), Contains("expected ')' to close the '(' of column 5, but found ']'"));
}
