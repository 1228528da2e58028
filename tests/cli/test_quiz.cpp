// `gatelab quiz` and `--step --predict`, answered through standard input as a learner would
// (and once on a terminal). The circuit q = x + y, f = q * z at (-2, 5, -4): q = 3, f = -12,
// grad(q) = z = -4, grad(z) = q = 3, and add passes -4 on to x and y.
#include <catch2/catch.hpp>

#include <algorithm>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

namespace {

const std::vector<std::string> circuit{
    "quiz", "q = x + y; f = q * z", "--at", "x=-2", "--at", "y=5", "--at", "z=-4", "--no-color"};

RunOptions answers(const std::string& text) {
  RunOptions o;
  o.stdin_text = text;
  return o;
}

std::vector<std::string> with_ask(std::vector<std::string> args, const std::string& ask) {
  args.insert(args.end(), {"--ask", ask});
  return args;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("quiz: every answer right, through a pipe") {
  const auto r = run_gatelab(circuit, answers("3\n-12\n-4\n3\n-4\n-4\n"));
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("[1] q = x + y = -2 + 5 = ? 3\n    ✓ right"));
  CHECK_THAT(r.out, Contains("[2] f = q * z = 3 * (-4) = ? -12"));
  CHECK_THAT(r.out, Contains("[4] f → q   grad(q) = ? -4"));
  CHECK_THAT(r.out, Contains("[7] q → y   grad(y) = ? -4"));
  CHECK(count(r.out, "✓ right") == 6);
  CHECK_THAT(r.out, Contains("score: 6/6"));
  CHECK(r.out.find("missed") == std::string::npos);
}

TEST_CASE("quiz: a wrong answer gets its diagnosis and the right value at once, and the score lists it") {
  const auto r = run_gatelab(circuit, answers("3\n-12\n-4\n3\n4\n-4\n"));
  CHECK(r.status == 1);
  // 4 for -4: the partial df/dq = z = -4 taken as 4.
  CHECK_THAT(r.out,
             Contains("[6] q → x   grad(x) = ? 4\n    ✗ 4 has the wrong sign: the local partial df/dq is -4, not "
                      "4; grad(x) is -4\n      q → x   -4 × 1 = -4   grad(x) = -4"));
  CHECK_THAT(r.out, Contains("score: 5/6\nmissed: [6] grad(x)"));
}

TEST_CASE("quiz: ? shows the gate's rule, s skips, and a word is asked again") {
  const auto r = run_gatelab(circuit, answers("?\n3\nthree\n-12\n?\n-4\ns\n-4\n-4\n"));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("hint: q = x + y (add: a + b)"));
  CHECK_THAT(r.out, Contains("'three' is not a number: type a number, ? for a hint, s to skip, q to stop"));
  CHECK(count(r.out, "[2] f = q * z = 3 * (-4) = ?") == 2);  // asked again after the word
  // mul's partial for its input a is b: here z = -4.
  CHECK_THAT(r.out, Contains("hint: f = q * z (mul: d/da = b): the message is grad(f) × df/dq"));
  CHECK_THAT(r.out, Contains("skipped: f → z   1 × 3 = 3   grad(z) = 3"));
  CHECK_THAT(r.out, Contains("score: 5/6\nmissed: [5] grad(z)"));
}

TEST_CASE("quiz: the end of the input midway prints the score so far and fails") {
  const auto r = run_gatelab(circuit, answers("3\n-12\n"));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("score: 2/2  (4 questions not asked)"));
}

TEST_CASE("quiz: --ask grads asks the messages only, and --ask values the values only") {
  const auto grads = run_gatelab(with_ask(circuit, "grads"), answers("-4\n3\n-4\n-4\n"));
  CHECK(grads.status == 0);
  CHECK(grads.out.find("[1] q") == std::string::npos);
  CHECK_THAT(grads.out, Contains("score: 4/4"));
  const auto values = run_gatelab(with_ask(circuit, "values"), answers("3\n-12\n"));
  CHECK(values.status == 0);
  CHECK_THAT(values.out, Contains("score: 2/2"));
}

TEST_CASE("quiz on a lesson block: the staged example's values") {
  // By hand: σ(-4) = 0.0179862, num = 3.0179862, σ(3) = 0.9525741, xpy = -1, xpy^2 = 1,
  // den = 1.9525741, 1/den = 0.5121444, f = num/den = 1.5456449.
  const auto r = run_gatelab({"quiz", "--lesson", "staged-backprop", "--block", "1", "--ask", "values", "--no-color"},
                             answers("0.0179862\n3.0179862\n0.9525741\n-1\n1\n1.9525741\n0.5121444\n1.5456449\n"));
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("── block 1 (staged)"));
  CHECK_THAT(r.out, Contains("score: 8/8"));
}

TEST_CASE("quiz: bad input is one line and exit status 2") {
  auto bad = [](const std::vector<std::string>& args, const std::string& message) {
    const auto r = run_gatelab(args);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains(message));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  bad(with_ask(circuit, "sideways"), "--ask 'sideways': expected values, grads or both");
  bad({"quiz"}, "give one program: as an argument, with --file or with --lesson");
  bad({"quiz", "--lesson", "detach", "--block", "9"}, "--block 9: lesson detach has blocks 1 to 4");
  bad({"quiz", "y = x", "--at", "x=1", "--block", "1"}, "--block goes with --lesson");
  bad({"quiz", "y = x", "--at", "q=1"}, "the program has no input named 'q'");
}

TEST_CASE("quiz on a terminal: prompts, typed answers and the score") {
  RunOptions tty;
  tty.terminal = true;
  tty.stdin_text = "3\n-12\n-4\n3\n-4\n-4\n";
  const auto r = run_gatelab(circuit, tty);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("[1] q = x + y = -2 + 5 = ?"));
  CHECK_THAT(r.out, Contains("score: 6/6"));
}

TEST_CASE("eval --step --predict: each number typed before its line is shown") {
  // y = x^2 + 1 at 2: x^2 = 4, y = 5; grad(pow) = 1, grad(x) = 2x = 4.
  const auto r =
      run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--step", "--predict", "--no-color"}, answers("4\n5\n1\n2\n"));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("[1] pow#2 = x ^ 2 = 2 ^ 2 = ? 4\n    ✓ right\n  [1] pow#2 = x ^ 2     = 2 ^ 2 = 4"));
  // Answering 2 for grad(x) = 2x = 4: the 2 of d(x^2) = 2x dropped.
  CHECK_THAT(r.out, Contains("[5] pow#2 → x   grad(x) = ? 2\n    ✗ 2 drops the exponent brought down in dpow#2/dx: "
                             "d(u^n)/du = n · u^(n-1), here 4, not 2; grad(x) is 4"));
  CHECK_THAT(r.out, Contains("score: 3/4\nmissed: [5] grad(x)"));
  CHECK_THAT(r.out, Contains("summary"));
  const auto bad = run_gatelab({"eval", "y = x", "--at", "x=1", "--predict"});
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Contains("--predict goes with --step"));
}

TEST_CASE("lesson --step --predict: the blocks' numbers typed in turn, and q shows the rest") {
  const auto r = run_gatelab({"lesson", "detach", "--step", "--predict", "--no-color"}, answers("4\n5\nq\n"));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("✓ right"));
  CHECK_THAT(r.out, Contains("score: 2/2"));
  CHECK_THAT(r.out, Contains("questions not asked"));
  CHECK_THAT(r.out, Contains("── block 3"));  // the rest is shown at once
}
