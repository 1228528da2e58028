#include "render/trace_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/ink.hpp"
#include "render/named_values.hpp"
#include "render/text_columns.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }

// A number or name in parentheses when it starts with a minus: 3 + (-4), not 3 + -4.
std::string operand(const std::string& shown) { return !shown.empty() && shown[0] == '-' ? "(" + shown + ")" : shown; }

// "a + b", "-a", "sigmoid(a)", "max(a, b)", with a and b already shown. A negative number is
// written in parentheses where it follows an operator, and as the base of ^ (by gatelab's
// precedence -0.6 ^ 2 is -(0.6^2)): (-0.6) ^ 2, 3 + (-4), -(-2.4).
std::string call_text(Op op, const std::string& a, const std::string& b) {
  const OpInfo& info = op_info(op);
  switch (info.notation) {
    case Notation::infix:
      return a + " " + std::string(info.symbol) + " " + operand(b);
    case Notation::power:
      return operand(a) + " ^ " + operand(b);
    case Notation::prefix:
      return std::string(info.symbol) + operand(a);
    case Notation::call:
      break;
  }
  const std::string name{info.name};
  return info.arity == 2 ? name + "(" + a + ", " + b + ")" : name + "(" + a + ")";
}

std::string step_tag(int step) { return fmt::format("[{}]", step); }

// The cells of each kind of step. A line lays them out with widths (padded, the tag in
// front); a caption without (unpadded, no tag, empty cells left out).
struct ForwardCells {
  std::string tag, label, symbolic, numeric, value;
};
ForwardCells forward_cells(const Graph& g, const ForwardStep& s) {
  const bool two = op_info(s.op).arity == 2;
  return {step_tag(s.step), display_name(g, s.node),
          call_text(s.op, display_name(g, s.a), two ? display_name(g, s.b) : ""),
          call_text(s.op, num(s.a_value), two ? num(s.b_value) : ""), num(s.value)};
}
std::string forward_text(const ForwardCells& c, const std::vector<std::size_t>& w, const Paint& paint) {
  return "  " + paint(style::dim, pad(c.tag, w[0])) + " " + paint(style::name, pad(c.label, w[1])) + " = " +
         pad(c.symbolic, w[2]) + " = " + pad(c.numeric, w[3]) + " = " + paint(terminal_style(Ink::Value), c.value);
}
Caption forward_caption(const ForwardCells& c, bool asked) {
  Caption out{{c.label, Ink::Name}, {" = "}, {c.symbolic}, {" = "}};
  if (asked) {
    out.push_back({"?", Ink::Value});
    return out;
  }
  out.insert(out.end(), {{c.numeric}, {" = "}, {c.value, Ink::Value}});
  return out;
}

struct BackwardCells {
  std::string tag, edge, product, grad, note, asked;
};
BackwardCells backward_cells(const Graph& g, const BackwardStep& s) {
  BackwardCells c{step_tag(s.step), "", "", "", "", ""};
  const std::string to = display_name(g, s.to);
  c.asked = fmt::format("grad({}) = ?", to);
  if (s.from == no_node) {
    c.edge = tr("seed");
    c.grad = fmt::format("grad({}) = 1", to);
    c.note = fmt::format("d{0}/d{0} = 1", to);
    return c;
  }
  c.edge = display_name(g, s.from) + " → " + to;
  c.product = fmt::format("{} × {} = {}", num(s.upstream), operand(num(s.local)), num(s.contribution));
  c.grad = s.accumulated ? fmt::format("grad({}) += {} → {}", to, num(s.contribution), num(s.grad_after))
                         : fmt::format("grad({}) = {}", to, num(s.grad_after));
  if (s.accumulated) c.note = tr("(+= at a fork)");
  return c;
}
std::string backward_text(const BackwardCells& c, const std::vector<std::size_t>& w, const Paint& paint) {
  std::string line = "  " + paint(style::dim, pad(c.tag, w[0])) + " " + paint(style::name, pad(c.edge, w[1])) + "   " +
                     pad(c.product, w[2]) + "   " + paint(terminal_style(Ink::Grad), c.grad);
  if (!c.note.empty()) line += "   " + paint(style::note, c.note);
  return line;
}
Caption backward_caption(const BackwardCells& c, bool asked) {
  Caption out{{c.edge, Ink::Name}};
  const CaptionCell cells[] = {{asked ? "" : c.product}, {asked ? c.asked : c.grad, Ink::Grad}, {c.note, Ink::Note}};
  for (const CaptionCell& cell : cells)
    if (!cell.text.empty()) out.insert(out.end(), {{"   "}, cell});
  return out;
}

