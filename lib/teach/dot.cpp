#include "gatelab/teach/dot.hpp"

#include <optional>
#include <sstream>
#include <vector>

#include "engine/messages.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"

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

// What the diagram shows: the final state, or with as_of_step the state at that step.
struct Message {
  double local;
  double sent;
};

struct Shown {
  explicit Shown(std::size_t n) : value(n, 1), grad(n), tangent(n), sent(n), sent_b(n) {}
  std::vector<unsigned char> value;            // is the value known yet?
  std::vector<std::optional<double>> grad;     // the gradient so far
  std::vector<std::optional<double>> tangent;  // forward mode's tangent so far
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
    const ops::Partials p =
        op_partials(node.op, g.value(node.a), node.b == no_node ? 0.0 : g.value(node.b), g.value(id));
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

Label node_label(const Graph& g, const Shown& shown, NodeId id) {
  const Node& n = g.node(id);
  if (n.op == Op::Const) return {{LabelKind::Value, "", format_number(g.value(id))}};
  Label label;
  const std::string_view name = g.name(id);
  if (op_info(n.op).arity == 0 || name.empty())
    label.push_back({LabelKind::Name, g.label(id), ""});
  else
    label.push_back({LabelKind::Name, std::string(name) + ": " + std::string(op_info(n.op).symbol), ""});
  if (const OpInfo& info = op_info(n.op); !info.note.empty()) label.push_back({LabelKind::Note, tr(info.note), ""});
  label.push_back({LabelKind::Value, "= ", shown.value[id] ? format_number(g.value(id)) : "?"});
  if (shown.tangent[id]) label.push_back({LabelKind::Tangent, tr("tangent "), format_number(*shown.tangent[id])});
  if (shown.grad[id]) label.push_back({LabelKind::Grad, tr("grad "), format_number(*shown.grad[id])});
  return label;
}

std::string node_style(const Node& n) {
  switch (op_info(n.op).arity) {
    case 0:
      return n.op == Op::Input ? "shape=ellipse, style=filled, fillcolor=\"#dbeafe\""
                               : "shape=box, style=\"rounded,filled\", fillcolor=\"#f1f5f9\", color=\"#94a3b8\"";
    default:
      return op_info(n.op).surrogate ? "shape=box, style=\"rounded,filled\", fillcolor=\"#fde68a\""
                                     : "shape=box, style=rounded";
  }
}

bool grad_flows(const Node& n, int slot) {
  const OpInfo& info = op_info(n.op);
  return slot == 0 ? info.grad_a : info.grad_b;
}

Label edge_label(const Graph& g, const Shown& shown, NodeId gate, int slot) {
  const Node& n = g.node(gate);
  Label label;
  auto note = [&](std::string words) { label.push_back({LabelKind::Note, std::move(words), ""}); };
  const OpInfo& info = op_info(n.op);
  // Name the slot where the order of the inputs matters.
  if (const std::string_view slot_name = slot == 0 ? info.slot_a : info.slot_b; !slot_name.empty())
    note(std::string(slot_name));
  const std::string_view slot_note = slot == 0 ? info.note_a : info.note_b;
  if (!grad_flows(n, slot)) {
    note(slot_note.empty() ? tr("no grad") : tr(slot_note));
    return label;
  }
  if (const auto& sent = (slot == 0 ? shown.sent : shown.sent_b)[gate]) {
    label.push_back({LabelKind::Partial, tr("local "), format_number(sent->local)});
    label.push_back({LabelKind::Grad, tr("sends "), format_number(sent->sent)});
  }
  if (!slot_note.empty()) note(tr(slot_note));
  return label;
}

std::string joined(const Label& label) {
  std::string text;
  for (const LabelLine& line : label) text += (text.empty() ? "" : "\\n") + line.text();
  return text;
}

Shown shown_for(const Graph& g, const DotOptions& o) {
  return o.as_of_step && o.trace ? state_at(g, *o.trace, o.highlight_step) : final_state(g);
}

}  // namespace

