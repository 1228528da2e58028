// The numbered text trace: forward evaluations, backward messages, tangents, summary.
#pragma once

#include <string>
#include <vector>

#include "gatelab/program.hpp"
#include "gatelab/trace.hpp"
#include "terminal.hpp"

namespace gatelab::cli {

// One printed line; step is the trace step it shows, or 0 for headings and blank lines.
struct TraceLine {
  int step;
  std::string text;
};

// The display width of UTF-8 text (code points; gatelab prints no wide characters).
std::size_t width(const std::string& s);
// s padded with spaces to display width w.
std::string pad(const std::string& s, std::size_t w);

// How a node is called in text: its name, a constant's value, else "op#id".
std::string display_name(const Graph& g, NodeId id);

std::vector<TraceLine> forward_lines(const Graph& g, const Trace& trace, const Paint& paint);
std::vector<TraceLine> backward_lines(const Graph& g, NodeId output, const Trace& trace, const Paint& paint);
std::vector<TraceLine> tangent_lines(const Graph& g, const Trace& trace, const Paint& paint);

// The value and gradient of every input and every assigned name, and the output.
std::vector<TraceLine> summary_lines(const Program& p, bool with_grads, const Paint& paint);

// The lines of a trace step without colour, for a frame's title.
std::string plain_step_text(const std::vector<TraceLine>& lines, int step);

}  // namespace gatelab::cli
