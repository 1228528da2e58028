#include "lesson/descent.hpp"

#include <fmt/format.h>

#include "gatelab/support/translate.hpp"
#include "lesson/sweep.hpp"

namespace gatelab::cli {

namespace {

NodeId input_named(const Program& p, const std::string& name, const char* what) {
  const NodeId id = p.graph.find(name);
  if (id == no_node || p.graph.node(id).op != Op::Input)
    throw Error(what + (": " + trf("the program has no input named '{}'", name)));
  return id;
}

}  // namespace

std::vector<DescentStep> run_descent(Program& p, const DescentSpec& spec) {
  Graph& g = p.graph;
  if (spec.data.empty()) throw Error(tr("descend needs '#| data:' rows"));
  const std::size_t n = spec.data.front().second.size();
  std::vector<NodeId> columns, params;
  for (const auto& [name, values] : spec.data) {
    if (values.size() != n)
      throw Error("data: " + trf("'{}' has {} values, '{}' has {}", name, values.size(), spec.data.front().first, n));
    columns.push_back(input_named(p, name, "data"));
  }
  for (const std::string& name : spec.params) params.push_back(input_named(p, name, "descend"));
  if (spec.batch < 0 || static_cast<std::size_t>(spec.batch) > n)
    throw Error("batch: " + trf("expected all or 1 to {}", n));
  std::vector<double> start;  // the traced run's values, put back at the end
  for (NodeId id : params) start.push_back(g.value(id));
  for (NodeId id : columns) start.push_back(g.value(id));

  // Mean loss and mean gradients over rows [first, first + count), wrapping around.
  auto average = [&](std::size_t first, std::size_t count, std::vector<double>* grads) {
    double loss = 0;
    if (grads) grads->assign(params.size(), 0.0);
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t row = (first + k) % n;
      for (std::size_t c = 0; c < columns.size(); ++c) g.set_value(columns[c], spec.data[c].second[row]);
      g.forward();
      loss += g.value(p.output);
      if (!grads) continue;
      g.zero_grad();
      g.backward(p.output);
      for (std::size_t i = 0; i < params.size(); ++i) (*grads)[i] += g.grad(params[i]);
    }
    if (grads)
      for (double& d : *grads) d /= static_cast<double>(count);
    return loss / static_cast<double>(count);
  };

  std::vector<DescentStep> steps;
  const std::size_t batch = spec.batch == 0 ? n : static_cast<std::size_t>(spec.batch);
  std::size_t next = 0;
  for (int s = 1; s <= spec.steps; ++s) {
    std::vector<double> grads;
    DescentStep step{s, next, batch, batch == n, average(next, batch, &grads), {}, 0};
    next = (next + batch) % n;
    for (std::size_t i = 0; i < params.size(); ++i) {
      g.set_value(params[i], g.value(params[i]) - spec.lr * grads[i]);
      step.params.push_back(g.value(params[i]));
    }
    step.loss = average(0, n, nullptr);
    steps.push_back(std::move(step));
  }
  // Back to the starting point, so the block's diagram shows the traced run.
  for (std::size_t i = 0; i < params.size(); ++i) g.set_value(params[i], start[i]);
  for (std::size_t c = 0; c < columns.size(); ++c) g.set_value(columns[c], start[params.size() + c]);
  recompute(p);
  return steps;
}

}  // namespace gatelab::cli
