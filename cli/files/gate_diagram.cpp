#include "files/gate_diagram.hpp"

#include <cstdlib>
#include <map>

#include "gatelab/engine/error.hpp"

namespace gatelab::cli {

namespace {

// "n12" -> 12, as write_dot names node 12.
NodeId id_of(const std::string& name) {
  if (name.size() < 2 || name[0] != 'n') throw Error("the diagram has a node gatelab did not name: " + name);
  return static_cast<NodeId>(std::strtoul(name.c_str() + 1, nullptr, 10));
}

}  // namespace

int GateDiagram::node_index(NodeId id) const {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i] == id) return static_cast<int>(i);
  return -1;
}

int GateDiagram::edge_index(NodeId gate, int slot) const {
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (edges[i].first == gate && edges[i].second == slot) return static_cast<int>(i);
  return -1;
}

namespace {

DotOptions final_state(const DotOptions& drawing) {
  DotOptions state = drawing;
  state.trace = nullptr;
  state.as_of_step = false;
  state.title.clear();
  return state;
}

}  // namespace

std::string layout_dot(const Graph& g, const DotOptions& drawing) { return to_dot(g, final_state(drawing)); }

GateDiagram gate_diagram(Layout layout, const Graph& g, const DotOptions& drawing) {
  GateDiagram d{std::move(layout), {}, {}, diagram_labels(g, final_state(drawing))};
  for (const NodePlace& n : d.layout.nodes) d.nodes.push_back(id_of(n.name));
  for (const EdgePlace& e : d.layout.edges)
    if (id_of(e.tail) >= g.size() || id_of(e.head) >= g.size()) throw Error("the diagram is of another graph");
  // Edges come in the order write_dot declares them: by gate, a before b; two edges between
  // the same pair (x * x) are the gate's slots in order.
  std::map<std::pair<NodeId, NodeId>, int> seen;
  for (const EdgePlace& e : d.layout.edges) {
    const NodeId in = id_of(e.tail), gate = id_of(e.head);
    const Node& n = g.node(gate);
    int& count = seen[{in, gate}];
    int slot = n.a == in ? 0 : 1;
    if (count++ > 0 && n.b == in) slot = 1;
    d.edges.emplace_back(gate, slot);
  }
  return d;
}

PictureFocus step_focus(const GateDiagram& d, const Trace& trace, int step) {
  const StepSubject s = step_subject(trace, step);
  switch (s.kind) {
    case StepSubject::Kind::Forward:
      return {d.node_index(s.node), -1, Ink::Value};
    case StepSubject::Kind::Tangent:
      return {d.node_index(s.node), -1, Ink::Tangent};
    case StepSubject::Kind::Seed:
      return {d.node_index(s.node), -1, Ink::Grad};
    case StepSubject::Kind::Message:
      return {-1, d.edge_index(s.gate, s.slot), Ink::Grad};
    case StepSubject::Kind::None:
      break;
  }
  return {};
}

SvgPicture gate_picture(const GateDiagram& d, const Graph& g, const DotOptions& state) {
  const DiagramLabels shown = diagram_labels(g, state);
  SvgPicture p{.layout = &d.layout};
  for (NodeId id : d.nodes) {
    p.node_slots.push_back(d.slots.nodes[id]);
    p.node_labels.push_back(shown.nodes[id]);
  }
  for (const auto& [gate, slot] : d.edges) {
    p.edge_slots.push_back(d.slots.edge(gate, slot));
    p.edge_labels.push_back(shown.edge(gate, slot));
  }
  if (state.trace) p.focus = step_focus(d, *state.trace, state.highlight_step);
  return p;
}

}  // namespace gatelab::cli
