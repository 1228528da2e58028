// --step: a report one trace step at a time, Enter to go on, q to show the rest.
#pragma once

#include <string>
#include <vector>

#include "render/asker.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

// Prints headings at once and waits for Enter after each trace step; names the step's
// frame file, frame_files[step - 1], when there is one.
void step_through(const std::vector<TraceLine>& lines, const std::vector<std::string>& frame_files, const Paint& paint);

// --step --predict: before a value or a message is shown, the learner types its number and is
// answered at once (see Asker). When the learner stops, the rest is shown at once. Returns
// false when the learner stopped or the input ended; `unasked` counts the steps not asked.
bool predict_through(const std::vector<TraceLine>& lines, const Graph& g, const Trace& trace, Asker& asker,
                     QuizScore& score, int& unasked, const std::string& label = "");

}  // namespace gatelab::cli
