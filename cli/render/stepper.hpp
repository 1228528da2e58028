// --step: a report one trace step at a time, Enter to go on, q to show the rest.
#pragma once

#include <string>
#include <vector>

#include "render/trace_text.hpp"

namespace gatelab::cli {

// Prints headings at once and waits for Enter after each trace step; names the step's
// frame file, frame_files[step - 1], when there is one.
void step_through(const std::vector<TraceLine>& lines, const std::vector<std::string>& frame_files, const Paint& paint);

}  // namespace gatelab::cli
