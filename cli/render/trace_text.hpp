// The numbered trace as text: forward evaluations, backward messages, tangents, summary.
//
// Each trace record becomes cells (made from the record, never from other text); the trace
// aligns the cells of a section into columns, and a frame's caption is the same cells
// unaligned, each saying what it shows so values are drawn green and gradients red:
//
//   [4] f → q   1 × -4 = -4   grad(q) = -4          (the trace line)
//   f → q   1 × -4 = -4   grad(q) = -4              (the caption of step 4)
#pragma once

#include <string>
#include <vector>

#include "gatelab/language/program.hpp"
#include "gatelab/teach/trace.hpp"
#include "render/ink.hpp"
#include "render/terminal.hpp"

namespace gatelab::cli {

// One printed line; step is the trace step it shows, or 0 for headings and blank lines.
struct TraceLine {
  int step;
  std::string text;
};

// How a node is called in text: its name, a constant's value, else "op#id".
std::string display_name(const Graph& g, NodeId id);

std::vector<TraceLine> forward_lines(const Graph& g, const Trace& trace, const Paint& paint);
// output_name: what the heading calls the output ("gradients of y").
std::vector<TraceLine> backward_lines(const Graph& g, const std::string& output_name, const Trace& trace,
                                      const Paint& paint);
std::vector<TraceLine> tangent_lines(const Graph& g, const Trace& trace, const Paint& paint);

// The value and gradient of every input and every assigned name, and the output.
// In forward mode (tangents: every node's tangent) the third column is the tangent, not the
// gradient: a forward-mode block shows what its one forward pass found.
std::vector<TraceLine> summary_lines(const Program& p, bool with_grads, const Paint& paint,
                                     const std::vector<double>* tangents = nullptr);

// A piece of a caption and what it shows, for its colour (render/ink.hpp).
struct CaptionCell {
  std::string text;
  Ink ink = Ink::Plain;
};
using Caption = std::vector<CaptionCell>;

// A trace step as the cells of its line, without its number or alignment: a frame's caption.
// With `asked`, the number the step finds is "?" (a forward step's value, the gradient a
// message leaves), as a quiz asks it. Empty when the trace has no such step.
Caption step_cells(const Graph& g, const Trace& trace, int step, bool asked = false);
std::string caption_text(const Caption& caption);

// step_cells as one line of text.
std::string step_caption(const Graph& g, const Trace& trace, int step);

}  // namespace gatelab::cli
