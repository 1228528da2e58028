// A lesson's curves (`#| plot: x = -4 .. 4: y, grad(x)`) as an SVG chart, drawn with PLplot:
// values in greens, gradients in reds and dashed, as gatelab colours them everywhere.
#pragma once

#include <string>

#include "lesson/block.hpp"

namespace gatelab::cli {

// The chart of a sweep's columns against its input. A point that is not finite (a
// derivative's infinity at a kink) breaks its curve. Throws gatelab::Error if PLplot fails.
std::string curves_svg(const SweepTable& curves, const std::string& title);

// "y and grad(x) against x": a plot's title.
std::string plot_title(const PlotRun& plot);

}  // namespace gatelab::cli
