// read_decimal: the one reader of decimal numbers (gatelab/support/decimal.hpp). The expected
// doubles are C++ literals, which the compiler rounds to nearest itself: an independent
// reading of the same text.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "gatelab/support/decimal.hpp"

namespace {

struct Read {
  double value;
  std::size_t used;
  std::errc ec;
};

Read read(const std::string& text) {
  double v = -99;
  const auto [end, ec] = gatelab::read_decimal(text.data(), text.data() + text.size(), v);
  return {v, static_cast<std::size_t>(end - text.data()), ec};
}

}  // namespace

TEST_CASE("read_decimal rounds to the nearest double, as the compiler reads the same literal") {
  CHECK(read("0.1").value == 0.1);
  CHECK(read("2.5").value == 2.5);
  CHECK(read("1e23").value == 1e23);                            // halfway between two doubles in a naive reading
  CHECK(read("9007199254740993").value == 9007199254740993.0);  // 2^53 + 1: ties to even, 2^53
  CHECK(read("9007199254740993").value == 9007199254740992.0);
  CHECK(read("2.2250738585072011e-308").value == 2.2250738585072011e-308);
  CHECK(read("4.9e-324").value == 4.9e-324);  // the least subnormal
  CHECK(read("0.30000000000000004").value == 0.30000000000000004);
  CHECK(read("123456789012345678901234567890").value == 123456789012345678901234567890.0);
  CHECK(read("-0.5").value == -0.5);
  CHECK(read(".5").value == 0.5);
  CHECK(read("1.7976931348623157e308").value == 1.7976931348623157e308);
}

TEST_CASE("read_decimal stops where the number ends, as std::from_chars does") {
  CHECK(read("5.").used == 2);
  CHECK(read("1.e3").value == 1000);
  CHECK(read("1e").used == 1);  // "e" is a name after the number
  CHECK(read("1e+").used == 1);
  CHECK(read("2E-2x").used == 4);
  CHECK(read("2E-2x").value == 0.02);
  CHECK(read("0x10").used == 1);  // no hexadecimal
  CHECK(read("3,5").used == 1);   // '.' is the decimal point, never ','
  CHECK(read("inf").used == 3);
  CHECK(std::isinf(read("inf").value));
  CHECK(std::isnan(read("NaN").value));
}

TEST_CASE("read_decimal refuses what is not a number, and numbers out of a double's range") {
  for (const char* text : {"", ".", "-", "e5", "+1", " 1", "-.", "x"}) {
    INFO(text);
    const Read r = read(text);
    CHECK(r.ec == std::errc::invalid_argument);
    CHECK(r.used == 0);
    CHECK(r.value == -99);  // left as it was
  }
  CHECK(read("1e400").ec == std::errc::result_out_of_range);
  CHECK(read("-1e400").ec == std::errc::result_out_of_range);
  CHECK(read("1e-400").ec == std::errc::result_out_of_range);  // would be 0
  CHECK(read("1e-400").value == -99);
  CHECK(read("0e-400").value == 0);  // zero is in range
  CHECK(read("0.000").ec == std::errc{});
}
