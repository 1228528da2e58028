#include "lesson_tables.hpp"

#include <fmt/format.h>

#include <cmath>

#include "gatelab/dot.hpp"

namespace gatelab::cli {

Column parse_column(const std::string& text) {
  if (text.rfind("grad(", 0) == 0 && text.size() > 6 && text.back() == ')')
    return {text.substr(5, text.size() - 6), true};
  return {text, false};
}

std::vector<SweepRow> run_sweep(Program& p, NodeId input, const std::vector<double>& values,
                                const std::vector<Column>& columns) {
  Graph& g = p.graph;
  std::vector<NodeId> ids;
  for (const Column& c : columns) {
    const NodeId id = p.find(c.name);
    if (id == no_node) throw Error("show: the program has no value named '" + c.name + "'");
    ids.push_back(id);
  }
  std::vector<SweepRow> rows;
  for (double v : values) {
    g.set_value(input, v);
    g.forward(nullptr, input);
    g.zero_grad();
    SweepRow row{v, {}, true};
    try {
      g.backward(p.output);
    } catch (const Error&) {
      row.backward_ok = false;
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
      row.cells.push_back(columns[i].grad ? g.grad(ids[i]) : g.value(ids[i]));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TraceLine> sweep_lines(const std::string& input, const std::vector<Column>& columns,
                                   const std::vector<SweepRow>& rows, const Paint& paint) {
  std::vector<std::string> headings{input};
  for (const Column& c : columns) headings.push_back(c.heading());
  std::vector<std::vector<std::string>> cells{headings};
  for (const SweepRow& r : rows) {
    std::vector<std::string> line{format_number(r.value)};
    for (double v : r.cells) line.push_back(format_number(v));
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> w(headings.size(), 0);
  for (const auto& line : cells)
    for (std::size_t c = 0; c < line.size(); ++c) w[c] = std::max(w[c], width(line[c]));
  std::vector<TraceLine> out{{0, paint(style::heading, "sweep") + paint(style::dim, fmt::format("  (the program for each {})", input))}};
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string line = " ";
    for (std::size_t c = 0; c < cells[i].size(); ++c) line += " " + pad(cells[i][c], w[c]) + " ";
    while (line.back() == ' ') line.pop_back();
    out.push_back({0, i == 0 ? paint(style::dim, line) : line});
  }
  return out;
}

std::vector<TraceLine> difference_lines(Program& p, NodeId input, const Paint& paint) {
  Graph& g = p.graph;
  const double x = g.value(input);
  std::vector<double> grads;
  reverse_pass(g, p.output, grads);
  const double exact = grads[input];
  auto f = [&](double at) {
    g.set_value(input, at);
    g.forward(nullptr, input);
    return g.value(p.output);
  };
  const double fx = f(x);
  std::vector<TraceLine> out{
      {0, paint(style::heading, "finite differences") +
              paint(style::dim, fmt::format("  (d{}/d{} = {} by reverse mode)", display_name(g, p.output),
                                            display_name(g, input), format_number(exact)))},
      {0, paint(style::dim, fmt::format("  {:<7}  {:<13}  {:<10}  {:<13}  {}", "h", "forward", "error",
                                        "central", "error"))}};
  for (int k = 1; k <= 12; ++k) {
    const double h = std::pow(10.0, -k);
    const double forward = (f(x + h) - fx) / h;
    const double central = (f(x + h) - f(x - h)) / (2 * h);
    auto err = [&](double est) { return fmt::format("{:.2e}", std::fabs(est - exact)); };
    out.push_back({0, fmt::format("  {:<7}  {:<13.10f}  {:<10}  {:<13.10f}  {}", fmt::format("1e-{:02}", k),
                                  forward, err(forward), central, err(central))});
  }
  f(x);
  return out;
}

}  // namespace gatelab::cli
