// Programs written to hurt the parser: numbers no int holds, arrays that multiply, copies
// that make no gate, nesting a million deep. Each parses, or is one error at its place;
// none takes more memory than the limit allows (docs/reliability.md).
#include <catch2/catch.hpp>

#include <string>

#include "gatelab/language/program.hpp"
#include "repeated_list.hpp"

using Catch::Matchers::Contains;
using gatelab::InputShapes;

namespace {

std::string error(const std::string& text, const InputShapes& shapes = {},
                  std::size_t max_size = gatelab::default_max_program_size) {
  try {
    gatelab::parse_program(text, shapes, max_size);
  } catch (const gatelab::ParseError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("an index too large for an int is an error at its place, not an overflow") {
  // Found by fuzz_program: the index was converted to int before it was checked.
  CHECK_THAT(error("v = [1, 2]\ny = v[1e300]"),
             Contains("line 2, column 7") && Contains("an index is a whole number from 0"));
  CHECK_THAT(error("v = [1, 2]\ny = v[2147483648]"), Contains("an index is a whole number from 0"));
  CHECK_THAT(error("v = [1, 2]\ny = v[2147483647]"), Contains("index 2147483647 is out of range"));
}

TEST_CASE("a program that makes more nodes than the limit stops at the place that crosses it") {
  CHECK(error("y = x + x + x", {}, 10) == "no error");
  CHECK_THAT(error("y = x + x + x + x + x + x", {}, 5),
             Contains("line 1, column 23") &&
                 Contains("the program is too large: it makes more than 5 nodes and array entries"));
  // A matmul of two 100 x 100 matrices written in 600 bytes would make two million gates.
  const std::string text = "v = " + repeated_list("x", 100) + "\nM = " + repeated_list("v", 100) + "\ny = sum(M @ M)";
  CHECK_THAT(error(text, {}, 100'000), Contains("line 3, column 11") && Contains("more than 100000 nodes"));
  CHECK_THAT(error("y = sum(W @ W)", {{"W", {100, 100}}}, 100'000), Contains("line 1, column 11"));
}

TEST_CASE("copies of arrays count against the limit, though they make no gate") {
  const std::string v = "v = " + repeated_list("x", 100) + "\n";
  CHECK_THAT(error(v + "M = " + repeated_list("v", 100), {}, 5'000),
             Contains("line 2, column 5") && Contains("too large"));
  CHECK_THAT(error(v + "y = transpose(transpose(transpose(v)))", {}, 250), Contains("too large"));
  CHECK_THAT(error(v + "a = v\nb = v\nc = v", {}, 450), Contains("line 4, column 1") && Contains("too large"));
  CHECK_THAT(error("y = sum(W)", {{"W", {1000, 1000}}}, 100'000),
             Contains("line 1, column 9") && Contains("too large"));
}

TEST_CASE("an input shape with no entries or three dimensions is an error naming the input") {
  CHECK_THAT(error("y = sum(W)", {{"W", {2, 0}}}), Contains("the input 'W' is given a shape with 0 entries"));
  CHECK_THAT(error("y = sum(W)", {{"W", {-3}}}), Contains("-3 entries"));
  CHECK_THAT(error("y = sum(W)", {{"W", {1, 1, 1}}}),
             Contains("the input 'W' is given 3 dimensions: an array has 1 or 2"));
  CHECK(error("y = W * 2", {{"W", {}}}) == "no error");  // no dimensions: a number
}

TEST_CASE("nesting a million deep parses without recursion, or stops at the first mistake") {
  const int deep = 1'000'000;
  const auto p = gatelab::parse_program("y = " + std::string(deep, '(') + "x" + std::string(deep, ')'));
  CHECK(p.graph.size() == 1);
  CHECK_THAT(error("y = " + std::string(deep, '[') + "x" + std::string(deep, ']')), Contains("at most two dimensions"));
  CHECK_THAT(error("y = " + std::string(deep, '(') + "x"),
             Contains("line 1, column 1000004") && Contains("is never closed"));
}
