#include "lesson/sweep.hpp"
#include "gatelab/support/translate.hpp"

#include <cmath>

namespace gatelab::cli {

namespace {

NodeId input_named(const Program& p, const std::string& name) {
  const NodeId id = p.graph.find(name);
  if (id == no_node || p.graph.node(id).op != Op::Input) throw Error(trf("the program has no input named '{}'", name));
  return id;
}

}  // namespace

SweepColumn parse_column(const std::string& text) {
  if (text.rfind("grad(", 0) == 0 && text.size() > 6 && text.back() == ')')
    return {text.substr(5, text.size() - 6), true};
  return {text, false};
}

void recompute(Program& p) {
  p.graph.forward();
  p.graph.zero_grad();
  try {
    p.graph.backward(p.output);
  } catch (const Error&) {  // the block's own report says why backward is impossible
  }
}

SweepTable run_sweep(Program& p, const std::string& input_name, const std::vector<double>& values,
                     std::vector<SweepColumn> columns) {
  Graph& g = p.graph;
  const NodeId input = input_named(p, input_name);
  if (columns.empty()) columns.push_back({g.label(p.output), false});
  std::vector<NodeId> ids;
  for (const SweepColumn& c : columns) {
    const NodeId id = p.find(c.name);
    if (id == no_node) throw Error("show: " + trf("the program has no value named '{}'", c.name));
    ids.push_back(id);
  }
  SweepTable table{input_name, columns, {}};
  const double original = g.value(input);
  for (double v : values) {
    g.set_value(input, v);
    g.forward(nullptr, input);
    g.zero_grad();
    SweepRow row{v, {}};
    try {
      g.backward(p.output);
    } catch (const Error&) {  // the gradient columns stay 0; the block's report says why
    }
    for (std::size_t i = 0; i < columns.size(); ++i)
      row.cells.push_back(columns[i].grad ? g.grad(ids[i]) : g.value(ids[i]));
    table.rows.push_back(std::move(row));
  }
  g.set_value(input, original);
  recompute(p);
  return table;
}

const SweepRow* find_row(const SweepTable& table, double value) {
  for (const SweepRow& r : table.rows)
    if (r.value == value) return &r;
  return nullptr;
}

DifferenceTable run_differences(Program& p, const std::string& input_name) {
  Graph& g = p.graph;
  const NodeId input = input_named(p, input_name);
  const double x = g.value(input);
  std::vector<double> grads;
  reverse_pass(g, p.output, grads);
  DifferenceTable table{g.label(p.output), input_name, grads[input], {}};
  auto f = [&](double at) {
    g.set_value(input, at);
    g.forward(nullptr, input);
    return g.value(p.output);
  };
  const double fx = f(x);
  for (int k = 1; k <= 12; ++k) {
    const double h = std::pow(10.0, -k);
    table.rows.push_back({h, (f(x + h) - fx) / h, (f(x + h) - f(x - h)) / (2 * h)});
  }
  f(x);
  return table;
}

}  // namespace gatelab::cli
