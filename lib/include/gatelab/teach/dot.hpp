// DOT text for a graph, for Graphviz to draw.
//
//   std::ostringstream out;
//   gatelab::write_dot(out, g, {.trace = &trace, .highlight_step = 3});
//
// Each node shows its name as the trace calls it (a gate without one is "mul#2"), its value
// and (after backward) its gradient; constants are nodes too. After backward each edge shows
// the local partial and the contribution it carried. detach edges are dashed and marked "no
// grad"; ste draws the value coming from f and the gradient going to b. A highlighted
// forward step outlines its gate in green (a value); a highlighted message is drawn in red
// with its arrow turned round (dir=back), the way the gradient flows. The text depends only
// on the graph (ids in creation order, numbers printed with 6 significant digits), so it can
// be compared byte for byte.
//
// diagram_labels gives the same labels as data, line by line, each line saying whether it
// shows a name, a value or a gradient: the command draws them in their own colours.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/trace.hpp"  // DotOptions points at the trace whose steps it draws

namespace gatelab {

// Nodes drawn together in a labelled box (a Graphviz cluster), e.g. one neuron's gates.
struct DotCluster {
  std::string label;
  std::vector<NodeId> nodes;
};

// The fonts of every diagram, first found first: Latin ones, then CJK ones (Debian's
// fonts-noto-cjk, which setup.sh installs; PingFang and YaHei where a picture is opened on a
// Mac or Windows), so that Chinese captions and names render. Graphviz takes the list as
// one fontname (pango reads the commas); SVG and CSS as a font-family.
inline constexpr const char* diagram_fonts = "Helvetica,Arial,Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif";

struct DotOptions {
  const Trace* trace = nullptr;  // needed to find highlight_step
  int highlight_step = 0;        // a trace step number; 0 highlights nothing
  std::string title;             // drawn above the graph when not empty
  // Draw the graph as it stood at highlight_step: values not yet computed show "?", and
  // gradients, tangents and edge messages appear only once the trace has reached them.
  bool as_of_step = false;
  std::vector<DotCluster> clusters;  // a node belongs to the first cluster that lists it
  std::vector<NodeId> only;          // draw only these nodes and the edges between them; empty: all
};

// What one line of a label shows.
enum class LabelKind { Name, Value, Grad, Tangent, Partial, Note };

// One line of a node's or an edge's label: words, then a number ("grad " "-4"; "= " "?").
struct LabelLine {
  LabelKind kind;
  std::string words;
  std::string number;
  std::string text() const { return words + number; }
};
using Label = std::vector<LabelLine>;

// Every label of the diagram write_dot writes for these options.
struct DiagramLabels {
  std::vector<Label> nodes;   // by node id
  std::vector<Label> edge_a;  // by gate id: the edge from its input a (empty for a leaf)
  std::vector<Label> edge_b;  // ... from its input b
  const Label& edge(NodeId gate, int slot) const { return slot == 0 ? edge_a[gate] : edge_b[gate]; }
};
DiagramLabels diagram_labels(const Graph& graph, const DotOptions& options = {});

// What a trace step is about: the gate a forward or tangent step evaluated (or a seed's
// output), or the edge (gate, slot) a gradient message travelled back along.
struct StepSubject {
  enum class Kind { None, Forward, Tangent, Seed, Message } kind = Kind::None;
  NodeId node = no_node;  // Forward, Tangent, Seed
  NodeId gate = no_node;  // Message: the gate that sent it ...
  int slot = -1;          // ... back along its input `slot` ...
  NodeId to = no_node;    // ... to this node
};
StepSubject step_subject(const Trace& trace, int step);

void write_dot(std::ostream& out, const Graph& graph, const DotOptions& options = {});
std::string to_dot(const Graph& graph, const DotOptions& options = {});

}  // namespace gatelab
