// --step: the report one trace step at a time, Enter to go on, q to quit.
#pragma once

#include <string>
#include <vector>

#include "trace_text.hpp"

namespace gatelab::cli {

// Prints headings at once and waits for Enter after each trace step; shows the step's
// frame file when frames_dir is not empty.
void step_through(const std::vector<TraceLine>& lines, const std::string& frames_dir, int steps, const Paint& paint);

}  // namespace gatelab::cli
