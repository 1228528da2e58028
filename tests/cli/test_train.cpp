// `gatelab train`: its JSON object, its log, and its errors (short runs: the full training
// runs are in tests/test_training.cpp).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;

TEST_CASE("train --json: shapes, torch's first draws, and round leaving every parameter alone") {
  const auto r = run_gatelab({"train", "--constraint", "round", "--max-epochs", "40", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["epochs_run"] == 40);
  CHECK(j["train_loss"].size() == 40);
  CHECK(j["valid_loss"].size() == 40);
  REQUIRE(j["initial_params"].size() == 2);
  REQUIRE(j["initial_params"][0].size() == 10);    // (9 + 1) rows
  REQUIRE(j["initial_params"][0][0].size() == 5);  // of 5
  CHECK(j["initial_params"][1].size() == 6);
  CHECK(j["initial_params"][0][0][0].get<double>() == Approx(0.49625659).epsilon(1e-7));
  CHECK(j["initial_params"][0][0][1].get<double>() == Approx(0.76822180).epsilon(1e-7));
  CHECK(j["initial_params"][0][0][2].get<double>() == Approx(0.08847743).epsilon(1e-7));
  CHECK(j["final_params"] == j["initial_params"]);
  CHECK(j["never_got_gradient"].size() == 62);
  // round(0.49625659) * 0.1 = 0 and round(0.76822180) * 0.1 = 0.1
  CHECK(j["final_weights"][0][0][0] == 0.0);
  CHECK(j["final_weights"][0][0][1].get<double>() == Approx(0.1));
  for (const char* key : {"train", "valid", "test"}) {
    CHECK(j["accuracy"][key].get<double>() >= 0);
    CHECK(j["loss"][key].get<double>() > 0.31326);  // log(1 + 1/e)
  }
}

TEST_CASE("train --json: ste moves its parameters and keeps the weights on multiples of 0.1") {
  const auto r = run_gatelab({"train", "--constraint", "ste", "--max-epochs", "100", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["final_params"] != j["initial_params"]);
  CHECK(j["never_got_gradient"].empty());
  for (const auto& layer : j["final_weights"])
    for (const auto& row : layer)
      for (const auto& w : row) REQUIRE(std::fabs(w.get<double>() * 10 - std::nearbyint(w.get<double>() * 10)) < 1e-9);
}

TEST_CASE("train --json: the plain network stores weight then bias, as nn.Linear does") {
  const auto r = run_gatelab({"train", "--constraint", "none", "--max-epochs", "5", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  const json& first = j["initial_params"][0];
  REQUIRE(first["weight"].size() == 5);
  CHECK(first["weight"][0].size() == 9);
  CHECK(first["bias"].size() == 5);
  // The first draw, 0.49625659, scaled into [-1/3, 1/3].
  CHECK(first["weight"][0][0].get<double>() == Approx(0.49625659 * 2 / 3 - 1.0 / 3).epsilon(1e-6));
  // final_weights puts them in the (in + 1) x out layout the constrained layers use.
  CHECK(j["final_weights"][0].size() == 10);
}

TEST_CASE("train prints the notebook's log, the accuracies and the learned W") {
  const auto r = run_gatelab({"train", "--constraint", "tanh", "--max-epochs", "501"});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("Epoch: 0 | Train loss: 0."));
  CHECK_THAT(r.out, Contains("Epoch: 500 | Train loss: 0."));
  CHECK_THAT(r.out, Contains("Stopped after --max-epochs 501."));
  CHECK_THAT(r.out, Contains("The accuracy on train set is 0."));
  CHECK_THAT(r.out, Contains("W of layer 2  (6 x 2"));
  CHECK_THAT(r.out, Contains("never received a non-zero gradient: none"));
}

TEST_CASE("train --trace-sample shows one row's gates and draws it") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab(
      {"train", "--constraint", "ste", "--max-epochs", "3", "--trace-sample", "0", "--svg", dir + "/row.svg"});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("train row 0 with the final weights"));
  CHECK_THAT(r.out, Contains("W1[0,0]   = ste#13 * 0.1"));
  CHECK_THAT(r.out, Contains("→ W1[0,0]"));
  CHECK_THAT(r.out, Contains("seed") && Contains("grad(loss) = 1"));
  CHECK_THAT(slurp(dir + "/row.svg"), Contains("<svg"));
}

TEST_CASE("train --trace-epoch 0 traces a row with the initial weights") {
  // Row 0 is 1000025,5,...: x1 = (5 - 1)/9 = 0.444444. W1'[0,0] starts at 0.49625659, and
  // ste rounds it: W1[0,0] = round(0.49625659) * 0.1 = 0.
  const auto r =
      run_gatelab({"train", "--constraint", "ste", "--max-epochs", "5", "--trace-sample", "0", "--trace-epoch", "0"});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("train row 0 at the start of epoch 0"));
  CHECK_THAT(r.out, Contains("x1 * W1[0,0]") && Contains("= 0.444444 * 0 "));
  CHECK(run_gatelab({"train", "--constraint", "ste", "--trace-epoch", "3"}).status == 2);
}

