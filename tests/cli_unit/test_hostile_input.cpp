// What a learner types, written to hurt the readers of run/: each is read, or is one error.
#include <catch2/catch.hpp>

#include <string>

#include "../error_text.hpp"
#include "run/bindings.hpp"
#include "run/expectations.hpp"
#include "run/parse_text.hpp"

using namespace gatelab::cli;
using Catch::Matchers::Contains;

TEST_CASE("a number whose exponent and decimals no int holds together is read, not overflowed") {
  // 0.0e-2147483648: the exponent -2147483648 minus one decimal overflowed an int.
  const gatelab::Answer a = written_answer("0.0e-2147483648");
  CHECK(a.value == 0);
  CHECK(a.written_precision == 0);
}

TEST_CASE("an array nested a million deep is one error, read in one pass, not a recursion") {
  const int deep = 1'000'000;
  const std::string nested = std::string(deep, '[') + "1" + std::string(deep, ']');
  CHECK_THAT(error_text([&] { parse_binding("x = " + nested); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([&] { parse_number_array("[" + nested + "]"); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([&] { parse_expectations("grad(W) = " + nested); }), Contains("at most two dimensions"));
}

TEST_CASE("array values keep their messages: rows of rows, mixed entries, ragged rows") {
  CHECK_THAT(error_text([] { parse_number_array("[[1, [2]]]"); }), Contains("at most two dimensions"));
  CHECK_THAT(error_text([] { parse_number_array("[1, [2]]"); }), Contains("all be numbers or all be rows"));
  CHECK_THAT(error_text([] { parse_number_array("[[1, 2], [3]]"); }), Contains("row 2 has 1 entry, row 1 has 2"));
  const NumberArray a = parse_number_array(" [[1, 2], [3, 4e-1]] ");
  CHECK(a.shape == std::vector<int>{2, 2});
  CHECK(a.values == std::vector<double>{1, 2, 3, 0.4});
  CHECK(a.texts.back() == "4e-1");
}
