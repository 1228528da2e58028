// Diagram files: the graph as DOT and SVG, and one frame per trace step.
#pragma once

#include <string>

#include "gatelab/program.hpp"

namespace gatelab::cli {

struct DiagramRequest {
  std::string dot_path;    // empty: none
  std::string svg_path;    // empty: none
  std::string frames_dir;  // empty: none
};

// Throws gatelab::Error if any requested output cannot be written, before work is done.
void check_diagram_paths(const DiagramRequest& request);

// The frame files of a step, without extension: DIR/step-007 (zero-padded so they sort).
std::string frame_stem(const std::string& dir, int step, int steps);

// Renders everything first, then writes every file atomically.
// step_titles[i] is the caption of step i + 1.
void write_diagrams(const DiagramRequest& request, const Graph& g, const Trace& trace,
                    const std::vector<std::string>& step_titles);

}  // namespace gatelab::cli
