// The data split, PyTorch's initial weights, the batched engine against the scalar one,
// and training the constrained networks.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "error_text.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/learning/torch_init.hpp"
#include "gatelab/learning/training.hpp"
#include "shipped_data.hpp"

using Catch::Matchers::Contains;
using gatelab::Constraint;

namespace {

const gatelab::DataSplit& data() { return shipped_data(); }

std::size_t count(const gatelab::Samples& s, int label) {
  return static_cast<std::size_t>(std::count(s.y.begin(), s.y.end(), label));
}

}  // namespace

TEST_CASE("the split: 683 complete rows as 411 / 136 / 136, features in [0, 1]") {
  const auto& d = data();
  CHECK(d.train.size() == 411);
  CHECK(d.valid.size() == 136);
  CHECK(d.test.size() == 136);
  // 699 rows, 458 benign and 241 malignant; the 16 rows with '?' are 14 benign, 2 malignant.
  CHECK(count(d.train, 0) + count(d.valid, 0) + count(d.test, 0) == 444);
  CHECK(count(d.train, 1) + count(d.valid, 1) + count(d.test, 1) == 239);
  for (double x : d.train.x) REQUIRE((x >= 0 && x <= 1));
  // The first row, 1000025,5,1,1,1,2,1,3,1,1,2, is train row 0: (5 - 1) / 9 and benign.
  CHECK(d.train.at(0, 0) == Approx(4.0 / 9));
  CHECK(d.train.at(0, 1) == 0);
  CHECK(d.train.y[0] == 0);
}

TEST_CASE("malformed data names the line and the field") {
  auto error = [](const std::string& text) { return error_text([&] { gatelab::parse_breast_cancer(text); }); };
  CHECK_THAT(error("1,1,1,1,1,1,1,1,1,1,2\n1,1,1\n"), Contains("line 2: expected 11 comma-separated fields"));
  CHECK_THAT(error("1,1,1,1,x,1,1,1,1,1,2\n"), Contains("line 1: field 5: 'x' is not a whole number"));
  CHECK_THAT(error("1,1,1,1,1,1,1,1,1,11,2\n"), Contains("line 1: field 10: attribute 11 is outside 1..10"));
  CHECK_THAT(error("1,1,1,1,1,1,1,1,1,1,3\n"), Contains("line 1: field 11: class 3"));
  CHECK_THAT(error(""), Contains("no complete rows"));
}

