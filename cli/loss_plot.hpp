// Train and valid loss per epoch as an SVG chart, drawn with PLplot.
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

// Writes the chart to path (through a temporary file, renamed into place). `floor` is
// drawn as a dashed line: the lowest loss the network can reach.
void write_loss_svg(const std::string& path, const std::vector<double>& train, const std::vector<double>& valid,
                    double floor, const std::string& title);

}  // namespace gatelab::cli
