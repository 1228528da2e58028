#include "gatelab/dot.hpp"

#include <optional>
#include <sstream>
#include <vector>

#include "gatelab/format.hpp"
#include "messages.hpp"

namespace gatelab {

namespace {

// Quotes s for a DOT string: backslash and double quote escaped; "\n" passes through
// as DOT's own line break.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += "\\n";
      ++i;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

struct Highlight {
  NodeId node = no_node;  // a forward, tangent or seed step's node
  NodeId edge_from = no_node, edge_to = no_node;
  int slot = -1;
};

Highlight find_highlight(const DotOptions& o) {
  if (!o.trace || o.highlight_step <= 0) return {};
  for (const ForwardStep& s : o.trace->forward)
    if (s.step == o.highlight_step) return {s.node};
  for (const TangentStep& s : o.trace->tangent)
    if (s.step == o.highlight_step) return {s.node};
  for (const BackwardStep& s : o.trace->backward) {
    if (s.step != o.highlight_step) continue;
    if (s.from == no_node) return {s.to};
    return {no_node, s.from, s.to, s.slot};
  }
  return {};
}

// What the diagram shows: the final state, or with as_of_step the state at that step.
struct Message {
  double local;
  double sent;
};

struct Shown {
  explicit Shown(std::size_t n) : value(n, 1), grad(n), tangent(n), sent(n), sent_b(n) {}
  std::vector<unsigned char> value;                       // is the value known yet?
  std::vector<std::optional<double>> grad;                // the gradient so far
  std::vector<std::optional<double>> tangent;             // forward mode's tangent so far
  std::vector<std::optional<Message>> sent;    // per gate: the message along slot a's edge
  std::vector<std::optional<Message>> sent_b;  // ... along slot b's edge
};

Shown final_state(const Graph& g) {
  Shown s(g.size());
  if (!g.has_grad()) return s;
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& node = g.node(id);
    if (!node.requires_grad) continue;
    s.grad[id] = g.grad(id);
    if (op_info(node.op).arity == 0) continue;
    const ops::Partials p = op_partials(node.op, g.value(node.a), node.b == no_node ? 0.0 : g.value(node.b), g.value(id));
    detail::for_each_message(g, id, [&](int slot, NodeId) {
      const double local = detail::partial_of(p, slot);
      (slot == 0 ? s.sent : s.sent_b)[id] = Message{local, local * g.grad(id)};
    });
  }
  return s;
}

Shown state_at(const Graph& g, const Trace& trace, int step) {
  Shown s(g.size());
  for (const ForwardStep& f : trace.forward) s.value[f.node] = f.step <= step;
  for (const TangentStep& t : trace.tangent)
    if (t.step <= step) s.tangent[t.node] = t.tangent;
  for (const BackwardStep& b : trace.backward) {
    if (b.step > step) continue;
    s.grad[b.to] = b.grad_after;
    if (b.from != no_node) (b.slot == 0 ? s.sent : s.sent_b)[b.from] = Message{b.local, b.contribution};
  }
  return s;
}

std::string node_label(const Graph& g, const Shown& shown, NodeId id) {
  const Node& n = g.node(id);
  const OpInfo& info = op_info(n.op);
  if (n.op == Op::Const) return format_number(g.value(id));
  std::string label{g.name(id)};
  if (info.arity > 0) {
    const std::string op{info.symbol};
    label = label.empty() ? op : label + ": " + op;
  }
  if (n.op == Op::Ste) label += "\\nvalue of f, grad to b";
  label += "\\n= " + (shown.value[id] ? format_number(g.value(id)) : std::string("?"));
  if (shown.tangent[id]) label += "\\ntangent " + format_number(*shown.tangent[id]);
  if (shown.grad[id]) label += "\\ngrad " + format_number(*shown.grad[id]);
  return label;
}

std::string node_style(const Node& n) {
  switch (op_info(n.op).arity) {
    case 0: return n.op == Op::Input ? "shape=ellipse, style=filled, fillcolor=\"#dbeafe\""
                                     : "shape=plaintext";
    default: return n.op == Op::Detach || n.op == Op::Ste
                        ? "shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\""
                        : "shape=box, style=rounded";
  }
}

std::string edge_attrs(const Graph& g, const Shown& shown, NodeId gate, int slot) {
  const Node& n = g.node(gate);
  const OpInfo& info = op_info(n.op);
  const bool flows = slot == 0 ? info.grad_a : info.grad_b;
  std::string label;
  auto add = [&](std::string_view line) {
    if (!label.empty()) label += "\\n";
    label += line;
  };
  // Name the slot where the order of the inputs matters.
  if (n.op == Op::Ste) add(slot == 0 ? "f" : "b");
  if (n.op == Op::Sub || n.op == Op::Div || n.op == Op::Pow) add(slot == 0 ? "a" : "b");
  if (!flows) {
    add(n.op == Op::Ste ? "value only, no grad" : "no grad");
    return "style=dashed, label=" + quoted(label);
  }
  if (const auto& sent = (slot == 0 ? shown.sent : shown.sent_b)[gate]) {
    add("local " + format_number(sent->local));
    add("sends " + format_number(sent->sent));
  }
  if (n.op == Op::Ste) add("grad as if identity");
  return label.empty() ? std::string{} : "label=" + quoted(label);
}

}  // namespace

void write_dot(std::ostream& out, const Graph& g, const DotOptions& o) {
  const Highlight hl = find_highlight(o);
  const Shown shown = o.as_of_step && o.trace ? state_at(g, *o.trace, o.highlight_step) : final_state(g);
  const char* hot = ", color=\"#dc2626\", penwidth=3";
  out << "digraph gatelab {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  if (!o.title.empty())
    out << "  labelloc=t;\n  fontname=\"Helvetica\";\n  label=" << quoted(o.title) << ";\n";
  auto node_line = [&](NodeId id, const char* indent) {
    out << indent << "n" << id << " [label=" << quoted(node_label(g, shown, id)) << ", " << node_style(g.node(id))
        << (hl.node == id ? hot : "") << "];\n";
  };
  std::vector<unsigned char> drawn(g.size(), 0);
  for (std::size_t c = 0; c < o.clusters.size(); ++c) {
    out << "  subgraph cluster_" << c << " {\n    label=" << quoted(o.clusters[c].label)
        << ";\n    style=\"rounded,dashed\";\n    color=\"#94a3b8\";\n";
    for (NodeId id : o.clusters[c].nodes) {
      if (id >= g.size() || drawn[id]) continue;
      drawn[id] = 1;
      node_line(id, "    ");
    }
    out << "  }\n";
  }
  for (NodeId id = 0; id < g.size(); ++id)
    if (!drawn[id]) node_line(id, "  ");
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
      const NodeId in = slot == 0 ? n.a : n.b;
      std::string attrs = edge_attrs(g, shown, id, slot);
      if (hl.edge_from == id && hl.edge_to == in && hl.slot == slot)
        attrs += attrs.empty() ? std::string(hot + 2) : std::string(hot);
      out << "  n" << in << " -> n" << id;
      if (!attrs.empty()) out << " [" << attrs << "]";
      out << ";\n";
    }
  }
  out << "}\n";
}

std::string to_dot(const Graph& g, const DotOptions& o) {
  std::ostringstream out;
  write_dot(out, g, o);
  return out.str();
}

}  // namespace gatelab