TEST_CASE("data past a million rows is refused at the row that crosses the limit") {
  std::string rows;
  for (std::size_t i = 0; i < gatelab::max_data_rows; ++i) rows += "1,1,1,1,1,1,1,1,1,1,2\n";
  CHECK(gatelab::parse_breast_cancer(rows).train.size() == 600'000);
  rows += "\n1,1,1,1,1,1,1,1,1,1,4\n";  // an empty line counts as a line, not as a row
  CHECK(error_text([&] { gatelab::parse_breast_cancer(rows); }) ==
        "line 1000002: more than 1000000 rows, the most gatelab reads (the data has 699)");
}

TEST_CASE("torch init: torch.rand(10, 5) after torch.manual_seed(0) starts 0.49625659, 0.76822180, 0.08847743") {
  const auto net = gatelab::build_network(Constraint::Tanh);
  const auto p = gatelab::torch_initial_params(net, 0);
  REQUIRE(p.size() == 10 * 5 + 6 * 2);
  CHECK(p[0] == Approx(0.49625659).epsilon(1e-7));
  CHECK(p[1] == Approx(0.76822180).epsilon(1e-7));
  CHECK(p[2] == Approx(0.08847743).epsilon(1e-7));
  // A float32 uniform has 24 bits: every value is a multiple of 2^-24 in [0, 1).
  for (double v : p) REQUIRE((v >= 0 && v < 1 && std::ldexp(v, 24) == std::floor(std::ldexp(v, 24))));
  // nn.Linear's weights lie within ±1/sqrt(fan_in): 1/3 for the 9 inputs, 1/sqrt(5) after.
  const auto plain = gatelab::build_network(Constraint::None);
  const auto q = gatelab::torch_initial_params(plain, 0);
  REQUIRE(q.size() == 5 * 9 + 5 + 2 * 5 + 2);
  for (std::size_t i = 0; i < 50; ++i) REQUIRE(std::fabs(q[i]) <= 1.0 / 3);
  for (std::size_t i = 50; i < q.size(); ++i) REQUIRE(std::fabs(q[i]) <= 1 / std::sqrt(5.0));
  // The first weight comes from the same first draw: (float)(0.49625659 * 2/3 - 1/3).
  CHECK(q[0] == Approx(0.49625659 * 2.0 / 3 - 1.0 / 3).epsilon(1e-6));
}

TEST_CASE("uniform init centres every parameter within 1/sqrt(in + 1)") {
  const auto net = gatelab::build_network(Constraint::Tanh);
  const auto p = gatelab::initial_params(net, gatelab::Init::Uniform, 0);
  REQUIRE(p.size() == 62);
  for (std::size_t i = 0; i < 50; ++i) REQUIRE(std::fabs(p[i]) <= 1 / std::sqrt(10.0));
  for (std::size_t i = 50; i < 62; ++i) REQUIRE(std::fabs(p[i]) <= 1 / std::sqrt(6.0));
  // The same first draw as torch's, mapped to [-b, b): (2 * 0.49625659 - 1) / sqrt(10).
  CHECK(p[0] == Approx((2 * 0.49625659 - 1) / std::sqrt(10.0)).epsilon(1e-6));
  CHECK(gatelab::initial_params(net, gatelab::Init::Uniform, 1) != p);
}

TEST_CASE("the batched loss gradient equals the mean of per-row backward passes and central differences") {
  for (Constraint c : {Constraint::None, Constraint::Tanh, Constraint::Ste}) {
    INFO(gatelab::to_string(c));
    auto net = gatelab::build_network(c);
    gatelab::Trainer trainer(net, data());
    trainer.set_params(gatelab::torch_initial_params(net, 1));
    const std::vector<double> batched = trainer.train_gradient();

    // The scalar engine, one row at a time, on the same graph.
    const auto& s = data().train;
    const auto ids = net.parameters();
    std::vector<double> mean(ids.size(), 0.0);
    for (std::size_t r = 0; r < s.size(); ++r) {
      for (std::size_t f = 0; f < 9; ++f) net.graph.set_value(net.features[f], s.at(r, f));
      net.graph.set_value(net.labels[0], s.y[r] == 0);
      net.graph.set_value(net.labels[1], s.y[r] == 1);
      net.graph.forward();
      net.graph.zero_grad();
      net.graph.backward(net.loss);
      for (std::size_t i = 0; i < ids.size(); ++i) mean[i] += net.graph.grad(ids[i]) / static_cast<double>(s.size());
    }
    for (std::size_t i = 0; i < ids.size(); ++i) REQUIRE(batched[i] == Approx(mean[i]).margin(1e-12));

    if (c == Constraint::Ste) continue;  // its gradient is, by design, not the loss's derivative
    auto params = trainer.params();
    for (std::size_t i : {std::size_t{0}, std::size_t{17}, params.size() - 1}) {
      const double h = 1e-6;
      auto p = params;
      p[i] += h;
      trainer.set_params(p);
      const double up = trainer.evaluate(s).loss;
      p[i] -= 2 * h;
      trainer.set_params(p);
      const double down = trainer.evaluate(s).loss;
      CHECK(batched[i] == Approx((up - down) / (2 * h)).epsilon(1e-5).margin(1e-9));
    }
  }
}

TEST_CASE("round never changes a weight / ste moves them and keeps W on multiples of 0.1") {
  gatelab::TrainOptions brief;
  brief.max_epochs = 200;
  auto round_net = gatelab::build_network(Constraint::Round);
  gatelab::Trainer round(round_net, data());
  const auto start = gatelab::torch_initial_params(round_net, 0);
  round.set_params(start);
  const auto r = round.train(brief);
  CHECK(round.params() == start);
  CHECK(r.train_loss.front() == r.train_loss.back());

  auto ste_net = gatelab::build_network(Constraint::Ste);
  gatelab::Trainer ste(ste_net, data());
  ste.set_params(start);
  ste.train(brief);
  CHECK(ste.params() != start);
  for (double w : ste.weights()) REQUIRE(std::fabs(w * 10 - std::nearbyint(w * 10)) < 1e-9);
}

TEST_CASE("tanh keeps every weight in [-1, 1] and tanh01 in [0, 1]") {
  gatelab::TrainOptions brief;
  brief.max_epochs = 300;
  for (Constraint c : {Constraint::Tanh, Constraint::Tanh01}) {
    auto net = gatelab::build_network(c);
    gatelab::Trainer t(net, data());
    t.set_params(gatelab::torch_initial_params(net, 0));
    t.train(brief);
    const double low = c == Constraint::Tanh ? -1 : 0;
    for (double w : t.weights()) REQUIRE((w >= low && w <= 1));
    for (double p : t.params()) CHECK(std::fabs(p) > 0);  // and the parameters themselves are free
  }
}

TEST_CASE("early stopping: round's loss never improves, so it stops 5001 epochs after epoch 0") {
  auto net = gatelab::build_network(Constraint::Round);
  gatelab::Trainer t(net, data());
  t.set_params(gatelab::torch_initial_params(net, 0));
  int logged = 0;
  const auto r = t.train({}, [&](const gatelab::EpochLog&) { ++logged; });
  CHECK(r.stopped_early);
  CHECK(r.best_epoch == 0);
  CHECK(r.epochs_run == 5002);  // epochs 0 .. 5001; the check stops 5001 before its log
  CHECK(logged == 5001);
}

TEST_CASE("plain, tanh and ste reach at least 0.93 test accuracy with seed 0 / losses stay above log(1 + 1/e)") {
  for (Constraint c : {Constraint::None, Constraint::Tanh, Constraint::Ste}) {
    INFO(gatelab::to_string(c));
    auto net = gatelab::build_network(c);
    gatelab::Trainer t(net, data());
    t.set_params(gatelab::torch_initial_params(net, 0));
    const auto r = t.train({});
    CHECK(r.stopped_early);
    CHECK(r.epochs_run == r.best_epoch + 5002);
    CHECK(t.evaluate(data().test).accuracy >= 0.93);
    for (double loss : r.train_loss) REQUIRE(loss > gatelab::two_class_loss_floor);
  }
}
