// A gate graph laid out once, with each laid-out node and edge tied back to the graph, so
// any step of its trace can be drawn in the same places.
//
//   Graphviz gv;
//   const GateDiagram d = lay_out_gates(gv, g);
//   std::string frame = diagram_svg(gate_picture(d, g, {.trace = &t, .highlight_step = 4, .as_of_step = true}));
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "files/diagram_svg.hpp"
#include "gatelab/teach/dot.hpp"

namespace gatelab::cli {

struct GateDiagram {
  Layout layout;
  std::vector<NodeId> nodes;                  // by layout node: its graph node
  std::vector<std::pair<NodeId, int>> edges;  // by layout edge: its gate and input slot
  DiagramLabels slots;                        // the final labels the layout was made with

  int node_index(NodeId id) const;  // -1 when not drawn
  int edge_index(NodeId gate, int slot) const;
};

// The DOT to lay out: the graph as write_dot draws it after its last step (final labels, so
// no node grows as numbers appear). `drawing` may group nodes into clusters or draw only some.
std::string layout_dot(const Graph& g, const DotOptions& drawing = {});

// The diagram from a layout of layout_dot(g, drawing), by libgvc or by a page's Graphviz.
GateDiagram gate_diagram(Layout layout, const Graph& g, const DotOptions& drawing = {});

// layout_dot laid out by libgvc (defined with the diagram files, files/diagrams.cpp).
GateDiagram lay_out_gates(Graphviz& gv, const Graph& g, const DotOptions& drawing = {});

// Where a trace step sits in the diagram: its gate, or the edge its message travelled.
PictureFocus step_focus(const GateDiagram& d, const Trace& trace, int step);

// The diagram with the labels `state` asks for (the final state, or as of a step) and the
// focus on `state.highlight_step`.
SvgPicture gate_picture(const GateDiagram& d, const Graph& g, const DotOptions& state);

}  // namespace gatelab::cli
