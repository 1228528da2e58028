// `gatelab lessons`, `gatelab lesson NAME` and `gatelab check`, on the shipped lessons and
// on small lesson files written here (a passing one, a failing one, a broken one).
#include <catch2/catch.hpp>

#include <dirent.h>

#include <fstream>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

namespace {

const char* const good = R"(---
title: Tiny
summary: a passing lesson
---
Prose before.

```gatelab
#| name: square
#| at: x = 3
#| expect: y = 9, grad(x) = 6
y = x^2
```

Prose after.
)";

const char* const wrong = R"(---
title: Wrong
summary: a lesson whose author got a derivative wrong
---
```gatelab
#| at: x = 3
#| expect: y = 9
#| expect: grad(x) = 3
y = x^2
```
)";

const char* const broken = R"(---
title: Broken
summary: a lesson with a directive gatelab does not know
---
```gatelab
#| at: x = 3
#| expectation: y = 9
y = x^2
```
)";

std::string lesson_dir() {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/01-tiny.md") << good;
  return dir;
}

RunOptions in(const std::string& dir) {
  RunOptions o;
  o.env = {"GATELAB_LESSONS=" + dir};
  return o;
}

}  // namespace

TEST_CASE("lessons lists every shipped lesson with its title, in order, within 80 columns") {
  const auto r = run_gatelab({"lessons"});
  REQUIRE(r.status == 0);
  const std::vector<std::string> names{"gates",
                                       "sigmoid-neuron",
                                       "staged-backprop",
                                       "gradient-accumulation",
                                       "autodiff-modes",
                                       "symbolic-differentiation",
                                       "static-dynamic-graphs",
                                       "detach",
                                       "gradient-descent",
                                       "convexity",
                                       "learning-rate",
                                       "straight-through",
                                       "activations",
                                       "bias-shift",
                                       "vanishing-gradients",
                                       "matrix-gradients",
                                       "feedforward-network",
                                       "cross-entropy-regularisation",
                                       "error-terms",
                                       "relaxations",
                                       "constraints",
                                       "constrained-networks"};
  std::size_t at = 0;
  for (const auto& name : names) {
    INFO(name);
    const auto found = r.out.find("  " + name + " ", at);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  CHECK_THAT(r.out, Contains("Detach — keeping a value, dropping its gradient"));
}

TEST_CASE("check passes every shipped lesson") {
  const auto r = run_gatelab({"check"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("lessons: 22 passed, 0 failed"));
}

TEST_CASE("lesson prints the prose and runs each block with its trace") {
  const auto r = run_gatelab({"lesson", "detach"});
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("Every gate does two jobs"));
  CHECK_THAT(r.out, Contains("── block 2 (fully-detached)"));
  CHECK_THAT(r.out, Contains("[5] pow#2 → x   1 × 4 = 4   grad(x) = 4"));
  CHECK_THAT(r.out, Contains("backward  impossible: cannot run backward from 'y'"));
  // Block 2's table has one row, y = 5; its second check is the backward error it expects.
  CHECK_THAT(r.out, Contains("✓ 2 checks passed: 1 in the expectations table, backward fails as expected"));
  CHECK_THAT(r.out, Contains("kink") || Contains("surrogate"));
}

TEST_CASE("a teacher's lesson file runs without recompiling, by folder or by path") {
  const std::string dir = lesson_dir();
  const auto listed = run_gatelab({"lessons"}, in(dir));
  CHECK(listed.out == "  tiny  Tiny\n");
  const auto by_name = run_gatelab({"lesson", "tiny"}, in(dir));
  CHECK(by_name.status == 0);
  CHECK_THAT(by_name.out, Contains("Prose before.") && Contains("Prose after.") && Contains("✓ 2 checks passed"));
  const auto by_path = run_gatelab({"check", dir + "/01-tiny.md"});
  CHECK(by_path.status == 0);
  CHECK_THAT(by_path.out, Contains("PASS  tiny  2 checks in 1 block"));
}

TEST_CASE("a failing expectation names the file, line, block, value, expected and traced") {
  const std::string dir = lesson_dir();
  std::ofstream(dir + "/02-wrong.md") << wrong;
  const auto r = run_gatelab({"check"}, in(dir));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("PASS  tiny"));
  CHECK_THAT(r.out, Contains("FAIL  wrong"));
  // d(x^2)/dx at 3 is 2x = 6, not 3 (2x without its 2). 3 means 3 ± 0.5, but at most 1 % of 6 off.
  CHECK_THAT(r.out, Contains("02-wrong.md:8: block 1: grad(x): expected 3 ± 0.06, traced 6 (difference 3): "
                             "3 drops the exponent brought down in dy/dx: d(u^n)/du = n · u^(n-1), here 6, not 3; "
                             "grad(x) is 6"));
  CHECK_THAT(r.out, Contains("lessons: 1 passed, 1 failed"));
  const auto lesson = run_gatelab({"lesson", "wrong"}, in(dir));
  CHECK(lesson.status == 1);
  CHECK_THAT(lesson.out, Contains("FAILED"));
}

