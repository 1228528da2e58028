// strtod_l is a GNU extension in glibc and in musl (the WebAssembly build's C library).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "gatelab/support/decimal.hpp"

#include <locale.h>
#include <stdlib.h>

#include <cctype>
#include <cmath>
#include <string>

namespace gatelab {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Past the digits starting at p; `nonzero` is set when one of them is not 0.
const char* digits(const char* p, const char* last, bool& nonzero) {
  for (; p != last && is_digit(*p); ++p) nonzero = nonzero || *p != '0';
  return p;
}

// Past "inf", "infinity" or "nan" (any case) at p, or p.
const char* special(const char* p, const char* last) {
  auto word = [&](const char* w) {
    const char* q = p;
    for (; *w; ++w, ++q)
      if (q == last || std::tolower(static_cast<unsigned char>(*q)) != *w) return p;
    return q;
  };
  if (const char* q = word("infinity"); q != p) return q;
  if (const char* q = word("inf"); q != p) return q;
  return word("nan");
}

// The C library's reader under the "C" locale, so that '.' is the decimal point whatever
// the program's locale says; glibc and musl both round correctly.
double c_locale_strtod(const std::string& text) {
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return strtod_l(text.c_str(), nullptr, c_locale);
}

}  // namespace

DecimalRead read_decimal(const char* first, const char* last, double& value) {
  const char* p = first;
  if (p != last && *p == '-') ++p;
  if (const char* q = special(p, last); q != p) {
    value = c_locale_strtod(std::string(first, q));
    return {q, std::errc{}};
  }
  bool nonzero = false;
  const char* end = digits(p, last, nonzero);
  const bool whole = end != p;
  bool fraction = false;
  if (end != last && *end == '.') {
    const char* after = digits(end + 1, last, nonzero);
    fraction = after != end + 1;
    if (whole || fraction) end = after;
  }
  if (!whole && !fraction) return {first, std::errc::invalid_argument};
  // An exponent counts only when digits follow it: "2e" is 2 followed by e.
  if (end != last && (*end == 'e' || *end == 'E')) {
    const char* q = end + 1;
    if (q != last && (*q == '+' || *q == '-')) ++q;
    bool unused = false;
    if (const char* after = digits(q, last, unused); after != q) end = after;
  }
  const double v = c_locale_strtod(std::string(first, end));
  // Too large (inf from finite digits), or too small (0 from digits that are not all 0).
  if (std::isinf(v) || (v == 0 && nonzero)) return {end, std::errc::result_out_of_range};
  value = v;
  return {end, std::errc{}};
}

}  // namespace gatelab
