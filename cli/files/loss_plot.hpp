// Train and valid loss per epoch as an SVG chart, drawn with PLplot.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// The chart's SVG text. `floor` is drawn as a dashed line: the lowest loss the network can
// reach. Throws gatelab::Error when there is nothing to plot or PLplot fails.
std::string loss_svg(const std::vector<double>& train, const std::vector<double>& valid, double floor,
                     const std::string& title);

}  // namespace gatelab::cli
