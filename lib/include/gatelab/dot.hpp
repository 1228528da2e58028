// DOT text for a graph, for Graphviz to draw.
//
//   std::ostringstream out;
//   gatelab::write_dot(out, g, {.trace = &trace, .highlight_step = 3});
//
// Each node shows its name or op, its value and (after backward) its gradient. After
// backward each edge shows the local partial and the contribution it carried. detach
// edges are dashed and marked "no grad"; ste draws the value coming from f and the
// gradient going to b. The text depends only on the graph (ids in creation order, numbers
// printed with 6 significant digits), so it can be compared byte for byte.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gatelab/graph.hpp"
#include "gatelab/trace.hpp"  // DotOptions points at the trace whose steps it draws

namespace gatelab {

// Nodes drawn together in a labelled box (a Graphviz cluster), e.g. one neuron's gates.
struct DotCluster {
  std::string label;
  std::vector<NodeId> nodes;
};

struct DotOptions {
  const Trace* trace = nullptr;  // needed to find highlight_step
  int highlight_step = 0;        // a trace step number; 0 highlights nothing
  std::string title;             // drawn above the graph when not empty
  // Draw the graph as it stood at highlight_step: values not yet computed show "?", and
  // gradients, tangents and edge messages appear only once the trace has reached them.
  bool as_of_step = false;
  std::vector<DotCluster> clusters;  // a node belongs to the first cluster that lists it
};

void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options = {});
std::string to_dot(const Graph& graph, const DotOptions& options = {});

}  // namespace gatelab
