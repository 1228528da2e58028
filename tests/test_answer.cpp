// A number as a person writes it, and the one rule that judges it (gatelab/teach/answer.hpp).
// Every expected number is worked out here from what was typed.
#include <catch2/catch.hpp>

#include <cmath>

#include "gatelab/teach/answer.hpp"

using namespace gatelab;

namespace {

Answer read(const char* typed) {
  const auto a = read_answer(typed);
  INFO(typed);
  REQUIRE(a);
  return *a;
}

// cs231n's staged example at x = 3, y = -4: grad(x) = 1.58319 + (-0.0357615) + 0.512144.
const double staged_grad_x = 2.0595698;

}  // namespace

TEST_CASE("reader: decimals keep the digits written as their precision") {
  const Answer a = read("2.06");
  CHECK(a.value == 2.06);
  CHECK(a.written_precision == Approx(0.005));  // half a unit in the second decimal
  CHECK(a.significant_digits == 3);
  CHECK(a.text == "2.06");
  CHECK(read("0.0179").significant_digits == 3);  // leading zeros are not significant
  CHECK(read("1.5456").written_precision == Approx(5e-5));
  CHECK(read("2").written_precision == 0.5);
  CHECK(read("2.").written_precision == 0.5);
  CHECK(read(".5").value == 0.5);
  CHECK(read("1e-3").written_precision == Approx(5e-4));
  CHECK(read("1.50e2").written_precision == Approx(0.5));  // 150, to the unit
  CHECK(read("+3").value == 3);
  CHECK(read("+3").text == "3");
  CHECK(read("  -0.5  ").value == -0.5);
}

TEST_CASE("reader: a bare 0 is exactly zero, and fractions are exact") {
  CHECK(read("0").exact());
  CHECK(read("-0").exact());
  CHECK(read("-0").value == 0);
  CHECK_FALSE(std::signbit(read("-0").value));
  CHECK_FALSE(read("0.0").exact());
  CHECK(read("0.0").written_precision == Approx(0.05));
  const Answer quarter = read("1/4");
  CHECK(quarter.value == 0.25);
  CHECK(quarter.exact());
  CHECK(quarter.text == "1/4");
  CHECK(read("-3/2").value == -1.5);
  CHECK(read("- 3 / 2").value == -1.5);  // spaces after a sign and around the slash
  CHECK(read("- 3 / 2").text == "-3/2");
}

TEST_CASE("reader: what a Chinese keyboard types, and the minus sign") {
  CHECK(read("３").value == 3);
  CHECK(read("－１２").value == -12);
  CHECK(read("−12").value == -12);  // U+2212
  CHECK(read("＋２．５").value == 2.5);
  CHECK(read("１／４").value == 0.25);
  CHECK(read("　0.5　").value == 0.5);  // ideographic spaces
  CHECK(read("－１２").text == "-12");
}

TEST_CASE("reader: words for no gradient, and what is no number") {
  for (const char* none : {"none", "None", "无", "没有", "ｎｏｎｅ"}) CHECK(read(none).no_gradient);
  for (const char* bad : {"", "three", "1 2", "1/0", "1/", "/2", "1.2.3", "e5", "1e", "inf", "nan", "0x10", "1e999",
                          "--1", "1/-2", "1.5/2", "2,5"}) {
    INFO(bad);
    CHECK_FALSE(read_answer(bad));
  }
}

TEST_CASE("judge: to the digits written, never more than 1 % off, or to an explicit tolerance") {
  const Truth t{staged_grad_x};
  CHECK(judge(read("2.0596"), t) == Verdict::Right);
  CHECK(judge(read("2.06"), t) == Verdict::Right);
  CHECK(judge(read("２.０６"), t) == Verdict::Right);
  CHECK(judge(read("2.1"), t) == Verdict::TooFewDigits);  // 2.1 ± 0.05 holds it, but 1.96 % off
  CHECK(judge(read("2"), t) == Verdict::TooFewDigits);    // 2.9 % off
  CHECK(judge(read("2.0"), t) == Verdict::Wrong);         // 0.0596 > 0.05
  CHECK(judge(read("-4"), Truth{-4}) == Verdict::Right);
  CHECK(judge(read("4"), Truth{-4}) == Verdict::Wrong);
  CHECK(judge(*read_answer("2", 0.1), t) == Verdict::Right);  // --tol 0.1
  CHECK(judge(*read_answer("2", 0.05), t) == Verdict::Wrong);
  CHECK(accepted_difference(read("2"), t) == Approx(0.020595698));
}

TEST_CASE("judge: a bare 0 is zero, not 0 ± 0.5") {
  // ste's example: grad(wp) = 2 (0.4 - 1) · 0.1 = -0.12; 0 is not "right to 1 digit".
  CHECK(judge(read("0"), Truth{-0.12}) == Verdict::Wrong);
  CHECK(judge(read("0"), Truth{0}) == Verdict::Right);
  CHECK(judge(read("0"), Truth{1e-17}) == Verdict::Right);    // rounding noise around a zero
  CHECK(judge(read("0.0"), Truth{-0.12}) == Verdict::Wrong);  // 0.12 > 0.05
  CHECK(judge(read("-0.1"), Truth{-0.12}) == Verdict::TooFewDigits);
}

TEST_CASE("judge: fractions are the number itself") {
  CHECK(judge(read("1/4"), Truth{0.25}) == Verdict::Right);
  CHECK(judge(read("-3/2"), Truth{-1.5}) == Verdict::Right);
  CHECK(judge(read("1/3"), Truth{1.0 / 3}) == Verdict::Right);
  CHECK(judge(read("1/4"), Truth{0.2500001}) == Verdict::Wrong);  // exact means exact
}

TEST_CASE("judge: a sum of branches each rounded to the digits written is right") {
  // 1.5832 + (-0.0358) + 0.5121 = 2.0595: each branch rounded to 4 decimals, then added; it
  // is 7e-5 from 2.0595698, more than half a unit in the 4th decimal but within three.
  CHECK(judge(read("2.0595"), Truth{staged_grad_x, 3}) == Verdict::Right);
  CHECK(judge(read("2.0595"), Truth{staged_grad_x, 1}) == Verdict::Wrong);
  CHECK(judge(read("2.0590"), Truth{staged_grad_x, 3}) == Verdict::Wrong);  // 5.7e-4: no rounding gives it
}

TEST_CASE("judge: where no gradient exists, a number is its own verdict, and none is right") {
  const Truth none{};
  CHECK(judge(read("0"), none) == Verdict::NoGradient);
  CHECK(judge(read("4"), none) == Verdict::NoGradient);
  CHECK(judge(read("none"), none) == Verdict::Right);
  CHECK(judge(read("none"), Truth{1}) == Verdict::Wrong);
}

TEST_CASE("reproduces: a mistake's number, to the answer's digits and never 5 % off") {
  CHECK(reproduces(1.58319, read("1.5832")));
  CHECK_FALSE(reproduces(1.58319, read("1.5833")));
  CHECK(reproduces(1, read("1")));
  CHECK_FALSE(reproduces(0.6, read("1")));  // 0.6 rounds to 1, but is 40 % off
  CHECK(reproduces(-0.731059, read("-0.73")));
  CHECK(reproduces(0.25, read("1/4")));
  CHECK_FALSE(reproduces(0.26, read("1/4")));
  CHECK(reproduces(1.54743, read("1.5475"), 2));  // two branches, each rounded: 1.5832 - 0.0358
  CHECK_FALSE(reproduces(1.54743, read("1.5475")));
  CHECK_FALSE(reproduces(0, read("none")));
}