TEST_CASE("train --loss-svg draws the loss per epoch with PLplot") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"train", "--constraint", "tanh", "--max-epochs", "30", "--loss-svg", dir + "/loss.svg"});
  REQUIRE(r.status == 0);
  const std::string svg = slurp(dir + "/loss.svg");
  CHECK_THAT(svg, Contains("<svg") && Contains("</svg>"));
  CHECK(svg.find("<polyline") != std::string::npos);
  const auto missing =
      run_gatelab({"train", "--constraint", "tanh", "--max-epochs", "3", "--loss-svg", dir + "/no/loss.svg"});
  CHECK(missing.status == 2);
  CHECK(missing.out.empty());  // checked before training starts
}

TEST_CASE("train --log-epochs draws the epoch axis on a logarithmic scale, with --loss-svg only") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab(
      {"train", "--constraint", "tanh", "--max-epochs", "20", "--loss-svg", dir + "/loss.svg", "--log-epochs"});
  REQUIRE(r.status == 0);
  CHECK_THAT(slurp(dir + "/loss.svg"), Contains("</svg>"));
  const auto alone = run_gatelab({"train", "--constraint", "tanh", "--log-epochs"});
  CHECK(alone.status == 2);
  CHECK_THAT(alone.err, Contains("--log-epochs goes with --loss-svg"));
}

TEST_CASE("train --save-weights then --init-weights continues from exactly the saved parameters") {
  const std::string dir = make_temp_dir();
  const auto first =
      run_gatelab({"train", "--constraint", "none", "--max-epochs", "20", "--save-weights", dir + "/w.json", "--json"});
  REQUIRE(first.status == 0);
  const auto again =
      run_gatelab({"train", "--constraint", "none", "--max-epochs", "1", "--init-weights", dir + "/w.json", "--json"});
  REQUIRE(again.status == 0);
  CHECK(json::parse(again.out)["initial_params"] == json::parse(first.out)["final_params"]);
  CHECK(json::parse(slurp(dir + "/w.json"))["constraint"] == "none");
}

TEST_CASE("train: bad options and bad data are one clear line") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/bad.data") << "1000025,5,1,1,1,2,1,3,1,1,2\n1002945,5,4,4,5,7,10,3,2,1,7\n";
  std::ofstream(dir + "/notjson") << "{ nope";
  std::ofstream(dir + "/short.json") << R"({"constraint": "tanh", "params": [[[1, 2]], []]})";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"train"}, "--constraint is required"},
      {{"train", "--constraint", "sigmoid"}, "--constraint 'sigmoid': expected none, tanh, tanh01, round or ste"},
      {{"train", "--constraint", "ste", "--lr", "0"}, "--lr must be a finite number > 0"},
      {{"train", "--constraint", "ste", "--init", "xavier"}, "--init 'xavier'"},
      {{"train", "--constraint", "ste", "--data", dir + "/missing.data"}, "cannot read"},
      {{"train", "--constraint", "ste", "--data", dir + "/bad.data"}, "bad.data:2: field 11: class 7"},
      {{"train", "--constraint", "ste", "--trace-sample", "411"}, "the train set has rows 0 to 410"},
      {{"train", "--constraint", "ste", "--svg", dir + "/x.svg"},
       "--dot, --svg, --pdf and --html draw the row chosen with --trace-sample"},
      {{"train", "--constraint", "ste", "--trace-sample", "0", "--svg", dir + "/no/x.svg"}, "does not exist"},
      {{"train", "--constraint", "tanh", "--init-weights", dir + "/notjson"}, "notjson: not JSON"},
      {{"train", "--constraint", "tanh", "--init-weights", dir + "/short.json"},
       "short.json: layer 1: expected 10 rows of 5"},
      {{"train", "--constraint", "ste", "--init-weights", dir + "/short.json"}, "saved for --constraint tanh, not ste"},
  };
  for (const auto& [args, message] : cases) {
    INFO(message);
    const auto r = run_gatelab(args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains(message));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}
