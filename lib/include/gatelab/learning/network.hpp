// The constrained networks of the source notebook, as one gate graph per row.
//
//   auto net = gatelab::build_network(gatelab::Constraint::Ste, {9, 5, 2});
//   // net.graph: features x1..x9 and one-hot labels y0, y1 are data leaves; W' are
//   // parameters; each layer computes h = sigmoid(x_ext · W) with W = g(W'), and
//   // net.loss is the softmax cross-entropy of the sigmoid outputs for one row.
//
// Constraint layers keep W' of shape (in + 1) x out, row-major, the last row being the
// bias (the input is extended with a 1). The plain network (Constraint::None) stores its
// parameters as nn.Linear does: weight (out x in, row-major), then bias (out).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gatelab/engine/graph.hpp"

namespace gatelab {

enum class Constraint { None, Tanh, Tanh01, Round, Ste, count_ };
// Every constraint, in the notebook's order; their names ("none", "tanh", ...) are to_string's.
inline constexpr std::array<Constraint, 5> all_constraints{Constraint::None, Constraint::Tanh, Constraint::Tanh01,
                                                           Constraint::Round, Constraint::Ste};
static_assert(all_constraints.size() == static_cast<std::size_t>(Constraint::count_),
              "a new constraint also goes into all_constraints");
const char* to_string(Constraint c);
std::optional<Constraint> constraint_from_name(std::string_view name);
std::vector<std::string> constraint_names();  // in all_constraints' order

struct Layer {
  int in = 0, out = 0;
  std::vector<NodeId> params;              // W' (or nn.Linear's weight then bias), in the order above
  std::vector<NodeId> weights;             // W = g(W') as used, (in + 1) x out row-major
  std::vector<NodeId> outputs;             // sigmoid(x_ext · W), one per unit
  std::vector<std::vector<NodeId>> units;  // per unit: its parameters, weight maps and sum, for drawing
};

struct Network {
  Constraint constraint = Constraint::None;
  Graph graph;
  std::vector<NodeId> features;  // data leaves x1..xN
  std::vector<NodeId> labels;    // data leaves y0..yK-1, one-hot
  std::vector<Layer> layers;
  NodeId loss = no_node;  // cross-entropy of one row

  std::vector<NodeId> data_leaves() const;  // features then labels
  std::vector<NodeId> parameters() const;   // every layer's params, in order
};

Network build_network(Constraint constraint, const std::vector<int>& sizes = {9, 5, 2});

// The lowest loss the network can reach: with outputs in (0, 1), the cross-entropy is at
// least log(1 + e^-1) for two classes (the right output at 1, the other at 0).
inline constexpr double two_class_loss_floor = 0.31326168751822286;  // log(1 + e^-1)

}  // namespace gatelab
