// run/: values read once from text into numbers, and a program evaluated with them.
#include <catch2/catch.hpp>

#include "../error_text.hpp"
#include "run/evaluation.hpp"
#include "run/parse_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

EvalRequest request(std::string text, Bindings at, std::string file = {}) {
  EvalRequest r;
  r.text = std::move(text);
  r.at = std::move(at);
  r.source.file = std::move(file);
  return r;
}

}  // namespace

TEST_CASE("numbers: decimal, with a sign or an exponent, finite, nothing else") {
  CHECK(parse_number(" 2 ") == 2.0);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("-0.5") == -0.5);
  CHECK(parse_number("1e-3") == 1e-3);
  CHECK(parse_number("1.23456789") == 1.23456789);
  CHECK_FALSE(parse_number("two"));
  CHECK_FALSE(parse_number("1e999"));  // overflows to inf
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("2x"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("++1"));
}

TEST_CASE("bindings: NAME=VALUE into a name and a double, each name once") {
  const Binding b = parse_binding(" x = 0.1 ");
  CHECK(b.name == "x");
  CHECK(b.value == 0.1);
  CHECK(error_text([] { parse_binding("x"); }) == "expected NAME=VALUE, as in x=2");
  CHECK(error_text([] { parse_binding("=2"); }) == "expected NAME=VALUE, as in x=2");
  CHECK(error_text([] { parse_binding("x=two"); }) == "'two' is not a finite number");
  Bindings all;
  add_binding(all, parse_binding("x=1"));
  CHECK(error_text([&] { add_binding(all, parse_binding("x=2")); }) == "'x' has a value already");
  REQUIRE(find_binding(all, "x"));
  CHECK(find_binding(all, "x")->value == 1);
  CHECK_FALSE(find_binding(all, "y"));
}

TEST_CASE("lists and NAME = VALUE pairs are trimmed") {
  CHECK(split_list("a, b,,c ") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split_list("") == std::vector<std::string>{});
  const auto pair = split_name_value(" T = 1, 0.5 ");
  REQUIRE(pair);
  CHECK(pair->name == "T");
  CHECK(pair->value == "1, 0.5");
  CHECK_FALSE(split_name_value("no equals sign"));
}

TEST_CASE("expectations: the number as written, its precision and digits, and --tol replacing the rule") {
  const Expectation f = parse_expectation("f = 1.5456");
  CHECK(f.written == "1.5456");
  CHECK(f.answer.written_precision == Approx(5e-5));
  CHECK(f.answer.significant_digits == 5);
  CHECK_FALSE(f.answer.tolerance);
  CHECK(parse_expectation("f=0.2").answer.written_precision == Approx(0.05));
  CHECK(parse_expectation("f=3.4835e-05").answer.written_precision == Approx(5e-10));
  CHECK(parse_expectation("f=3.4835e-05").answer.significant_digits == 5);
  CHECK(parse_expectation("f=0.0179").answer.significant_digits == 3);
  CHECK(parse_expectation("f=2").answer.written_precision == 0.5);  // one rule for whole numbers and decimals
  CHECK(parse_expectation("f=-120").answer.significant_digits == 3);
  CHECK(parse_expectation("f=2", 0.1).answer.tolerance == 0.1);
  const Expectation g = parse_expectation(" grad( x ) = -4 ");
  CHECK(g.kind == Expectation::Kind::Grad);
  CHECK(g.name == "x");
  CHECK(g.expected() == -4);
  CHECK(g.subject() == "grad(x)");
  CHECK(parse_expectation("tangent(f)=0.25").kind == Expectation::Kind::Tangent);
  CHECK_THAT(error_text([] { parse_expectation("grad x = 1"); }), Contains("expected NAME=VALUE, grad(NAME)=VALUE"));
  CHECK(error_text([] { parse_expectation("f=abc"); }) == "'abc' is not a number");
  // 3 means 3 ± 0.5, but never more than 1 % of the traced 6 away: ± 0.06.
  CHECK(mismatch_text(parse_expectation("grad(x)=3"), Truth{6}) ==
        "grad(x): expected 3 ± 0.06, traced 6 (difference 3)");
  // Read by lib's read_answer: fractions are exact, full-width and − are signs, none is no gradient.
  CHECK(mismatch_text(parse_expectation("grad(x)=1/4"), Truth{0.3}) ==
        "grad(x): expected 1/4, traced 0.3 (difference 0.05)");
  CHECK(parse_expectation("grad(x)=－１２").expected() == -12);
  CHECK(parse_expectation("grad(x)=−3/2").expected() == -1.5);
  CHECK(mismatch_text(parse_expectation("grad(r)=0"), Truth{}) == "grad(r): expected 0, but there is no gradient");
  CHECK(mismatch_text(parse_expectation("grad(x)=none"), Truth{1}) == "grad(x): expected no gradient, traced 1");
}

