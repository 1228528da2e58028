#include "trace_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/dot.hpp"

namespace gatelab::cli {

std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t w) { return s + std::string(w > width(s) ? w - width(s) : 0, ' '); }

namespace {

std::string num(double x) { return format_number(x); }

// "a + b", "-a", "sigmoid(a)", "max(a, b)", with a and b already shown.
std::string call_text(Op op, const std::string& a, const std::string& b) {
  switch (op) {
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Pow:
      return a + " " + std::string(op_info(op).symbol) + " " + b;
    case Op::Neg: return "-" + a;
    default: break;
  }
  const std::string name{op_info(op).name};
  return op_info(op).arity == 2 ? name + "(" + a + ", " + b + ")" : name + "(" + a + ")";
}

std::string step_tag(int step) { return fmt::format("[{}]", step); }

}  // namespace

std::string display_name(const Graph& g, NodeId id) {
  if (g.node(id).op == Op::Const && g.name(id).empty()) return num(g.value(id));
  return g.label(id);
}

std::vector<TraceLine> forward_lines(const Graph& g, const Trace& trace, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, "forward") + paint(style::dim, "  (each gate from its inputs)")}};
  struct Row { int step; std::string tag, label, symbolic, numeric, value; };
  std::vector<Row> rows;
  std::size_t w[4] = {0, 0, 0, 0};
  for (const ForwardStep& s : trace.forward) {
    const bool two = op_info(s.op).arity == 2;
    Row r{s.step, step_tag(s.step), display_name(g, s.node),
          call_text(s.op, display_name(g, s.a), two ? display_name(g, s.b) : ""),
          call_text(s.op, num(s.a_value), two ? num(s.b_value) : ""), num(s.value)};
    w[0] = std::max(w[0], width(r.tag));
    w[1] = std::max(w[1], width(r.label));
    w[2] = std::max(w[2], width(r.symbolic));
    w[3] = std::max(w[3], width(r.numeric));
    rows.push_back(std::move(r));
  }
  for (const Row& r : rows)
    out.push_back({r.step, "  " + paint(style::dim, pad(r.tag, w[0])) + " " + paint(style::name, pad(r.label, w[1])) +
                               " = " + pad(r.symbolic, w[2]) + " = " + pad(r.numeric, w[3]) + " = " +
                               paint(style::heading, r.value)});
  if (rows.empty()) out.push_back({0, paint(style::dim, "  (no gates: the output is a leaf)")});
  return out;
}

std::vector<TraceLine> backward_lines(const Graph& g, NodeId output, const Trace& trace, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, "backward") +
                                      paint(style::dim, fmt::format("  (gradients of {}: upstream × local = sent)",
                                                                    display_name(g, output)))}};
  struct Row { int step; std::string tag, edge, product, grad, note; };
  std::vector<Row> rows;
  std::size_t w[3] = {0, 0, 0};
  for (const BackwardStep& s : trace.backward) {
    Row r{s.step, step_tag(s.step), "", "", "", ""};
    const std::string to = display_name(g, s.to);
    if (s.from == no_node) {
      r.edge = "seed";
      r.grad = fmt::format("grad({}) = 1", to);
      r.note = fmt::format("d{0}/d{0} = 1", to);
    } else {
      r.edge = display_name(g, s.from) + " → " + to;
      r.product = fmt::format("{} × {} = {}", num(s.upstream), num(s.local), num(s.contribution));
      r.grad = s.accumulated ? fmt::format("grad({}) += {} → {}", to, num(s.contribution), num(s.grad_after))
                             : fmt::format("grad({}) = {}", to, num(s.grad_after));
      if (s.accumulated) r.note = "(+= at a fork)";
    }
    w[0] = std::max(w[0], width(r.tag));
    w[1] = std::max(w[1], width(r.edge));
    w[2] = std::max(w[2], width(r.product));
    rows.push_back(std::move(r));
  }
  for (const Row& r : rows) {
    std::string line = "  " + paint(style::dim, pad(r.tag, w[0])) + " " + paint(style::name, pad(r.edge, w[1])) + "   " +
                       pad(r.product, w[2]) + "   " + r.grad;
    if (!r.note.empty()) line += "   " + paint(style::note, r.note);
    out.push_back({r.step, line});
  }
  return out;
}

std::vector<TraceLine> tangent_lines(const Graph& g, const Trace& trace, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, "forward mode") +
                                      paint(style::dim, "  (tangent = Σ local × input tangent)")}};
  std::size_t w = 0, wt = 0;
  for (const TangentStep& s : trace.tangent) {
    w = std::max(w, width(display_name(g, s.node)));
    wt = std::max(wt, width(step_tag(s.step)));
  }
  for (const TangentStep& s : trace.tangent) {
    std::string terms;
    if (s.a == no_node) {
      terms = "seed";
    } else {
      auto term = [&](NodeId in, double local, double tangent) {
        if (in == no_node || !g.node(in).requires_grad) return;
        terms += (terms.empty() ? "" : " + ") + num(local) + " × " + num(tangent);
      };
      term(s.a, s.local_a, s.tangent_a);
      term(s.b, s.local_b, s.tangent_b);
      if (terms.empty()) terms = "no input carries a tangent";
    }
    out.push_back({s.step, "  " + paint(style::dim, pad(step_tag(s.step), wt)) + " " +
                               paint(style::name, pad("tangent(" + display_name(g, s.node) + ")", w + 9)) + " = " + terms + " = " +
                               paint(style::heading, num(s.tangent))});
  }
  return out;
}

std::vector<TraceLine> summary_lines(const Program& p, bool with_grads, const Paint& paint) {
  const Graph& g = p.graph;
  std::vector<NodeId> shown = p.inputs;
  shown.insert(shown.end(), p.assigned.begin(), p.assigned.end());
  if (std::find(shown.begin(), shown.end(), p.output) == shown.end()) shown.push_back(p.output);
  std::vector<std::string> names, values, grads;
  std::size_t wn = 4, wv = 5;
  for (NodeId id : shown) {
    names.push_back(display_name(g, id) + (id == p.output ? " (output)" : ""));
    values.push_back(num(g.value(id)));
    grads.push_back(!with_grads ? "" : g.node(id).requires_grad ? num(g.grad(id)) : "no grad");
    wn = std::max(wn, width(names.back()));
    wv = std::max(wv, width(values.back()));
  }
  std::vector<TraceLine> out{{0, paint(style::heading, "summary")},
                             {0, paint(style::dim, "  " + pad("name", wn) + "  " + pad("value", wv) +
                                                       (with_grads ? "  grad" : ""))}};
  for (std::size_t i = 0; i < shown.size(); ++i) {
    std::string line = "  " + paint(style::name, pad(names[i], wn)) + "  " + pad(values[i], wv);
    if (with_grads) line += "  " + grads[i];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.push_back({0, line});
  }
  return out;
}

std::string plain_step_text(const std::vector<TraceLine>& lines, int step) {
  for (const TraceLine& l : lines) {
    if (l.step != step) continue;
    std::string s = l.text;
    const auto tag_end = s.find("] ");  // drop the "[N] " the caption numbers already
    s = tag_end == std::string::npos ? s : s.substr(tag_end + 2);
    std::string squeezed;  // runs of spaces used for alignment become one
    for (char c : s)
      if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed += c;
    return squeezed;
  }
  return {};
}

}  // namespace gatelab::cli
