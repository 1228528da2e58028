// One gate graph evaluated for many rows at once.
//
//   gatelab::BatchEvaluator batch(g, {x.id(), t.id()});  // x and t take one value per row
//   batch.set_rows(n, {xs, ts});
//   batch.forward();                // every gate, for every row
//   double loss = batch.mean(loss_node);
//   batch.backward_mean(loss_node); // d mean(loss) / d every shared node
//   double dw = batch.grad(w.id());
//
// The graph is the one a learner traces row by row. Leaves named as data hold one value
// per row; every other leaf (a parameter, a constant) is shared by all rows, and so is
// every gate whose inputs are all shared (W = tanh(W') is computed once, not once per row).
// The values of shared leaves are read from the graph at each forward(). The op table's
// value and partials are the same functions the scalar engine uses.
#pragma once

#include <cstddef>
#include <vector>

#include "gatelab/graph.hpp"

namespace gatelab {

class BatchEvaluator {
 public:
  BatchEvaluator(const Graph& graph, std::vector<NodeId> data_leaves);

  // columns[i] holds the rows' values of data_leaves[i]; each has `rows` values.
  void set_rows(std::size_t rows, const std::vector<std::vector<double>>& columns);
  std::size_t rows() const { return rows_; }

  void forward();
  // Gradients of the mean of `output` over the rows, for every node; shared nodes get the
  // sum over rows of their per-row contributions.
  void backward_mean(NodeId output);

  bool per_row(NodeId id) const { return per_row_[id]; }
  // A node's value in one row (a shared node has the same value in every row).
  double value(NodeId id, std::size_t row) const { return values_[offset_[id] + (per_row_[id] ? row : 0)]; }
  double mean(NodeId id) const;
  double grad(NodeId id) const;  // of a shared node, after backward_mean

 private:
  void layout();
  void plan_backward(NodeId output);

  const Graph& graph_;
  std::vector<NodeId> data_leaves_;
  std::vector<unsigned char> per_row_;
  std::vector<std::size_t> offset_;  // into values_
  std::vector<double> values_;
  std::vector<double> adjoints_;
  std::size_t rows_ = 0;
  // For backward from planned_output_: what each gate sends to each input. A message into
  // a node that gets only that one, unchanged (x + y passes its gradient to both), is not
  // sent at all: the input's adjoint shares the gate's storage (adjoint_offset_). Of the
  // others, the first to reach a node assigns and later ones add, so the adjoints need no
  // clearing between passes.
  enum class Send : unsigned char { None, Assign, Add };
  NodeId planned_output_ = no_node;
  std::vector<Send> send_a_, send_b_;
  std::vector<std::size_t> adjoint_offset_;
};

}  // namespace gatelab