TEST_CASE("locations: FILE:LINE:COLUMN in a file, 'line L, column C' on the command line") {
  CHECK(Location{"a.md", 12, 0}.text() == "a.md:12");
  CHECK(Location{"a.gl", 3, 9}.text() == "a.gl:3:9");
  CHECK(Location{"a.gl", 0, 0}.text() == "a.gl");
  CHECK(Location{"", 1, 9}.text() == "line 1, column 9");
  CHECK(located({"a.md", 2, 0}, "no") == "a.md:2: no");
  CHECK(located({}, "no") == "no");
  CHECK(Source{"a.md", 20}.at({2, 5}).text() == "a.md:21:5");
}

TEST_CASE("evaluate: typed bindings in, values, gradients and checks out") {
  EvalRequest circuit = request("q = x + y; f = q * z", {{"x", -2, ""}, {"y", 5, ""}, {"z", -4, ""}});
  circuit.expectations = {parse_expectation("grad(x)=-4"), parse_expectation("f=-11")};
  const EvalResult r = evaluate(circuit);
  const Graph& g = r.program.graph;
  CHECK(g.value(r.program.output) == -12);
  CHECK(g.grad(g.find("x")) == -4);
  CHECK(g.grad(g.find("z")) == 3);  // df/dz = q = 3
  REQUIRE(r.expectations.size() == 2);
  CHECK(r.expectations[0].match());
  CHECK_FALSE(r.expectations[1].match());
  CHECK(r.expectations[1].difference == -1);
  CHECK_FALSE(all_passed(r));
  CHECK(r.trace.size() == 7);  // two gates, a seed and four messages
}

TEST_CASE("evaluate: forward mode, the gradient check and an impossible backward") {
  EvalRequest forward = request("y = x * x", {{"x", 3, ""}});
  forward.tangents = {{"x", 1, ""}};
  const EvalResult f = evaluate(forward);
  CHECK(f.jvp == 6);  // d(x^2)/dx = 2x at 3
  EvalRequest check = request("y = relu(x) * 3", {{"x", 0, ""}});
  check.gradcheck = true;
  const EvalResult c = evaluate(check);
  REQUIRE(c.gradcheck);
  CHECK(c.gradcheck->inputs.at(0).status == CheckStatus::Kink);
  const EvalResult d = evaluate(request("y = detach(x)", {{"x", 1, ""}}));
  REQUIRE(d.backward_error);
  CHECK_THAT(d.backward_error->message, Contains("does not require grad"));
  CHECK(d.backward_error->kind == ErrorKind::no_grad);
  CHECK_FALSE(all_passed(d));
}

TEST_CASE("evaluate: errors say where, in the request's own words") {
  CHECK(error_text([] {
          evaluate(request("y = x + z", {{"x", 1, ""}}));
        }) == "line 1, column 9: the input 'z' has no value: add --at z=VALUE");
  CHECK(error_text([] {
          evaluate(request("y = x", {{"q", 1, "--at q=1"}}));
        }) == "--at q=1: the program has no input named 'q' (its inputs: x)");
  CHECK(error_text([] {
          evaluate(request("d = 1 / x", {{"x", 0, ""}}, "p.gl"));
        }) == "p.gl:1:7: gate 'd' fails with division by zero: div(1, 0) = inf");
  EvalRequest no_name = request("y = x", {{"x", 1, ""}});
  no_name.expectations = {parse_expectation("grad(q)=1")};
  no_name.expectations[0].origin = "--expect 'grad(q)=1'";
  CHECK(error_text([&] { evaluate(no_name); }) == "--expect 'grad(q)=1': the program has no value named 'q'");
  try {
    EvalRequest syntax = request("y = (x + 1", {});
    syntax.source = {"lesson.md", 10};
    evaluate(syntax);
    FAIL("no syntax error");
  } catch (const ProgramError& e) {
    CHECK(std::string(e.what()) ==
          "lesson.md:10:5: this '(' is never closed: expected ')' before the end of the program");
    CHECK(e.column() == 5);
    CHECK(e.source_line() == "y = (x + 1");
  }
}
