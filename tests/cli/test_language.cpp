// The language on the command line: new gates, errors that teach, arrays in --at, --expect,
// the report and --json. Expected numbers are derived by hand or from PyTorch, noted by each.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

// A bad input: exit status 2, the message, and nothing on stdout.
void bad(const std::vector<std::string>& args, const std::string& message) {
  INFO(args.at(1));
  const auto r = run_gatelab(args);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(message));
}

const std::vector<std::string> layer{
    "eval", "h = sigmoid(W1 @ x + b1); z = W2 @ h + b2; loss = -sum(y * log(softmax(z)))",
    "--at", "W1=[[0.1, -0.2], [0.4, 0.3], [-0.5, 0.2]]",
    "--at", "x=[1, 2]",
    "--at", "b1=[0.1, 0.1, -0.1]",
    "--at", "W2=[[0.3, -0.1, 0.2], [-0.4, 0.5, 0.1]]",
    "--at", "b2=[0, 0.1]",
    "--at", "y=[0, 1]"};

}  // namespace

TEST_CASE("eval: x^0 at 0 has gradient 0, as the constant 1 has") {
  const auto r = run_gatelab({"eval", "y = x^0", "--at", "x=0", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["value"] == 1.0);
  CHECK(j["grads"]["x"] == 0.0);
}

TEST_CASE("eval: x**2 + sqrt(x) at 4 is 18, with gradient 2x + 1/(2 sqrt x) = 8.25") {
  const auto r = run_gatelab({"eval", "y = x**2 + sqrt(x)", "--at", "x=4", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["value"] == 18.0);
  CHECK(j["grads"]["x"] == 8.25);
}

TEST_CASE("eval: errors that teach") {
  const auto typo = run_gatelab({"eval", "y = sigmod(x)", "--at", "x=1"});
  CHECK(typo.status == 2);
  CHECK_THAT(typo.err, Contains("unknown function 'sigmod'; did you mean sigmoid?"));
  bad({"eval", "y = 2x", "--at", "x=1"}, "write 2*x to multiply");
  bad({"eval", "y = e^x", "--at", "x=1"},
      "the input 'e' has no value: add --at e=VALUE; for e to a power, write exp(x)");
  bad({"eval", "y = xx + 1", "--at", "x=1"}, "--at x=1: the program has no input named 'x'; did you mean xx?");
  bad({"eval", "y = x + 1", "--at", "xx=1"}, "the program has no input named 'xx'; did you mean x?");
  const auto constant = run_gatelab({"eval", "x = 2; y = x^2"});
  CHECK(constant.status == 1);
  CHECK_THAT(constant.err,
             Contains("x is a constant here (x = 2, line 1): give it with --at x=2 to differentiate by it"));
}

TEST_CASE("eval: y = x reports the output as y") {
  const auto r = run_gatelab({"eval", "y = x", "--at", "x=2", "--json"});
  REQUIRE(r.status == 0);
  CHECK(json::parse(r.out)["output"] == "y");
  const auto text = run_gatelab({"eval", "y = x", "--at", "x=2"});
  CHECK_THAT(text.out, Contains("y (output)  2      1"));
}

TEST_CASE("eval: a 2-3-2 layer with arrays, its gradients as matrices in --json (PyTorch's numbers)") {
  // PyTorch 1.13, float64, run separately on the same program (tests/test_arrays.cpp has the script).
  const auto r = run_gatelab([] {
    auto a = layer;
    a.push_back("--json");
    return a;
  }());
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["value"].get<double>() == Approx(0.6026423803574766).epsilon(1e-14));
  REQUIRE(j["grads"]["W1"].size() == 3);
  CHECK(j["grads"]["W1"][0][1].get<double>() == Approx(0.15684909037285688).epsilon(1e-14));
  CHECK(j["grads"]["W2"][1][1].get<double>() == Approx(-0.3395951973649086).epsilon(1e-14));
  CHECK(j["grads"]["b2"][0].get<double>() == Approx(0.4526366187304289).epsilon(1e-14));
  CHECK(j["arrays"]["z"]["shape"] == json::array({2}));
}

TEST_CASE("eval: arrays in the report, and --expect on a whole array entry by entry") {
  // y = sum(W @ v): grad(W[i,j]) = v[j], grad(v[j]) = Σ_i W[i][j].
  const auto r =
      run_gatelab({"eval", "y = sum(W @ v)", "--at", "W=[[1, 2], [3, 4]]", "--at", "v=[1, 2]", "--expect",
                   "grad(W)=[[1, 2], [1, 2]]", "--expect", "grad(v)=[4, 6]", "--expect", "grad(W[1, 0]) = 1"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("  W = [[1, 2], [3, 4]]"));
  CHECK_THAT(r.out, Contains("W           [[1, 2], [3, 4]]  [[1, 2], [1, 2]]"));
  CHECK_THAT(r.out, Contains("grad(W[1,1]) = 2"));
  const auto wrong = run_gatelab(
      {"eval", "y = sum(W @ v)", "--at", "W=[[1, 2], [3, 4]]", "--at", "v=[1, 2]", "--expect", "grad(v)=[4, 7]"});
  CHECK(wrong.status == 1);
  CHECK_THAT(wrong.out, Contains("grad(v[1]) = 7") && Contains("MISMATCH"));
}

TEST_CASE("eval: an array output is shown, and backward asks for one number") {
  const auto r = run_gatelab({"eval", "y = [1, 2] * x", "--at", "x=3"});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("y (output)  [3, 6]"));
  CHECK_THAT(r.err, Contains("the output y is a 2-vector: backward needs one number, such as sum(y)"));
}

TEST_CASE("eval: array mistakes are one line with their place, exit status 2") {
  bad({"eval", "y = sum(v + w)", "--at", "v=[1, 2]", "--at", "w=[1, 2, 3]"},
      "line 1, column 11: cannot add a 2-vector and a 3-vector");
  bad({"eval", "y = sum(v)", "--at", "v=[[1, 2], [3]]"},
      "--at 'v=[[1, 2], [3]]': the rows of a matrix must be equally long");
  bad({"eval", "y = v[3]", "--at", "v=[1, 2, 3]"}, "line 1, column 6: index 3 is out of range");
  bad({"eval", "y = [] + x", "--at", "x=1"}, "line 1, column 5: an array needs at least one entry");
  bad({"eval", "y = sum(v)", "--at", "v=[]"}, "an array needs at least one entry");
  bad({"eval", "y = sum(v)", "--at", "v=[1, two]"}, "'two' is not a finite number");
}

TEST_CASE("eval: a program typed with a Chinese input method, and the caret under the right character") {
  const auto r = run_gatelab({"eval", "y = （x＋1）＊2", "--at", "x=1", "--json"});
  REQUIRE(r.status == 0);
  CHECK(json::parse(r.out)["value"] == 4.0);
  const auto bad = run_gatelab({"eval", "y = （x＋1）＊2 + ￥", "--at", "x＝1"});
  CHECK(bad.status == 2);
  // Before ￥: "y = " 4 cells, （x＋1）＊2 11 cells (the full-width ones take two), " + " 3.
  CHECK(bad.err ==
        "gatelab eval: line 1, column 15: U+FFE5 '￥' is not part of the language: names are written with "
        "letters, digits and _\n  y = （x＋1）＊2 + ￥\n  " +
            std::string(18, ' ') + "^\n");
}

TEST_CASE("eval: names in any script's letters, as Python's identifiers, in the trace, --at and --expect") {
  // loss = (p - 1)^2 at p = 3: the value (3 - 1)^2 = 4, the gradient 2 (3 - 1) = 4.
  const auto r = run_gatelab({"eval", "损失 = (预测 - 1)^2", "--at", "预测=3", "--json"});
  REQUIRE(r.status == 0);
  const auto j = json::parse(r.out);
  CHECK(j["value"] == 4.0);
  CHECK(j["grads"]["预测"] == 4.0);
  const auto text = run_gatelab({"eval", "损失 = (预测 - 1)^2", "--at", "预测=3", "--expect", "grad(预测)=4"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Contains("预测 = 3") && Contains("损失"));
  // Greek and accented names; a digit does not start a name.
  const auto greek = run_gatelab({"eval", "σ_1 = é * 2", "--at", "é=1.5", "--json"});
  REQUIRE(greek.status == 0);
  CHECK(json::parse(greek.out)["grads"]["é"] == 2.0);
  CHECK(run_gatelab({"eval", "y = 2预测", "--at", "预测=1"}).status == 2);
}
