// `gatelab eval`: --expect, --gradcheck, diagram files, and every kind of bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <dirent.h>

#include <algorithm>
#include <fstream>

#include "bad_input.hpp"
#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;

namespace {

const std::vector<std::string> staged{"eval", "--file", std::string(GATELAB_STAGED_PROGRAM), "--at", "x=3",
                                      "--at", "y=-4"};

std::vector<std::string> with(std::vector<std::string> base, std::initializer_list<std::string> more) {
  base.insert(base.end(), more);
  return base;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d))
      if (e->d_name[0] != '.') names.push_back(e->d_name);
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("eval --expect: a hand derivation that matches, to the precision written") {
  const auto r = run_gatelab(with(staged, {"--expect", "f=1.5456", "--expect", "grad(x)=2.0596", "--expect",
                                           "grad(y)=1.59223", "--expect", "sigy=0.018"}));
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("f = 1.5456 ± 5e-05"));
  CHECK(r.out.find("MISMATCH") == std::string::npos);
  std::size_t matches = 0;
  for (auto at = r.out.find("  match\n"); at != std::string::npos; at = r.out.find("  match\n", at + 1)) ++matches;
  CHECK(matches == 4);
}

TEST_CASE("eval --expect: a mismatch names the traced value and the difference, and fails") {
  // sigmoid(-4) = 0.0179862, so 0.019 is off by -0.0010138: outside 0.019 ± 0.0005 (and
  // outside 1 % of 0.0179862, the ± 0.000179862 shown).
  const auto r = run_gatelab(with(staged, {"--expect", "sigy=0.019", "--expect", "f=1.5456"}));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("sigy = 0.019 ± 0.000179862  0.0179862  -0.00101379  MISMATCH"));
  CHECK_THAT(r.out, Contains("match"));

  const auto j = run_gatelab(with(staged, {"--expect", "sigy=0.019", "--json"}));
  CHECK(j.status == 1);
  const json out = json::parse(j.out);
  CHECK(out["expectations"][0]["match"] == false);
  CHECK(out["expectations"][0]["traced"].get<double>() == Approx(0.0179862099620915));
}

TEST_CASE("eval --expect: a wrong hand derivation gets its likely mistake, with numbers, in text and JSON") {
  // At x = 3, y = -4, grad(x) = 2.05957 is the sum of three messages: through xpy 1.58319,
  // through sigx -0.0357615 and through num 0.512144 (1/den). 1.5832 is the first alone.
  const auto r = run_gatelab(with(staged, {"--expect", "grad(x)=1.5832"}));
  CHECK(r.status == 1);
  // ± three half units of the last digit: a sum of three branches, each of which may be rounded.
  CHECK_THAT(r.out, Contains("grad(x) = 1.5832 ± 0.00015  2.05957  0.47637     MISMATCH"));
  CHECK_THAT(
      r.out,
      Contains("grad(x): 1.5832 is the gradient through xpy (+1.58319) alone; the branches through sigx (-0.0357615) "
               "and num (+0.512144) are missing: at a fork the gradients add up; grad(x) = 1.58319 + (-0.0357615) + "
               "0.512144 = 2.05957"));
  const auto j = run_gatelab(with(staged, {"--expect", "grad(x)=1.5832", "--expect", "f=1.5456", "--json"}));
  CHECK(j.status == 1);
  const json out = json::parse(j.out);
  CHECK(out["expectations"][0]["diagnosis"]["kind"] == "missing_branches");
  CHECK_THAT(out["expectations"][0]["diagnosis"]["text"].get<std::string>(), Contains("xpy (+1.58319) alone"));
  CHECK(out["expectations"][0]["written"] == "1.5832");
  CHECK(out["expectations"][1]["result"] == "match");
  CHECK_FALSE(out["expectations"][1].contains("diagnosis"));
}

