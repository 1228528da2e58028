// `gatelab eval`: the text trace, DOT and JSON of the seed examples. The golden files in
// tests/golden/ were written by hand from the derivations noted in each test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;

namespace {
std::string golden(const std::string& name) { return slurp(std::string(GATELAB_GOLDEN_DIR) + "/" + name); }
}  // namespace

TEST_CASE("eval: y = x^2 + 1 at x = 2 traces 5 and dy/dx = 2x = 4") {
  const auto r = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == golden("square_plus_one.txt"));
}

TEST_CASE("eval: the cs231n circuit (x + y) z at (-2, 5, -4): add distributes, mul swaps") {
  // q = 3, f = -12; df/dq = z = -4, df/dz = q = 3, and q passes -4 unchanged to x and y.
  const auto r = run_gatelab({"eval", "q = x + y; f = q * z", "--at", "x=-2", "--at", "y=5", "--at", "z=-4"});
  CHECK(r.status == 0);
  CHECK(r.out == golden("cs231n_circuit.txt"));
}

TEST_CASE("eval: --dot writes the circuit's diagram") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab(
      {"eval", "q = x + y; f = q * z", "--at", "x=-2", "--at", "y=5", "--at", "z=-4", "--dot", dir + "/f.dot"});
  CHECK(r.status == 0);
  CHECK(slurp(dir + "/f.dot") == golden("cs231n_circuit.dot"));
}

TEST_CASE("eval: detach(x^2 + 1) + x at 2 is 7, and only the right-hand x gets a gradient") {
  const auto r = run_gatelab({"eval", "r = detach(x^2 + 1); y = r + x", "--at", "x=2"});
  CHECK(r.status == 0);
  CHECK(r.out == golden("detach_forward.txt"));
}

