#include "eval_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "gatelab/dot.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }

std::string direction_text(const EvalResult& r) {
  std::string s;
  for (const Tangent& t : r.tangents)
    s += (s.empty() ? "" : ", ") + display_name(r.program.graph, t.input) + " = " + num(t.dot);
  return s;
}

// Pads the cells of each column to a common width; the first row is the header.
std::vector<TraceLine> table(const std::vector<std::vector<std::string>>& rows, const Paint& paint,
                             const std::vector<fmt::text_style>& last_cell_styles) {
  std::vector<std::size_t> w;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (w.size() <= c) w.push_back(0);
      w[c] = std::max(w[c], width(row[c]));
    }
  std::vector<TraceLine> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line = " ";
    for (std::size_t c = 0; c < rows[i].size(); ++c) {
      const bool last = c + 1 == rows[i].size();
      const std::string cell = last ? rows[i][c] : pad(rows[i][c], w[c]);
      line += " " + (i == 0 ? paint(style::dim, cell) : last ? paint(last_cell_styles[i - 1], cell) : cell);
      if (!last) line += " ";
    }
    out.push_back({0, line});
  }
  return out;
}

}  // namespace

std::vector<TraceLine> gradcheck_lines(const EvalResult& r, const Paint& paint) {
  const Graph& g = r.program.graph;
  std::vector<TraceLine> out{{0, paint(style::heading, "gradient check") +
                                      paint(style::dim, "  (reverse mode vs central differences)")}};
  std::vector<std::vector<std::string>> rows{{"input", "analytic", "numeric", "difference", "result"}};
  std::vector<fmt::text_style> styles;
  for (const InputCheck& c : r.gradcheck->inputs) {
    std::string result = to_string(c.status);
    const std::string gate = c.gate == no_node ? "" : display_name(g, c.gate);
    switch (c.status) {
      case CheckStatus::Match: styles.push_back(style::good); break;
      case CheckStatus::Kink:
        result += ": " + gate + " switches branch within ±h, so no derivative exists there";
        styles.push_back(style::note);
        break;
      case CheckStatus::Surrogate:
        result += ": " + gate + " (" + std::string(op_info(g.node(c.gate).op).name) +
                  ") sends a gradient that is, by design, not its value's derivative";
        styles.push_back(style::note);
        break;
      case CheckStatus::Mismatch:
        result = "MISMATCH" + (gate.empty() ? std::string{} : "; first disagreeing gate: " + gate);
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
  std::vector<TraceLine> out{{0, paint(style::heading, "expectations")}};
  std::vector<std::vector<std::string>> rows{{"expected", "traced", "difference", "result"}};
  std::vector<fmt::text_style> styles;
  for (const ExpectationResult& e : r.expectations) {
    const Expectation& x = e.expectation;
    rows.push_back({fmt::format("{} = {} ± {}", x.subject(), num(x.expected), num(x.tolerance)),
                    num(e.traced), num(e.difference), e.match ? "match" : "MISMATCH"});
    styles.push_back(e.match ? style::good : style::bad);
  }
  auto lines = table(rows, paint, styles);
  out.insert(out.end(), lines.begin(), lines.end());
  return out;
}

std::vector<TraceLine> jvp_lines(const EvalResult& r, const Paint& paint) {
  const Graph& g = r.program.graph;
  const std::string out_name = display_name(g, r.program.output);
  std::vector<TraceLine> out{
      {0, paint(style::heading, "directional derivative") +
              paint(style::dim, fmt::format("  (of {} along {})", out_name, direction_text(r)))},
      {0, "  forward mode, one pass:        " + paint(style::heading, num(r.jvp))}};
  if (r.backward_error) {
    out.push_back({0, "  reverse mode, grad · tangent:  unavailable (backward is impossible)"});
    return out;
  }
  std::string terms;
  double dot = 0;
  for (const Tangent& t : r.tangents) {
    terms += (terms.empty() ? "" : " + ") + num(g.grad(t.input)) + " × " + num(t.dot);
    dot += g.grad(t.input) * t.dot;
  }
  out.push_back({0, "  reverse mode, grad · tangent:  " + terms + " = " + paint(style::heading, num(dot))});
  return out;
}

std::vector<TraceLine> report_lines(const EvalResult& r, const Paint& paint) {
  const Program& p = r.program;
  std::vector<TraceLine> out;
  auto section = [&](std::vector<TraceLine> lines) {
    if (!out.empty()) out.push_back({0, ""});
    out.insert(out.end(), lines.begin(), lines.end());
  };
  if (!p.inputs.empty()) {
    std::vector<TraceLine> inputs{{0, paint(style::heading, "inputs")}};
    for (NodeId id : p.inputs)
      inputs.push_back({0, "  " + paint(style::name, display_name(p.graph, id)) + " = " + num(p.graph.value(id))});
    section(inputs);
  }
  section(forward_lines(p.graph, r.trace, paint));
  if (!r.tangents.empty()) section(tangent_lines(p.graph, r.trace, paint));
  else if (!r.backward_error) section(backward_lines(p.graph, p.output, r.trace, paint));
  else section({{0, paint(style::heading, "backward") + "  " + paint(style::bad, "impossible: " + *r.backward_error)}});
  section(summary_lines(p, !r.backward_error, paint));
  if (!r.tangents.empty()) section(jvp_lines(r, paint));
  if (r.gradcheck) section(gradcheck_lines(r, paint));
  if (!r.expectations.empty()) section(expectation_lines(r, paint));
  return out;
}

nlohmann::ordered_json report_json(const EvalResult& r) {
  const Graph& g = r.program.graph;
  auto number = [](double x) { return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(num(x)); };
  nlohmann::ordered_json j;
  j["value"] = number(g.value(r.program.output));
  j["output"] = display_name(g, r.program.output);
  if (r.backward_error) j["error"] = *r.backward_error;
  j["grads"] = nlohmann::ordered_json::object();
  for (NodeId id : r.program.inputs)
    j["grads"][std::string(g.name(id))] = r.backward_error ? nlohmann::ordered_json(nullptr) : number(g.grad(id));
  if (!r.tangents.empty()) {
    j["jvp"] = number(r.jvp);
    j["tangent"] = nlohmann::ordered_json::object();
    for (const Tangent& t : r.tangents) j["tangent"][std::string(g.name(t.input))] = t.dot;
  }
  j["nodes"] = nlohmann::ordered_json::array();
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    nlohmann::ordered_json node{{"id", id}};
    node["name"] = g.name(id).empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(g.name(id)));
    node["op"] = op_info(n.op).name;
    node["inputs"] = nlohmann::ordered_json::array();
    if (n.a != no_node) node["inputs"].push_back(n.a);
    if (n.b != no_node) node["inputs"].push_back(n.b);
    node["value"] = number(g.value(id));
    node["grad"] = r.backward_error || !n.requires_grad ? nlohmann::ordered_json(nullptr) : number(g.grad(id));
    j["nodes"].push_back(node);
  }
  if (r.gradcheck) {
    j["gradcheck"] = nlohmann::ordered_json::array();
    for (const InputCheck& c : r.gradcheck->inputs)
      j["gradcheck"].push_back({{"input", g.label(c.input)}, {"analytic", number(c.analytic)},
                                {"numeric", number(c.numeric)}, {"status", to_string(c.status)},
                                {"gate", c.gate == no_node ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(g.label(c.gate))}});
  }
  if (!r.expectations.empty()) {
    j["expectations"] = nlohmann::ordered_json::array();
    for (const ExpectationResult& e : r.expectations)
      j["expectations"].push_back({{"expect", e.expectation.text}, {"expected", e.expectation.expected},
                                   {"traced", number(e.traced)}, {"difference", number(e.difference)},
                                   {"tolerance", e.expectation.tolerance}, {"match", e.match}});
  }
  return j;
}

bool all_passed(const EvalResult& r) {
  if (r.backward_error) return false;
  if (r.gradcheck && !r.gradcheck->ok()) return false;
  return std::all_of(r.expectations.begin(), r.expectations.end(), [](const auto& e) { return e.match; });
}

}  // namespace gatelab::cli