TEST_CASE("eval --expect: right to the digits typed but more than 1 % off asks for more digits") {
  // grad(x) = 2.05957: 2.1 is 2.0 % off, f = 1.54564: 1.5 is 3.0 % off; 2.06 is 0.02 % off.
  const auto r =
      run_gatelab(with(staged, {"--expect", "grad(x)=2.1", "--expect", "f=1.5", "--expect", "grad(x)=2.06"}));
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("grad(x) = 2.1 ± 0.0205957") && Contains("-0.0404302    too few digits"));
  CHECK_THAT(r.out, Contains("grad(x): right to 2 significant digits; give more digits; grad(x) is 2.05957"));
  CHECK_THAT(r.out, Contains("f = 1.5 ± 0.0154564"));
  CHECK_THAT(r.out, Contains("grad(x) = 2.06 ± 0.015"));
  CHECK(run_gatelab(with(staged, {"--expect", "grad(x)=2.06"})).status == 0);
  // With --tol the learner asks for a wider check, and gets it.
  CHECK(run_gatelab(with(staged, {"--expect", "grad(x)=2.1", "--tol", "0.05"})).status == 0);
}

TEST_CASE("eval --expect with --tol checks every expectation to that tolerance") {
  CHECK(run_gatelab(with(staged, {"--expect", "sigy=0.02", "--tol", "0.001"})).status == 1);
  CHECK(run_gatelab(with(staged, {"--expect", "sigy=0.02", "--tol", "0.01"})).status == 0);
  CHECK(run_gatelab(with(staged, {"--expect", "grad(x)=2", "--tol", "0.1"})).status == 0);
}

TEST_CASE("eval --gradcheck: matches on smooth programs, names kinks and detach") {
  const auto smooth = run_gatelab(with(staged, {"--gradcheck"}));
  CHECK(smooth.status == 0);
  CHECK_THAT(smooth.out, Contains("gradient check"));
  CHECK(smooth.out.find("MISMATCH") == std::string::npos);

  const auto kink = run_gatelab({"eval", "r = relu(x); y = r * 3", "--at", "x=0", "--gradcheck"});
  CHECK(kink.status == 0);
  CHECK_THAT(kink.out, Contains("kink: r switches branch"));

  const auto detached = run_gatelab({"eval", "d = detach(x^2 + 1); y = d + x", "--at", "x=2", "--gradcheck", "--json"});
  CHECK(detached.status == 0);
  const json j = json::parse(detached.out);
  CHECK(j["gradcheck"][0]["status"] == "surrogate");
  CHECK(j["gradcheck"][0]["gate"] == "d");
  CHECK(j["gradcheck"][0]["numeric"].get<double>() == Approx(5));  // 2x + 1 at 2
}

TEST_CASE("eval --svg and --frames: Graphviz renders the graph and one frame per step") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"eval", "y = x^2 + 1", "--at", "x=2", "--svg", dir + "/y.svg", "--frames", dir});
  REQUIRE(r.status == 0);
  const std::string svg = slurp(dir + "/y.svg");
  CHECK_THAT(svg, StartsWith("<?xml"));
  CHECK_THAT(svg, Contains("<svg") && Contains("grad 4"));
  // Two forward steps, a seed and two messages: five frames, each as DOT and SVG.
  const std::vector<std::string> expected{"step-001.dot", "step-001.svg", "step-002.dot", "step-002.svg",
                                          "step-003.dot", "step-003.svg", "step-004.dot", "step-004.svg",
                                          "step-005.dot", "step-005.svg", "y.svg"};
  CHECK(files_in(dir) == expected);
  CHECK_THAT(slurp(dir + "/step-001.dot"), Contains("= ?"));  // y is not computed at step 1
  CHECK_THAT(slurp(dir + "/step-005.svg"), Contains("step 5 of 5"));
}

