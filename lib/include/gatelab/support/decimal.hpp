// A decimal number read from text, correctly rounded to the nearest double, whatever the
// locale and whatever the standard library: the one reader of numbers the program language,
// --at values and lesson directives use. It reads what std::from_chars(first, last, value,
// std::chars_format::general) reads (a '-', digits with an optional '.', an optional
// exponent; or inf, infinity, nan), which libc++ (the WebAssembly build's) does not have for
// floating point.
//
//   double v = 0;
//   auto [end, ec] = gatelab::read_decimal(text.data(), text.data() + text.size(), v);
//   // ec == std::errc::invalid_argument: no number at first; result_out_of_range: too large
//   // or too small for a double (v unchanged); else v is the number and end is just past it
#pragma once

#include <system_error>

namespace gatelab {

struct DecimalRead {
  const char* end;
  std::errc ec;
};

DecimalRead read_decimal(const char* first, const char* last, double& value);

}  // namespace gatelab
