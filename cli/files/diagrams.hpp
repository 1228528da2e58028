// Diagram files: the graph as DOT, SVG and PDF, and one frame per trace step, every frame
// drawn from one layout.
#pragma once

#include <string>
#include <vector>

#include "files/output_files.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/teach/dot.hpp"

namespace gatelab::cli {

struct DiagramRequest {
  std::string dot_path;    // empty: none
  std::string svg_path;    // empty: none
  std::string pdf_path;    // empty: none
  std::string frames_dir;  // empty: none; made (with its parents) when missing

  bool any() const { return !dot_path.empty() || !svg_path.empty() || !pdf_path.empty() || !frames_dir.empty(); }
};

// Throws gatelab::Error, before any work is done, if a requested output cannot be written.
void check_diagram_paths(const DiagramRequest& request);

// The frame files of a step, without extension: DIR/step-007 (zero-padded so they sort).
std::string frame_stem(const std::string& dir, int step, int steps);

// Each step's SVG frame, in step order; none without --frames.
std::vector<std::string> frame_files(const DiagramRequest& request, int steps);

// A box around each named array of a program, labelled with its name and shape.
DotOptions array_boxes(const Program& p);

// Renders every requested diagram and adds it to out. `drawing` groups nodes into clusters
// (a network's neurons). A frame's caption is its trace step, made from the step's record.
void add_diagrams(OutputFiles& out, const DiagramRequest& request, const Graph& g, const Trace& trace,
                  const DotOptions& drawing = {});

}  // namespace gatelab::cli
