// Numbers as text: the one format every gatelab output uses.
#include <catch2/catch.hpp>

#include <cmath>

#include "gatelab/teach/format.hpp"

TEST_CASE("numbers print with 6 significant digits and no negative zero") {
  CHECK(gatelab::format_number(0.73105857863) == "0.731059");
  CHECK(gatelab::format_number(-0.0) == "0");
  CHECK(gatelab::format_number(1e-9) == "1e-09");
  CHECK(gatelab::format_number(12) == "12");
}

TEST_CASE("not-a-number prints as nan whatever its sign bit") {
  CHECK(gatelab::format_number(std::nan("")) == "nan");
  CHECK(gatelab::format_number(-std::nan("")) == "nan");
}
