// Trace records: plain data, one record per event, numbered in the order they happened.
//
//   gatelab::Trace trace;
//   graph.forward(&trace);         // one ForwardStep per gate
//   graph.backward(y.id(), &trace); // a seed, then one BackwardStep per gradient message
//
// Step numbers run on from one pass to the next, so a forward pass then a backward pass
// number their events 1..F and F+1..F+B. Passing no trace records nothing and costs nothing.
#pragma once

#include <vector>

#include "gatelab/engine/graph.hpp"
#include "gatelab/engine/ops.hpp"

namespace gatelab {

// A gate was evaluated: value = op(a_value, b_value).
struct ForwardStep {
  int step;
  NodeId node;
  Op op;
  NodeId a, b;  // b is no_node for one-input gates
  double a_value, b_value;
  double value;
};

// A gradient message from a gate to one of its inputs:
// contribution = upstream * local, then grad(to) += contribution, giving grad_after.
// The seed of a backward pass is a step with from == no_node and to == the output.
struct BackwardStep {
  int step;
  NodeId from;
  NodeId to;
  int slot;             // 0 for input a, 1 for input b
  double upstream;      // d output / d from
  double local;         // d from / d to, from the op table
  double contribution;  // upstream * local
  double grad_after;    // d output / d to so far in this pass, after the +=
  bool accumulated;     // to had already received a message in this pass (a fork)
};

// Forward mode: tangent(node) = local_a * tangent(a) + local_b * tangent(b).
// Leaves seeded with a tangent are steps too, with a == no_node.
struct TangentStep {
  int step;
  NodeId node;
  NodeId a, b;
  double local_a, local_b;
  double tangent_a, tangent_b;
  double tangent;
};

struct Trace {
  std::vector<ForwardStep> forward;
  std::vector<BackwardStep> backward;
  std::vector<TangentStep> tangent;
  int next_step = 1;

  int size() const { return next_step - 1; }
};

}  // namespace gatelab