DiagramLabels diagram_labels(const Graph& g, const DotOptions& o) {
  const Shown shown = shown_for(g, o);
  DiagramLabels labels;
  labels.nodes.resize(g.size());
  labels.edge_a.resize(g.size());
  labels.edge_b.resize(g.size());
  for (NodeId id = 0; id < g.size(); ++id) {
    labels.nodes[id] = node_label(g, shown, id);
    const int arity = op_info(g.node(id).op).arity;
    if (arity > 0) labels.edge_a[id] = edge_label(g, shown, id, 0);
    if (arity > 1) labels.edge_b[id] = edge_label(g, shown, id, 1);
  }
  return labels;
}

StepSubject step_subject(const Trace& trace, int step) {
  using Kind = StepSubject::Kind;
  if (step <= 0) return {};
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return {Kind::Forward, s.node};
  for (const TangentStep& s : trace.tangent)
    if (s.step == step) return {Kind::Tangent, s.node};
  for (const BackwardStep& s : trace.backward) {
    if (s.step != step) continue;
    if (s.from == no_node) return {Kind::Seed, s.to};
    return {Kind::Message, no_node, s.from, s.slot, s.to};
  }
  return {};
}

void write_dot(std::ostream& out, const Graph& g, const DotOptions& o) {
  const StepSubject hl = o.trace ? step_subject(*o.trace, o.highlight_step) : StepSubject{};
  const Shown shown = shown_for(g, o);
  const bool value_step = hl.kind == StepSubject::Kind::Forward || hl.kind == StepSubject::Kind::Tangent;
  const char* hot_node = value_step ? ", color=\"#16a34a\", penwidth=3" : ", color=\"#dc2626\", penwidth=3";
  const char* hot_edge = "color=\"#dc2626\", penwidth=3, dir=back";
  out << "digraph gatelab {\n  rankdir=LR;\n  node [fontname=\"" << diagram_fonts << "\", fontsize=11];\n"
      << "  edge [fontname=\"" << diagram_fonts << "\", fontsize=9];\n";
  if (!o.title.empty())
    out << "  labelloc=t;\n  fontname=\"" << diagram_fonts << "\";\n  label=" << quoted(o.title) << ";\n";
  std::vector<unsigned char> drawn(g.size(), 0), wanted(g.size(), o.only.empty());
  for (NodeId id : o.only)
    if (id < g.size()) wanted[id] = 1;
  auto node_line = [&](NodeId id, const char* indent) {
    out << indent << "n" << id << " [label=" << quoted(joined(node_label(g, shown, id))) << ", "
        << node_style(g.node(id)) << (hl.node == id ? hot_node : "") << "];\n";
  };
  for (std::size_t c = 0; c < o.clusters.size(); ++c) {
    out << "  subgraph cluster_" << c << " {\n    label=" << quoted(o.clusters[c].label)
        << ";\n    style=\"rounded,dashed\";\n    color=\"#94a3b8\";\n";
    for (NodeId id : o.clusters[c].nodes) {
      if (id >= g.size() || drawn[id] || !wanted[id]) continue;
      drawn[id] = 1;
      node_line(id, "    ");
    }
    out << "  }\n";
  }
  for (NodeId id = 0; id < g.size(); ++id)
    if (!drawn[id] && wanted[id]) node_line(id, "  ");
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
      const NodeId in = slot == 0 ? n.a : n.b;
      if (!wanted[id] || !wanted[in]) continue;
      const Label label = edge_label(g, shown, id, slot);
      std::string attrs;
      if (!grad_flows(n, slot)) attrs = "style=dashed, ";
      if (!label.empty())
        attrs += "label=" + quoted(joined(label));
      else if (!attrs.empty())
        attrs.resize(attrs.size() - 2);
      if (hl.gate == id && hl.slot == slot) attrs += attrs.empty() ? hot_edge : std::string(", ") + hot_edge;
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
