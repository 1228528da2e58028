// The HTML page of each command: `eval --html`, `lesson NAME --html`, `train --html`.
#pragma once

#include <string>
#include <vector>

#include "files/html_page.hpp"
#include "gatelab/learning/network.hpp"
#include "lesson/block.hpp"
#include "run/evaluation.hpp"

namespace gatelab::cli {

// The program, its viewer, and its whole report as text, folded. With `options.live`, an
// editor of the program and its inputs (the request), which the page's engine re-runs.
std::string eval_page(const EvalResult& r, const std::string& title, const EvalRequest& request,
                      const PageOptions& options = {});

// The lesson's prose and every block: its program and viewer, and its report and tables.
// With `options.live`, every block with a program has an editor.
std::string lesson_page(const LessonFile& file, const std::vector<BlockOutcome>& runs, const PageOptions& options = {});

// A network's traced row: one box per neuron, each expanding into its gates.
std::string row_page(const Network& net, const Trace& trace, const std::string& title, const std::string& report);

}  // namespace gatelab::cli