TEST_CASE("eval: syntax errors show line, column and a caret") {
  const auto r = run_gatelab({"eval", "a = 1\ny = (a + 2", "--at", "x=1"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "gatelab eval: line 2, column 5: this '(' is never closed: expected ')' before the end of the program\n"
        "  y = (a + 2\n"
        "      ^\n");
}

TEST_CASE("eval: every kind of bad input is one clear line and exit status 2") {
  check_bad_input({"eval", "y = x + 1)", "--at", "x=1"}, "line 1, column 10: ')' has no matching '('", 3);
  check_bad_input({"eval", "y = sinh(x)", "--at", "x=1"}, "unknown function 'sinh'", 3);
  check_bad_input({"eval", "y = max(x)", "--at", "x=1"}, "max takes 2 arguments, but 1 was given", 3);
  check_bad_input({"eval", "y = x + z", "--at", "x=1"},
                  "line 1, column 9: the input 'z' has no value: add --at z=VALUE");
  check_bad_input({"eval", "y = x", "--at", "x"}, "--at 'x': expected NAME=VALUE");
  check_bad_input({"eval", "y = x", "--at", "x=two"}, "'two' is not a finite number");
  check_bad_input({"eval", "y = x", "--at", "q=1"}, "the program has no input named 'q'");
  check_bad_input({"eval", "d = 1 / x", "--at", "x=0"}, "line 1, column 7: gate 'd' fails with division by zero");
  check_bad_input({"eval", "y = log(x)", "--at", "x=-1"}, "log of a non-positive number: log(-1) = nan");
  check_bad_input({"eval", "y = exp(x)", "--at", "x=1000"}, "overflow");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--frobnicate"}, "unrecognised option '--frobnicate'");
  check_bad_input({"evaluate", "y = x"}, "unknown command 'evaluate'");
  check_bad_input({"eval", "--file", "/no/such/program.gl"}, "cannot read '/no/such/program.gl'");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--expect", "grad x = 1"},
                  "expected NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--expect", "tangent(y)=1"}, "a tangent needs forward mode");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--expect", "grad(q)=1"}, "no value named 'q'");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--mode", "sideways"}, "--mode 'sideways'");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--mode", "forward"}, "needs a direction");
  check_bad_input({"eval"}, "give the program as an argument or with --file");
}

TEST_CASE("eval: an unwritable output leaves no file behind") {
  const std::string dir = make_temp_dir();
  check_bad_input({"eval", "y = x", "--at", "x=1", "--svg", dir + "/missing/y.svg"}, "does not exist");
  std::ofstream(dir + "/file.txt") << "not a directory";
  check_bad_input({"eval", "y = x", "--at", "x=1", "--frames", dir + "/file.txt/frames"},
                  "'" + dir + "/file.txt' is not a directory");
  check_bad_input({"eval", "y = x", "--at", "x=1", "--dot", dir}, "it is a directory");
  // A failing program writes nothing either, even where the path is fine.
  check_bad_input(
      {"eval", "y = 1 / x", "--at", "x=0", "--svg", dir + "/y.svg", "--dot", dir + "/y.dot", "--frames", dir + "/new"},
      "division by zero");
  CHECK(files_in(dir) == std::vector<std::string>{"file.txt"});
}

TEST_CASE("eval --frames makes a missing directory, with its parents, and writes the frames and --svg") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"eval", "x*x", "--at", "x=1", "--frames", "new/dir", "--svg", "y.svg"}, {.cwd = dir});
  REQUIRE(r.status == 0);
  // x*x at 1: one forward step, the seed, and a message along each of mul's two edges.
  CHECK(files_in(dir + "/new/dir") == std::vector<std::string>{"step-001.dot", "step-001.svg", "step-002.dot",
                                                               "step-002.svg", "step-003.dot", "step-003.svg",
                                                               "step-004.dot", "step-004.svg"});
  CHECK_THAT(slurp(dir + "/y.svg"), Contains("<svg"));
}

TEST_CASE("eval: a failed write is an error, not a silent success") {
  const auto r = run_gatelab({"eval", "x*x", "--at", "x=1", "--svg", "/dev/full"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "gatelab eval: cannot write '/dev/full': No space left on device\n");
}

TEST_CASE("eval: deep nesting from a file does not crash") {
  const std::string dir = make_temp_dir();
  std::string program = "y = " + std::string(10000, '(') + "x";
  for (int i = 0; i < 10000; ++i) program += " + 1)";
  std::ofstream(dir + "/deep.gl") << program;
  const auto r = run_gatelab({"eval", "--file", dir + "/deep.gl", "--at", "x=0.5", "--json"});
  REQUIRE(r.status == 0);
  CHECK(json::parse(r.out)["value"] == 10000.5);
}
