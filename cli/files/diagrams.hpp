// Diagram files: the graph as DOT and SVG, and one frame per trace step.
#pragma once

#include <string>
#include <vector>

#include "files/output_files.hpp"
#include "gatelab/program.hpp"

namespace gatelab::cli {

struct DiagramRequest {
  std::string dot_path;    // empty: none
  std::string svg_path;    // empty: none
  std::string frames_dir;  // empty: none; made (with its parents) when missing

  bool any() const { return !dot_path.empty() || !svg_path.empty() || !frames_dir.empty(); }
};

// Throws gatelab::Error, before any work is done, if a requested output cannot be written.
void check_diagram_paths(const DiagramRequest& request);

// The frame files of a step, without extension: DIR/step-007 (zero-padded so they sort).
std::string frame_stem(const std::string& dir, int step, int steps);

// Each step's SVG frame, in step order; none without --frames.
std::vector<std::string> frame_files(const DiagramRequest& request, int steps);

// Renders every requested diagram and adds it to out, each named array of the program in a
// box of its own. A frame's caption is its trace step, as the trace prints it.
void add_diagrams(OutputFiles& out, const DiagramRequest& request, const Program& p, const Trace& trace);

}  // namespace gatelab::cli