struct TangentCells {
  std::string tag, subject, terms, value;
};
TangentCells tangent_cells(const Graph& g, const TangentStep& s) {
  std::string terms;
  if (s.a == no_node) {
    terms = tr("seed");
  } else {
    auto term = [&](int slot, double local, double tangent) {
      if (!takes_message(g, s.node, slot)) return;
      terms += (terms.empty() ? "" : " + ") + num(local) + " × " + operand(num(tangent));
    };
    term(0, s.local_a, s.tangent_a);
    term(1, s.local_b, s.tangent_b);
    if (terms.empty()) terms = tr("no input carries a tangent");
  }
  return {step_tag(s.step), "tangent(" + display_name(g, s.node) + ")", terms, num(s.tangent)};
}
std::string tangent_text(const TangentCells& c, const std::vector<std::size_t>& w, const Paint& paint) {
  return "  " + paint(style::dim, pad(c.tag, w[0])) + " " + paint(style::name, pad(c.subject, w[1])) + " = " + c.terms +
         " = " + paint(terminal_style(Ink::Tangent), c.value);
}
Caption tangent_caption(const TangentCells& c, bool asked) {
  Caption out{{c.subject, Ink::Tangent}, {" = "}};
  if (asked) {
    out.push_back({"?", Ink::Tangent});
    return out;
  }
  out.insert(out.end(), {{c.terms}, {" = "}, {c.value, Ink::Tangent}});
  return out;
}

// The widest of each listed cell over a section's rows.
template <class C, class... Members>
std::vector<std::size_t> widths(const std::vector<C>& rows, Members... members) {
  std::vector<std::size_t> w;
  for (auto member : {members...}) {
    std::size_t m = 0;
    for (const C& row : rows) m = std::max(m, width(row.*member));
    w.push_back(m);
  }
  return w;
}

}  // namespace

std::string display_name(const Graph& g, NodeId id) {
  if (g.node(id).op == Op::Const && g.name(id).empty()) return num(g.value(id));
  return g.label(id);
}

std::vector<TraceLine> forward_lines(const Graph& g, const Trace& trace, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, tr("forward")) +
                                     paint(style::dim, std::string("  ") + tr("(each gate from its inputs)"))}};
  std::vector<ForwardCells> rows;
  for (const ForwardStep& s : trace.forward) rows.push_back(forward_cells(g, s));
  const auto w =
      widths(rows, &ForwardCells::tag, &ForwardCells::label, &ForwardCells::symbolic, &ForwardCells::numeric);
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({trace.forward[i].step, forward_text(rows[i], w, paint)});
  if (rows.empty()) out.push_back({0, paint(style::dim, std::string("  ") + tr("(no gates: the output is a leaf)"))});
  return out;
}

std::vector<TraceLine> backward_lines(const Graph& g, const std::string& output_name, const Trace& trace,
                                      const Paint& paint) {
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("backward")) +
              paint(style::dim, "  " + trf("(gradients of {}: upstream × local = sent)", output_name))}};
  std::vector<BackwardCells> rows;
  for (const BackwardStep& s : trace.backward) rows.push_back(backward_cells(g, s));
  const auto w = widths(rows, &BackwardCells::tag, &BackwardCells::edge, &BackwardCells::product);
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back({trace.backward[i].step, backward_text(rows[i], w, paint)});
  return out;
}

std::vector<TraceLine> tangent_lines(const Graph& g, const Trace& trace, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, tr("forward mode")) +
                                     paint(style::dim, std::string("  ") + tr("(tangent = Σ local × input tangent)"))}};
  std::vector<TangentCells> rows;
  for (const TangentStep& s : trace.tangent) rows.push_back(tangent_cells(g, s));
  const auto w = widths(rows, &TangentCells::tag, &TangentCells::subject);
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({trace.tangent[i].step, tangent_text(rows[i], w, paint)});
  return out;
}

Caption step_cells(const Graph& g, const Trace& trace, int step, bool asked) {
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return forward_caption(forward_cells(g, s), asked);
  for (const BackwardStep& s : trace.backward)
    if (s.step == step) return backward_caption(backward_cells(g, s), asked);
  for (const TangentStep& s : trace.tangent)
    if (s.step == step) return tangent_caption(tangent_cells(g, s), asked);
  return {};
}

std::string caption_text(const Caption& caption) {
  std::string text;
  for (const CaptionCell& cell : caption) text += cell.text;
  return text;
}

std::string step_caption(const Graph& g, const Trace& trace, int step) {
  return caption_text(step_cells(g, trace, step));
}

std::vector<TraceLine> summary_lines(const Program& p, bool with_grads, const Paint& paint,
                                     const std::vector<double>* tangents) {
  const Graph& g = p.graph;
  Cells heading{tr("name"), tr("value")};
  if (tangents) heading.push_back(tr("tangent"));
  if (with_grads && !tangents) heading.push_back(tr("grad"));
  std::vector<Cells> rows{heading};
  for (const Named& n : named_values(p)) {
    rows.push_back({n.output ? trf("{} (output)", n.name) : n.name, numbers_text(n.shape, n.values(g))});
    if (tangents) {
      std::vector<double> entries;
      for (NodeId id : n.nodes) entries.push_back(id < tangents->size() ? (*tangents)[id] : 0.0);
      rows.back().push_back(numbers_text(n.shape, entries));
    } else if (with_grads) {
      rows.back().push_back(g.node(n.nodes.front()).requires_grad ? numbers_text(n.shape, n.grads(g)) : tr("no grad"));
    }
  }
  const auto aligned = align_columns(rows);
  std::vector<TraceLine> out{{0, paint(style::heading, tr("summary"))}, {0, paint(style::dim, join_cells(aligned[0]))}};
  for (std::size_t i = 1; i < aligned.size(); ++i) {
    Cells cells = aligned[i];
    cells[0] = paint(style::name, cells[0]);
    out.push_back({0, join_cells(cells)});
  }
  return out;
}

}  // namespace gatelab::cli
