#include "render/eval_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/diagnosis_text.hpp"
#include "render/named_values.hpp"
#include "render/text_columns.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }

std::string direction_text(const EvalResult& r) {
  std::string s;
  for (const Tangent& t : r.tangents)
    s += (s.empty() ? "" : ", ") + display_name(r.program.graph, t.input) + " = " + num(t.dot);
  return s;
}

// A table under a heading: the first row is the header (dim); the last cell of each other
// row takes that row's style.
std::vector<TraceLine> table(const std::vector<Cells>& rows, const Paint& paint,
                             const std::vector<fmt::text_style>& last_cell_styles) {
  std::vector<TraceLine> out;
  const auto aligned = align_columns(rows);
  for (std::size_t i = 0; i < aligned.size(); ++i) {
    Cells cells = aligned[i];
    if (i > 0) cells.back() = paint(last_cell_styles[i - 1], cells.back());
    const std::string line = join_cells(cells);
    out.push_back({0, i == 0 ? paint(style::dim, line) : line});
  }
  return out;
}

}  // namespace

const char* verdict_text(Verdict v) {
  switch (v) {
    case Verdict::Right:
      return tr("match");
    case Verdict::TooFewDigits:
      return tr("too few digits");
    case Verdict::NoGradient:
      return tr("NO GRADIENT");
    case Verdict::Wrong:
      break;
  }
  return tr("MISMATCH");
}

std::vector<TraceLine> gradcheck_lines(const EvalResult& r, const Paint& paint) {
  const Graph& g = r.program.graph;
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("gradient check")) +
              paint(style::dim, std::string("  ") + tr("(reverse mode vs central differences)"))}};
  std::vector<Cells> rows{{tr("input"), tr("analytic"), tr("numeric"), tr("difference"), tr("result")}};
  std::vector<fmt::text_style> styles;
  for (const InputCheck& c : r.gradcheck->inputs) {
    std::string result;
    const std::string gate = c.gate == no_node ? "" : display_name(g, c.gate);
    switch (c.status) {
      case CheckStatus::Match:
        result = tr("match");
        styles.push_back(style::good);
        break;
      case CheckStatus::Kink:
        result = trf("kink: {} switches branch within ±h, so no derivative exists there", gate);
        styles.push_back(style::note);
        break;
      case CheckStatus::Surrogate:
        result = trf("surrogate: {} ({}) sends a gradient that is, by design, not its value's derivative", gate,
                     op_info(g.node(c.gate).op).name);
        styles.push_back(style::note);
        break;
      case CheckStatus::Mismatch:
        result = gate.empty() ? tr("MISMATCH") : trf("MISMATCH; first disagreeing gate: {}", gate);
        styles.push_back(style::bad);
        break;
    }
    rows.push_back({display_name(g, c.input), num(c.analytic), num(c.numeric), num(c.analytic - c.numeric), result});
  }
  auto lines = table(rows, paint, styles);
  out.insert(out.end(), lines.begin(), lines.end());
  return out;
}

std::vector<TraceLine> expectation_lines(const EvalResult& r, const Paint& paint) {
  std::vector<TraceLine> out{{0, paint(style::heading, tr("expectations"))}};
  std::vector<Cells> rows{{tr("expected"), tr("traced"), tr("difference"), tr("result")}};
  std::vector<fmt::text_style> styles;
  for (const ExpectationResult& e : r.expectations) {
    const Expectation& x = e.expectation;
    const bool number = e.truth.value && !x.answer.no_gradient;
    rows.push_back({expected_text(x, e.truth), e.truth.value ? num(e.traced) : tr("no grad"),
                    number ? num(e.difference) : "", verdict_text(e.verdict)});
    styles.push_back(e.verdict == Verdict::Right          ? style::good
                     : e.verdict == Verdict::TooFewDigits ? style::note
                                                          : style::bad);
  }
  auto lines = table(rows, paint, styles);
  out.insert(out.end(), lines.begin(), lines.end());
  for (const ExpectationResult& e : r.expectations)
    if (e.diagnosis)
      out.push_back({0, "  " + paint(style::note, e.expectation.subject() + ": ") +
                            diagnosis_text(r.program.graph, r.program.output, *e.diagnosis)});
  return out;
}

std::vector<TraceLine> jvp_lines(const EvalResult& r, const Paint& paint) {
  const Graph& g = r.program.graph;
  const std::string out_name = r.program.output_label();
  // The two ways' labels, padded alike so that their numbers line up.
  const std::string forward_label = tr("forward mode, one pass:"), reverse_label = tr("reverse mode, grad · tangent:");
  const std::size_t label_width = std::max(width(forward_label), width(reverse_label)) + 2;
  std::vector<TraceLine> out{{0, paint(style::heading, tr("directional derivative")) +
                                     paint(style::dim, "  " + trf("(of {} along {})", out_name, direction_text(r)))},
                             {0, "  " + pad(forward_label, label_width) + paint(style::heading, num(r.jvp))}};
  if (r.backward_error) {
    out.push_back({0, "  " + pad(reverse_label, label_width) + tr("unavailable (backward is impossible)")});
    return out;
  }
  std::string terms;
  double dot = 0;
  for (const Tangent& t : r.tangents) {
    terms += (terms.empty() ? "" : " + ") + num(g.grad(t.input)) + " × " + num(t.dot);
    dot += g.grad(t.input) * t.dot;
  }
  out.push_back({0, "  " + pad(reverse_label, label_width) + terms + " = " + paint(style::heading, num(dot))});
  return out;
}

// The inputs, the forward pass and the backward pass (or forward mode's tangents).
template <typename Section>
void trace_sections(const EvalResult& r, const Paint& paint, Section& section) {
  const Program& p = r.program;
  if (!p.inputs.empty()) {
    std::vector<TraceLine> inputs{{0, paint(style::heading, tr("inputs"))}};
    for (const Named& n : named_values(p))
      if (n.input)
        inputs.push_back({0, "  " + paint(style::name, n.name) + " = " + numbers_text(n.shape, n.values(p.graph))});
    section(inputs);
  }
  section(forward_lines(p.graph, r.trace, paint));
  if (!r.tangents.empty())
    section(tangent_lines(p.graph, r.trace, paint));
  else if (!r.backward_error)
    section(backward_lines(p.graph, p.output_label(), r.trace, paint));
  else
    section({{0, paint(style::heading, tr("backward")) + "  " +
                     paint(style::bad, trf("impossible: {}", r.backward_error->message))}});
}

std::vector<TraceLine> report_lines(const EvalResult& r, const Paint& paint, const std::string& trace_shown_in) {
  const Program& p = r.program;
  std::vector<TraceLine> out;
  auto section = [&](std::vector<TraceLine> lines) {
    if (!out.empty()) out.push_back({0, ""});
    out.insert(out.end(), lines.begin(), lines.end());
  };
  if (!trace_shown_in.empty()) {
    section({{0, paint(style::dim, trf("inputs, forward and backward: as in {} above", trace_shown_in))}});
  } else {
    trace_sections(r, paint, section);
  }
  section(summary_lines(p, !r.backward_error, paint, r.tangents.empty() ? nullptr : &r.node_tangents));
  if (!r.tangents.empty()) section(jvp_lines(r, paint));
  if (r.gradcheck) section(gradcheck_lines(r, paint));
  if (!r.expectations.empty()) section(expectation_lines(r, paint));
  return out;
}

}  // namespace gatelab::cli
