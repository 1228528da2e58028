// The batched engine against the one-row engine on the same graph: for every row, the
// scalar forward and backward; the batch's mean and shared gradients must equal their mean.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "gatelab/language/program.hpp"
#include "gatelab/learning/batch.hpp"

namespace {

struct Case {
  std::string program;
  std::vector<std::string> data;    // the free names that take one value per row
  std::vector<std::string> shared;  // the rest, with the values below
  std::vector<double> shared_values;
};

// Compares the two engines on `rows` rows of made-up data.
void compare(const Case& c, std::size_t rows, gatelab::BatchEvaluator& batch, gatelab::Program& p) {
  std::vector<std::vector<double>> columns(c.data.size(), std::vector<double>(rows));
  for (std::size_t d = 0; d < c.data.size(); ++d)
    for (std::size_t r = 0; r < rows; ++r)
      columns[d][r] = 0.3 + 0.17 * static_cast<double>(r) - 0.4 * static_cast<double>(d);
  for (std::size_t s = 0; s < c.shared.size(); ++s) p.graph.set_value(p.find(c.shared[s]), c.shared_values[s]);
  batch.set_rows(rows, columns);
  batch.forward();
  batch.backward_mean(p.output);

  double mean = 0;
  std::vector<double> grads(c.shared.size(), 0.0);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t d = 0; d < c.data.size(); ++d) p.graph.set_value(p.find(c.data[d]), columns[d][r]);
    p.graph.forward();
    p.graph.zero_grad();
    p.graph.backward(p.output);
    mean += p.graph.value(p.output) / static_cast<double>(rows);
    for (std::size_t s = 0; s < c.shared.size(); ++s)
      grads[s] += p.graph.grad(p.find(c.shared[s])) / static_cast<double>(rows);
  }
  CHECK(batch.mean(p.output) == Approx(mean).epsilon(1e-13));
  for (std::size_t s = 0; s < c.shared.size(); ++s) {
    INFO("d/d" << c.shared[s]);
    CHECK(batch.grad(p.find(c.shared[s])) == Approx(grads[s]).epsilon(1e-13).margin(1e-15));
  }
}

std::vector<gatelab::NodeId> ids(const gatelab::Program& p, const std::vector<std::string>& names) {
  std::vector<gatelab::NodeId> out;
  for (const auto& n : names) out.push_back(p.find(n));
  return out;
}

}  // namespace

TEST_CASE("batched forward and backward equal the per-row engine's mean", "[batch]") {
  const std::vector<Case> cases = {
      // An add chain: each add passes its gradient on unchanged, so its inputs share storage.
      {"z = b + x1 * w1 + x2 * w2 + x3 * w3\ny = sigmoid(z) ^ 2",
       {"x1", "x2", "x3"},
       {"b", "w1", "w2", "w3"},
       {0.1, -0.5, 0.8, 0.3}},
      // x + x: one node gets two messages from the same gate; sub passes a, negates b.
      {"a = x * w\ns = a + a\nt = s - b\nu = b - s\ny = t * u", {"x"}, {"w", "b"}, {1.5, -0.25}},
      // A node read by an add and by another gate: two messages, so no shared storage.
      {"a = x * w\nc = a + w\ny = c * a + exp(c)", {"x"}, {"w"}, {0.7}},
      // Shared gates (w + b is the same in every row) feeding per-row ones.
      {"c = w + b\nd = c - w\ny = log(1 + exp(c * x + d)) + tanh(c)", {"x"}, {"w", "b"}, {0.4, -1.1}},
      // Two data leaves, a label-like product and the softmax loss shape of the networks.
      {"o1 = sigmoid(w * x)\no2 = sigmoid(v * x + b)\ny = log(exp(o1) + exp(o2)) - (t * o1 + (1 - t) * o2)",
       {"x", "t"},
       {"w", "v", "b"},
       {2.0, -1.0, 0.5}},
  };
  for (const Case& c : cases)
    for (bool keep_only_output : {false, true}) {
      INFO(c.program << (keep_only_output ? "\nkeeping only the output" : "\nkeeping every value"));
      auto p = gatelab::parse_program(c.program);
      gatelab::BatchEvaluator batch(p.graph, ids(p, c.data));
      if (keep_only_output) batch.keep_only({p.output}, p.output);
      for (std::size_t rows : {1, 7, 16, 23}) {  // row counts with and without a partial last lane
        INFO(rows << " rows");
        compare(c, rows, batch, p);
      }
    }
}

