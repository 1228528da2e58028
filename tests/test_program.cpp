// The program language: precedence, names, calls, comments, errors, depth.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "gatelab/engine/non_finite.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/language/spelling.hpp"

using Catch::Matchers::Contains;

namespace {

// Parses text, gives the inputs the values in order, and returns the output's value.
double eval(const std::string& text, std::initializer_list<double> at = {}) {
  auto p = gatelab::parse_program(text);
  REQUIRE(p.inputs.size() == at.size());
  std::size_t i = 0;
  for (double v : at) p.graph.set_value(p.inputs[i++], v);
  p.graph.forward();
  return p.graph.value(p.output);
}

gatelab::SourcePos error_pos(const std::string& text) {
  try {
    gatelab::parse_program(text);
  } catch (const gatelab::ParseError& e) {
    return e.pos();
  }
  FAIL("no ParseError for: " << text);
  return {};
}

// The ParseError a program gets, or "no error".
std::string syntax_error(const std::string& text) {
  try {
    gatelab::parse_program(text);
  } catch (const gatelab::ParseError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("precedence: + - below * / below unary minus below ^") {
  CHECK(eval("1 + 2 * 3") == 7);
  CHECK(eval("(1 + 2) * 3") == 9);
  CHECK(eval("8 / 4 / 2") == 1);  // left-associative
  CHECK(eval("10 - 4 - 3") == 3);
  CHECK(eval("2 ^ 3 ^ 2") == 512);   // right-associative: 2^9
  CHECK(eval("-x^2", {3}) == -9);    // -(x^2)
  CHECK(eval("x^-1", {4}) == 0.25);  // x^(-1)
  CHECK(eval("-x * 2", {3}) == -6);
  CHECK(eval("2 * -x", {3}) == -6);
  CHECK(eval("--x", {3}) == 3);
  CHECK(eval("2^-x^2", {1}) == 0.5);  // 2^(-(x^2))
}

TEST_CASE("statements, names and the output") {
  auto p = gatelab::parse_program("q = x + y; f = q * z\n# a comment line\n");
  REQUIRE(p.inputs.size() == 3);
  CHECK(p.graph.name(p.inputs[0]) == "x");
  CHECK(p.graph.name(p.inputs[2]) == "z");
  CHECK(p.graph.name(p.output) == "f");
  REQUIRE(p.assigned.size() == 2);
  CHECK(p.graph.name(p.assigned[0]) == "q");
  p.graph.set_value(p.inputs[0], -2);
  p.graph.set_value(p.inputs[1], 5);
  p.graph.set_value(p.inputs[2], -4);
  p.graph.forward();
  CHECK(p.graph.value(p.output) == -12);
  p.graph.backward(p.output);
  CHECK(p.graph.grad(p.inputs[2]) == 3);
}

TEST_CASE("a name used twice is one node / a name assigned a constant is no input") {
  auto p = gatelab::parse_program("a = 1\nb = a + a\nc = b + b  # dc/da would be 4 if a were an input");
  CHECK(p.inputs.empty());
  CHECK(p.graph.value(p.output) == 4);
  auto q = gatelab::parse_program("b = a + a\nc = b + b");
  REQUIRE(q.inputs.size() == 1);
  q.graph.set_value(q.inputs[0], 1);
  q.graph.forward();
  q.graph.backward(q.output);
  CHECK(q.graph.grad(q.inputs[0]) == 4);
}

TEST_CASE("a name given to an already named node is an alias of it") {
  auto p = gatelab::parse_program("y = x\nz = y * 2\nw = z");
  REQUIRE(p.inputs.size() == 1);
  CHECK(p.find("y") == p.inputs[0]);
  CHECK(p.graph.name(p.inputs[0]) == "x");
  CHECK(p.find("w") == p.find("z"));
  CHECK(p.find("nothing") == gatelab::no_node);
}

TEST_CASE("every gate can be called by name, and the staged example parses") {
  CHECK(eval("sigmoid(0) + tanh(0) + relu(-1) + abs(-2) + max(1, 3) + min(1, 3)") == 0.5 + 0 + 0 + 2 + 3 + 1);
  CHECK(eval("add(1, 2) * sub(5, 1) / div(8, 4) + mul(2, neg(3)) + pow(2, 3)") == 3 * 4 / 2.0 - 6 + 8);
  CHECK(eval("exp(0) + log(1) + inv(4) + softplus(0) + round(2.5) + erf(0)") ==
        Approx(1 + 0 + 0.25 + std::log(2.0) + 2));
  CHECK(eval("detach(3) + ste(1, 2)") == 4);
  const char* staged = R"(sigy = sigmoid(y)
num = x + sigy
sigx = sigmoid(x)
xpy = x + y
xpysqr = xpy^2
den = sigx + xpysqr
invden = inv(den)
f = num * invden)";
  CHECK(eval(staged, {-4, 3}) == Approx(1.5456448841));  // y is used first, so it is input 0
}

TEST_CASE("newlines inside parentheses continue the statement") { CHECK(eval("y = max(1,\n  2) * (3 +\n 4)") == 14); }

TEST_CASE("decimal literals") { CHECK(eval("0.5 + .25 + 2. + 1e2 + 2.5e-1") == 0.5 + 0.25 + 2 + 100 + 0.25); }

TEST_CASE("syntax errors name line and column and say what was expected") {
  CHECK_THAT(syntax_error("y = x *\n"),
             Contains("line 1, column 8") && Contains("expected a number, a name, '(' or '-'"));
  CHECK_THAT(syntax_error("y = (x + 1"), Contains("line 1, column 5") && Contains("never closed"));
  CHECK_THAT(syntax_error("y = x + 1)"), Contains("line 1, column 10") && Contains("no matching '('"));
  CHECK_THAT(syntax_error("a = 1\ny = sinh(a)"),
             Contains("line 2, column 5") && Contains("unknown function 'sinh'") && Contains("sigmoid"));
  CHECK_THAT(syntax_error("y = sigmoid(1, 2)"), Contains("sigmoid takes 1 argument, but 2 were given"));
  CHECK_THAT(syntax_error("y = max(1)"), Contains("max takes 2 arguments, but 1 was given"));
  CHECK_THAT(syntax_error("y = exp()"), Contains("exp takes 1 argument, but 0 were given"));
  CHECK_THAT(syntax_error("y = 2 x"),
             Contains("line 1, column 7") && Contains("expected an operator") && Contains("the name 'x'"));
  CHECK_THAT(syntax_error("y = x $ 2"), Contains("column 7") && Contains("unexpected '$'"));
  CHECK_THAT(syntax_error("y = exp + 1"), Contains("'exp' is a function"));
  CHECK_THAT(syntax_error("y = 1, 2"), Contains("',' separates the arguments"));
  CHECK_THAT(syntax_error("y = x = 2"), Contains("unexpected '='"));
  CHECK_THAT(syntax_error("y = x + 1\nx = 2"),
             Contains("line 2, column 1") && Contains("already used as an input on line 1"));
  CHECK_THAT(syntax_error("  # only a comment\n"), Contains("the program is empty"));
  CHECK_THAT(syntax_error("y = 1e999"), Contains("too large"));
}

TEST_CASE("a syntax error carries its source line for a caret") {
  try {
    gatelab::parse_program("a = 1\ny = (a + 2");
    FAIL("expected a ParseError");
  } catch (const gatelab::ParseError& e) {
    CHECK(e.source_line() == "y = (a + 2");
    CHECK(e.pos().line == 2);
    CHECK(e.pos().column == 5);
  }
  CHECK(error_pos("\n\n  z = )").line == 3);
  CHECK(error_pos("\n\n  z = )").column == 7);
}

TEST_CASE("10,000 levels of nesting and a 200,000-term sum parse without recursion") {
  std::string nested = "y = ";
  for (int i = 0; i < 10000; ++i) nested += "(";
  nested += "x";
  for (int i = 0; i < 10000; ++i) nested += " + 1)";
  CHECK(eval(nested, {0.5}) == 10000.5);

  std::string calls = "y = ";
  for (int i = 0; i < 10000; ++i) calls += "neg(";
  calls += "x" + std::string(10000, ')');
  CHECK(eval(calls, {2}) == 2);  // an even number of negations

  std::string sum = "y = x";
  for (int i = 0; i < 199999; ++i) sum += " + x";
  auto p = gatelab::parse_program(sum);
  p.graph.set_value(p.inputs[0], 1);
  p.graph.forward();
  CHECK(p.graph.value(p.output) == 200000);
  p.graph.backward(p.output);
  CHECK(p.graph.grad(p.inputs[0]) == 200000);
}

TEST_CASE("the first non-finite gate is found and the reason named") {
  auto reason = [](const std::string& text, double x) -> std::string {
    auto p = gatelab::parse_program(text);
    p.graph.set_value(p.inputs[0], x);
    p.graph.forward();
    auto bad = gatelab::first_non_finite(p.graph);
    return bad ? p.graph.label(bad->gate) + ": " + bad->reason : "finite";
  };
  CHECK(reason("d = 1 / x\ny = d + 1", 0) == "d: division by zero: div(1, 0) = inf");
  CHECK(reason("l = log(x)", -1) == "l: log of a non-positive number: log(-1) = nan");
  CHECK_THAT(reason("e = exp(x)", 1000), Contains("overflow"));
  CHECK_THAT(reason("p = x ^ 0.5", -4), Contains("fractional power"));
  CHECK(reason("y = exp(x)", 1) == "finite");
}

TEST_CASE("the language learners type: ** for ^, ln for log, sqrt, sin and cos") {
  gatelab::Program p = gatelab::parse_program("y = x**2 + sqrt(x) + ln(x) + sin(x) * cos(x)");
  p.graph.set_value(p.graph.find("x"), 4);
  p.graph.forward();
  p.graph.backward(p.output);
  // y = 16 + 2 + ln 4 + sin 4 cos 4; dy/dx = 2x + 1/(2√x) + 1/x + cos(2x) = 8 + 0.25 + 0.25 + cos 8.
  CHECK(p.graph.value(p.output) == Approx(18 + std::log(4.0) + std::sin(4.0) * std::cos(4.0)));
  CHECK(p.graph.grad(p.graph.find("x")) == Approx(8.5 + std::cos(8.0)));
}

TEST_CASE("errors that teach: did you mean, a missing *, functions and values mixed up") {
  CHECK_THAT(syntax_error("y = sigmod(x)"), Contains("unknown function 'sigmod'; did you mean sigmoid?"));
  CHECK_THAT(syntax_error("y = sqr(x)"), Contains("did you mean sqrt?"));
  CHECK_THAT(syntax_error("y = frobnicate(x)"), !Contains("did you mean") && Contains("unknown function 'frobnicate'"));
  CHECK_THAT(syntax_error("y = 2x"), Contains("column 6") && Contains("write 2*x to multiply"));
  CHECK_THAT(syntax_error("y = 2(x + 1)"), Contains("write 2*(...) to multiply"));
  CHECK_THAT(syntax_error("y = (x + 1)(x - 1)"), Contains("write (...)*(...) to multiply"));
  CHECK_THAT(syntax_error("exp = 2; y = exp(x)"),
             Contains("line 1, column 1") && Contains("'exp' is the name of a function"));
  CHECK_THAT(syntax_error("sum = x + 1"), Contains("'sum' is the name of a function"));
  CHECK_THAT(syntax_error("q = 2; y = q(x)"),
             Contains("'q' is a value here, not a function: to multiply, write q*(...)"));
  CHECK_THAT(syntax_error("y = ln + 1"), Contains("'ln' is a function"));
}

TEST_CASE("y = x names the output y, and a bare expression leaves it unnamed") {
  const gatelab::Program p = gatelab::parse_program("y = x");
  CHECK(p.output_name == "y");
  CHECK(p.output_label() == "y");
  CHECK(p.graph.name(p.output) == "x");  // y is another name for the input x
  CHECK(gatelab::parse_program("x * 2").output_label() == "mul#2");
}

TEST_CASE("did you mean: the closest word within a slip, never a word of no common letter") {
  const std::vector<std::string> words{"sigmoid", "sign", "tanh", "x", "exp"};
  CHECK(gatelab::did_you_mean("sigmod", words) == "sigmoid");
  CHECK(gatelab::did_you_mean("tnah", words) == "tanh");  // two letters swapped
  CHECK(gatelab::did_you_mean("xx", words) == "x");
  CHECK_FALSE(gatelab::did_you_mean("q", words));  // one edit from x, but nothing in common
  CHECK_FALSE(gatelab::did_you_mean("softmax", words));
  CHECK_FALSE(gatelab::did_you_mean("exp", words));  // a word already known
}

TEST_CASE("a negated number is a constant, not a gate") {
  const gatelab::Program p = gatelab::parse_program("c = -1; y = x * -2.5 + c");
  CHECK(p.graph.node(p.graph.find("c")).op == gatelab::Op::Const);
  CHECK(p.graph.value(p.graph.find("c")) == -1);
  for (gatelab::NodeId id = 0; id < p.graph.size(); ++id) CHECK(p.graph.node(id).op != gatelab::Op::Neg);
  CHECK(eval("y = -x^2", {3}) == -9);  // still -(x^2): only a number is folded
  CHECK(eval("y = -2^2") == -4);
}
