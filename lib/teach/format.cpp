#include "gatelab/teach/format.hpp"

#include <cmath>
#include <cstdio>

namespace gatelab {

std::string format_number(double x) {
  if (x == 0) x = 0;                // turns -0 into 0
  if (std::isnan(x)) return "nan";  // never "-nan"
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace gatelab