TEST_CASE("keeping only some values: the rest share buffers, and backward needs the plan's output", "[batch]") {
  // A long sum: its partial sums and products are read once, so a few buffers serve them all.
  std::string program = "s = x * w";
  for (int i = 0; i < 50; ++i) program += "\ns = s + x * w";
  program += "\ny = sigmoid(s)\nz = y * y";
  auto p = gatelab::parse_program(program);
  const gatelab::NodeId x = p.find("x"), w = p.find("w"), y = p.find("y"), z = p.output;
  p.graph.set_value(w, 0.01);
  gatelab::BatchEvaluator batch(p.graph, {x});
  batch.keep_only({z}, z);
  CHECK(batch.kept(x));
  CHECK(batch.kept(w));                  // shared: always
  CHECK(batch.kept(y));                  // z = y * y reads y; sigmoid's partial reads its own value
  CHECK_FALSE(batch.kept(p.find("s")));  // the last partial sum: sigmoid does not read it
  batch.set_rows(4, {{1, 2, 3, 4}});
  // x, y, z and a few buffers, each a column of 8 values (4 rows, padded), plus the
  // shared w; keeping everything would take a column for each of the 104 per-row nodes.
  CHECK(batch.stored_values() <= 8 * 8 + 1);
  batch.forward();
  batch.backward_mean(z);
  // z = sigmoid(51 w x)^2; mean over x = 1..4 of its derivative in w, by hand:
  // dz/dw = 2 y (1 - y) 51 x with y = sigmoid(0.51 x).
  double expected = 0;
  for (double xv : {1.0, 2.0, 3.0, 4.0}) {
    const double yv = 1 / (1 + std::exp(-0.51 * xv));
    expected += 2 * yv * (1 - yv) * yv * 51 * xv / 4;
  }
  CHECK(batch.grad(w) == Approx(expected).epsilon(1e-12));
  CHECK(batch.value(y, 2) == Approx(1 / (1 + std::exp(-1.53))).epsilon(1e-15));
  CHECK_THROWS_WITH(batch.backward_mean(y), Catch::Contains("kept for backward from 'z'"));
  CHECK_THROWS_WITH(batch.value(p.find("s"), 0), Catch::Contains("were not kept"));

  gatelab::BatchEvaluator forward_only(p.graph, {x});
  forward_only.keep_only({z}, gatelab::no_node);
  forward_only.set_rows(2, {{1, 2}});
  forward_only.forward();
  const double y1 = 1 / (1 + std::exp(-0.51)), y2 = 1 / (1 + std::exp(-1.02));
  CHECK(forward_only.mean(z) == Approx((y1 * y1 + y2 * y2) / 2).epsilon(1e-14));
  CHECK_THROWS_WITH(forward_only.backward_mean(z), Catch::Contains("kept for no backward pass"));
}

TEST_CASE("backward from another output plans again", "[batch]") {
  auto p = gatelab::parse_program("a = x * w\nf = a + a\ng = a * w");
  gatelab::BatchEvaluator batch(p.graph, {p.find("x")});
  batch.set_rows(3, {{1, 2, 3}});
  batch.forward();
  batch.backward_mean(p.find("f"));  // d mean(2xw)/dw = 2 mean(x) = 4
  CHECK(batch.grad(p.find("w")) == Approx(4));
  batch.backward_mean(p.find("g"));  // d mean(x w^2)/dw = 2 w mean(x); w = 0 here
  CHECK(batch.grad(p.find("w")) == 0);
  p.graph.set_value(p.find("w"), 1.5);
  batch.forward();
  batch.backward_mean(p.find("g"));
  CHECK(batch.grad(p.find("w")) == Approx(2 * 1.5 * 2));
}

TEST_CASE("a batch with no data leaves is one row of shared values", "[batch]") {
  auto p = gatelab::parse_program("y = w * w + w");
  gatelab::BatchEvaluator batch(p.graph, {});
  p.graph.set_value(p.find("w"), 3);
  batch.set_rows(5, {});
  batch.forward();
  batch.backward_mean(p.output);
  CHECK(batch.mean(p.output) == 12);
  CHECK(batch.grad(p.find("w")) == 7);  // 2w + 1
  CHECK_FALSE(batch.per_row(p.output));
}
