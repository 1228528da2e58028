// Numbers as gatelab's text outputs show them (traces, DOT labels, error messages).
//
//   gatelab::format_number(0.73105857863)  // "0.731059"
//   gatelab::format_number(-0.0)           // "0"
//
// Six significant digits, as printf's %.6g; never "-0" nor "-nan", so the same graph always
// gives the same text.
#pragma once

#include <string>

namespace gatelab {

// A number as gatelab's text outputs show it: 6 significant digits, no "-0".
std::string format_number(double x);

}  // namespace gatelab
