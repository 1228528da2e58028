#include "gatelab/learning/network.hpp"

#include <string>

namespace gatelab {

const char* to_string(Constraint c) {
  switch (c) {
    case Constraint::None:
      return "none";
    case Constraint::Tanh:
      return "tanh";
    case Constraint::Tanh01:
      return "tanh01";
    case Constraint::Round:
      return "round";
    case Constraint::Ste:
      return "ste";
    case Constraint::count_:
      break;
  }
  return "?";
}

std::optional<Constraint> constraint_from_name(std::string_view name) {
  for (Constraint c : all_constraints)
    if (name == to_string(c)) return c;
  return std::nullopt;
}

std::vector<std::string> constraint_names() {
  std::vector<std::string> names;
  for (Constraint c : all_constraints) names.emplace_back(to_string(c));
  return names;
}

namespace {

std::string index_name(const std::string& base, int i, int j) {
  return base + "[" + std::to_string(i) + "," + std::to_string(j) + "]";
}

// W = g(W') for one constrained parameter.
Var weight_map(Constraint c, Var wp) {
  switch (c) {
    case Constraint::None:
      return wp;
    case Constraint::Tanh:
      return tanh(wp);
    case Constraint::Tanh01:
      return (tanh(wp) + 1.0) / 2.0;
    case Constraint::Round:
      return round(wp) * 0.1;
    case Constraint::Ste:
      return ste(round(wp), wp) * 0.1;
  }
  return wp;
}

Layer add_layer(Graph& g, Constraint c, int index, const std::vector<NodeId>& inputs, int out) {
  Layer layer;
  layer.in = static_cast<int>(inputs.size());
  layer.out = out;
  const std::string L = std::to_string(index);
  const int rows = layer.in + 1;
  layer.weights.resize(static_cast<std::size_t>(rows * out));
  layer.units.resize(static_cast<std::size_t>(out));
  auto claim = [&](int unit, NodeId from) {  // every node made since `from` belongs to the unit
    for (NodeId id = from; id < g.size(); ++id) layer.units[static_cast<std::size_t>(unit)].push_back(id);
  };
  if (c == Constraint::None) {  // nn.Linear: weight (out x in), then bias (out)
    std::vector<NodeId> weight(static_cast<std::size_t>(layer.in * out)), bias(static_cast<std::size_t>(out));
    for (int j = 0; j < out; ++j)
      for (int i = 0; i < layer.in; ++i) {
        weight[static_cast<std::size_t>(j * layer.in + i)] = g.input(0, index_name("weight" + L, j, i)).id();
        claim(j, static_cast<NodeId>(g.size() - 1));
      }
    for (int j = 0; j < out; ++j) {
      bias[static_cast<std::size_t>(j)] = g.input(0, "bias" + L + "[" + std::to_string(j) + "]").id();
      claim(j, static_cast<NodeId>(g.size() - 1));
    }
    layer.params = weight;
    layer.params.insert(layer.params.end(), bias.begin(), bias.end());
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < out; ++j)
        layer.weights[static_cast<std::size_t>(i * out + j)] =
            i < layer.in ? weight[static_cast<std::size_t>(j * layer.in + i)] : bias[static_cast<std::size_t>(j)];
  } else {
    for (int i = 0; i < rows; ++i)
      for (int j = 0; j < out; ++j) {
        const auto from = static_cast<NodeId>(g.size());
        Var wp = g.input(0, index_name("W" + L + "'", i, j));
        layer.params.push_back(wp.id());
        layer.weights[static_cast<std::size_t>(i * out + j)] = weight_map(c, wp).named(index_name("W" + L, i, j)).id();
        claim(j, from);
      }
  }
  for (int j = 0; j < out; ++j) {
    const auto from = static_cast<NodeId>(g.size());
    Var z{g, layer.weights[static_cast<std::size_t>(layer.in * out + j)]};  // the bias row times the extended 1
    for (int i = 0; i < layer.in; ++i)
      z = z +
          Var{g, inputs[static_cast<std::size_t>(i)]} * Var{g, layer.weights[static_cast<std::size_t>(i * out + j)]};
    z.named("z" + L + "[" + std::to_string(j) + "]");
    layer.outputs.push_back(sigmoid(z).named("h" + L + "[" + std::to_string(j) + "]").id());
    claim(j, from);
  }
  return layer;
}

}  // namespace

std::vector<NodeId> Network::data_leaves() const {
  std::vector<NodeId> out = features;
  out.insert(out.end(), labels.begin(), labels.end());
  return out;
}

std::vector<NodeId> Network::parameters() const {
  std::vector<NodeId> out;
  for (const Layer& l : layers) out.insert(out.end(), l.params.begin(), l.params.end());
  return out;
}

Network build_network(Constraint c, const std::vector<int>& sizes) {
  Network net;
  net.constraint = c;
  Graph& g = net.graph;
  for (int i = 0; i < sizes.front(); ++i) net.features.push_back(g.constant(0).named("x" + std::to_string(i + 1)).id());
  for (int k = 0; k < sizes.back(); ++k) net.labels.push_back(g.constant(0).named("y" + std::to_string(k)).id());
  std::vector<NodeId> h = net.features;
  for (std::size_t l = 1; l < sizes.size(); ++l) {
    net.layers.push_back(add_layer(g, c, static_cast<int>(l), h, sizes[l]));
    h = net.layers.back().outputs;
  }
  // Softmax cross-entropy of the outputs: log(sum_k e^o_k) - sum_k y_k o_k.
  Var sum_exp = exp(Var{g, h[0]});
  Var picked = Var{g, net.labels[0]} * Var{g, h[0]};
  for (std::size_t k = 1; k < h.size(); ++k) {
    sum_exp = sum_exp + exp(Var{g, h[k]});
    picked = picked + Var{g, net.labels[k]} * Var{g, h[k]};
  }
  net.loss = (log(sum_exp) - picked).named("loss").id();
  return net;
}

}  // namespace gatelab