TEST_CASE("eval: a fully detached output is 5, and backward fails with PyTorch's reason") {
  const auto r = run_gatelab({"eval", "y = detach(x^2 + 1)", "--at", "x=2"});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("[3] y     = detach(add#4) = detach(5) = 5"));
  CHECK_THAT(r.out, Contains("backward  impossible"));
  CHECK_THAT(r.err, Contains("does not require grad"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

  const auto j = run_gatelab({"eval", "y = detach(x^2 + 1)", "--at", "x=2", "--json"});
  CHECK(j.status == 1);
  const json out = json::parse(j.out);
  CHECK(out["value"] == 5.0);
  CHECK_THAT(out["error"].get<std::string>(), Contains("does not have a grad_fn"));
  CHECK_THAT(j.err, Contains("does not require grad"));
}

TEST_CASE("eval --json: the circuit's value, gradients and nodes") {
  const auto r = run_gatelab({"eval", "q = x + y; f = q * z", "--at", "x=-2", "--at", "y=5", "--at", "z=-4", "--json"});
  REQUIRE(r.status == 0);
  CHECK(json::parse(r.out) == json::parse(golden("cs231n_circuit.json")));
}

TEST_CASE("eval --json: the staged example from a file matches cs231n's numbers") {
  const auto r =
      run_gatelab({"eval", "--file", std::string(GATELAB_STAGED_PROGRAM), "--at", "x=3", "--at", "y=-4", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["value"].get<double>() == Approx(1.5456448841).epsilon(1e-10));
  CHECK(j["grads"]["x"].get<double>() == Approx(2.0595697956).epsilon(1e-10));
  CHECK(j["grads"]["y"].get<double>() == Approx(1.5922327515).epsilon(1e-10));
}

TEST_CASE("eval --json: the sigmoid neuron, dw = [-0.19661, -0.39322, 0.19661], dx = [0.39322, -0.58984]") {
  const auto r = run_gatelab({"eval", "f = sigmoid(w0*x0 + w1*x1 + w2)", "--at", "w0=2", "--at", "w1=-3", "--at",
                              "w2=-3", "--at", "x0=-1", "--at", "x1=-2", "--json"});
  REQUIRE(r.status == 0);
  const json j = json::parse(r.out);
  CHECK(j["value"].get<double>() == Approx(0.7310586).epsilon(1e-7));
  CHECK(j["grads"]["w0"].get<double>() == Approx(-0.19661).epsilon(1e-4));
  CHECK(j["grads"]["w1"].get<double>() == Approx(-0.39322).epsilon(1e-4));
  CHECK(j["grads"]["w2"].get<double>() == Approx(0.19661).epsilon(1e-4));
  CHECK(j["grads"]["x0"].get<double>() == Approx(0.39322).epsilon(1e-4));
  CHECK(j["grads"]["x1"].get<double>() == Approx(-0.58984).epsilon(1e-4));
}

TEST_CASE("eval: nndl's f(x | w, b) at (1, 0, 0), reverse and forward mode") {
  const std::vector<std::string> program{"eval", "f = 1/(exp(-(w*x + b)) + 1)", "--at", "x=1", "--at", "w=0", "--at",
                                         "b=0"};
  auto args = program;
  args.push_back("--json");
  const auto reverse = run_gatelab(args);
  REQUIRE(reverse.status == 0);
  const json j = json::parse(reverse.out);
  CHECK(j["value"] == 0.5);
  CHECK(j["grads"]["w"] == 0.25);
  CHECK(j["grads"]["b"] == 0.25);

  args.insert(args.end(), {"--mode", "forward", "--tangent", "w=1"});
  const auto forward = run_gatelab(args);
  REQUIRE(forward.status == 0);
  CHECK(json::parse(forward.out)["jvp"] == 0.25);

  auto text_args = program;
  text_args.insert(text_args.end(), {"--mode", "forward", "--tangent", "w=1", "--tangent", "b=2"});
  const auto text = run_gatelab(text_args);
  REQUIRE(text.status == 0);
  // Along (w, b) = (1, 2): 0.25 * 1 + 0.25 * 2 = 0.75 by either mode.
  CHECK_THAT(text.out, Contains("forward mode, one pass:        0.75"));
  CHECK_THAT(text.out, Contains("reverse mode, grad · tangent:  0.25 × 1 + 0.25 × 2 = 0.75"));
  CHECK_THAT(text.out, Contains("tangent(f)"));

  // The tangent of every node can be checked: d(wx + b) along (w, b) = (1, 2) is x + 2 = 3.
  auto checked = text_args;
  checked.insert(checked.end(), {"--expect", "tangent(f)=0.75", "--expect", "tangent(z)=3"});
  checked[1] = "z = w*x + b; f = 1/(exp(-z) + 1)";
  CHECK(run_gatelab(checked).status == 0);
  checked.back() = "tangent(z)=2";
  CHECK(run_gatelab(checked).status == 1);
}

TEST_CASE("eval: a = 1, b = a + a, c = b + b gives dc/da = 4, with += marked at both forks") {
  const auto r = run_gatelab({"eval", "b = a + a; c = b + b", "--at", "a=1"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("grad(b) += 1 → 2   (+= at a fork)"));
  CHECK_THAT(r.out, Contains("grad(a) += 2 → 4   (+= at a fork)"));
}

TEST_CASE("eval: output is plain text without a terminal, and --step without one prints the listing") {
  const auto plain = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2"});
  CHECK(plain.out.find('\x1b') == std::string::npos);
  RunOptions enter_three_times;
  enter_three_times.stdin_text = "\n\n\n";
  const auto step = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--step"}, enter_three_times);
  CHECK(step.status == 0);
  CHECK(step.out == plain.out);
}

TEST_CASE("eval: help shows worked examples") {
  const auto r = run_gatelab({"eval", "--help"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("Examples:") && Contains("--expect") && Contains("--mode forward"));
  const auto top = run_gatelab({"--help"});
  CHECK(top.status == 0);
  CHECK_THAT(top.out, Contains("gatelab eval 'y = x^2 + 1' --at x=2"));
}

TEST_CASE("eval: colour on a terminal, none with NO_COLOR or --no-color") {
  RunOptions tty;
  tty.terminal = true;
  const auto coloured = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2"}, tty);
  CHECK(coloured.status == 0);
  CHECK(coloured.out.find("\x1b[") != std::string::npos);
  CHECK_THAT(coloured.out, Contains("grad(x) = 4"));

  const auto flag = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--no-color"}, tty);
  CHECK(flag.out.find('\x1b') == std::string::npos);
  tty.env = {"NO_COLOR=1"};
  const auto env = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2"}, tty);
  CHECK(env.out.find('\x1b') == std::string::npos);
  CHECK(env.out == flag.out);
}

TEST_CASE("eval --step on a terminal waits for Enter at each step / q shows the rest") {
  RunOptions tty;
  tty.terminal = true;
  tty.stdin_text = "\nq\n";  // one step, then the rest at once
  const auto r =
      run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--step", "--no-color", "--frames", make_temp_dir()}, tty);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("Enter: next step"));
  CHECK_THAT(r.out, Contains("[1] pow#2 = x ^ 2     = 2 ^ 2 = 4   frame "));
  CHECK_THAT(r.out, Contains("step-001.svg"));
  CHECK_THAT(r.out, Contains("step-002.svg"));
  CHECK(r.out.find("step-003.svg") == std::string::npos);  // after q, no more pauses
  CHECK_THAT(r.out, Contains("grad(x) = 4"));
}