TEST_CASE("a broken lesson is reported, not crashed on") {
  const std::string dir = lesson_dir();
  std::ofstream(dir + "/03-broken.md") << broken;
  const auto r = run_gatelab({"check"}, in(dir));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("FAIL  broken") && Contains("03-broken.md:7: unknown directive 'expectation'"));
  const auto lesson = run_gatelab({"lesson", "broken"}, in(dir));
  CHECK(lesson.status == 2);
  CHECK_THAT(lesson.err, Contains("unknown directive 'expectation'"));
  CHECK(std::count(lesson.err.begin(), lesson.err.end(), '\n') == 1);
}

TEST_CASE("lesson errors: unknown lesson, missing folder, an svg folder inside a file") {
  const auto unknown = run_gatelab({"lesson", "detatch"});
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Contains("no lesson named 'detatch'") && Contains("detach"));
  const auto missing = run_gatelab({"lessons"}, in("/no/such/folder"));
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Contains("'/no/such/folder' does not exist"));
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/file") << "not a folder\n";
  const auto svg = run_gatelab({"lesson", "detach", "--svg-dir", dir + "/file/svg"});
  CHECK(svg.status == 2);
  CHECK(svg.out.empty());
  CHECK_THAT(svg.err, Contains("is not a directory"));
}

TEST_CASE("lesson --svg-dir draws every block") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"lesson", "gates", "--svg-dir", dir});
  REQUIRE(r.status == 0);
  // gatelab draws the SVG itself from Graphviz's layout, and writes a minus sign as itself.
  CHECK_THAT(slurp(dir + "/gates-1-add-mul.svg"), Contains("<svg") && Contains("grad -4"));
  CHECK_THAT(slurp(dir + "/gates-2-max-circuit.svg"), Contains("<svg") && Contains("= -20"));
}

TEST_CASE("lesson --step on a terminal pauses at each trace step of each block") {
  const std::string dir = lesson_dir();
  RunOptions tty = in(dir);
  tty.terminal = true;
  tty.stdin_text = "\nq\n";  // one step, then the rest of the block at once
  const auto r = run_gatelab({"lesson", "tiny", "--step", "--no-color"}, tty);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("Enter: next step"));
  CHECK_THAT(r.out, Contains("[1] y = x ^ 2 = 3 ^ 2 = 9"));
  CHECK_THAT(r.out, Contains("grad(x) = 6") && Contains("✓ 2 checks passed") && Contains("Prose after."));
}

TEST_CASE("lesson --svg-dir draws each plot, and --html shows it in the page") {
  const std::string dir = make_temp_dir();
  // Under AddressSanitizer this also holds Graphviz to one context per process: a second
  // context read a font name the first one had freed (files/graphviz.cpp).
  const auto r = run_gatelab({"lesson", "activations", "--svg-dir", dir, "--html", dir + "/a.html", "--no-color"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("  plot: " + dir + "/activations-2-tanh-plot-1.svg"));
  CHECK_THAT(slurp(dir + "/activations-2-tanh-plot-1.svg"), Contains("<svg") && Contains("</svg>"));
  CHECK_THAT(slurp(dir + "/a.html"), Contains("<figure class=\"chart\"><svg"));
}
