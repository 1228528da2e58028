// Arrays in the program language, expanded into scalar gates (internal to the parser).
//
//   ArrayOps ops(graph, [&](NodeId id) { /* where each new gate was written */ });
//   Array h = ops.matmul(W, x);   // one mul per product, a chain of adds per entry
//
// An array is a shape and its nodes in row-major order: {} is a number (one node), {n} a
// vector, {rows, cols} a matrix. Nothing here is more than the gates of the op table, so
// traces, diagrams, gradient checks and forward mode see arrays as the scalars they are.
// Shape errors throw Error with a message that names both shapes; the parser adds the place.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gatelab/engine/graph.hpp"

namespace gatelab::detail {

struct Value {
  std::vector<int> shape;     // {} for a number
  std::vector<NodeId> nodes;  // row-major; one for a number

  bool scalar() const { return shape.empty(); }
  std::size_t size() const { return nodes.size(); }
};

class ArrayOps {
 public:
  ArrayOps(Graph& graph, std::function<void(NodeId)> made) : g_(graph), made_(std::move(made)) {}

  // op on each entry; a number meets every entry of an array (broadcast), arrays must match.
  Value elementwise(Op op, const Value& a, const Value& b);
  Value unary(Op op, const Value& a);

  // The entries of a literal: numbers make a vector, vectors of one length a matrix.
  Value stack(const std::vector<Value>& items);
  // One entry (as many indices as dimensions) or, of a matrix, one row.
  Value index(const Value& a, const std::vector<int>& indices, const std::string& name);

  Value sum(const Value& a);   // a chain of adds
  Value mean(const Value& a);  // the sum divided by the count
  Value dot(const Value& a, const Value& b);
  Value matmul(const Value& a, const Value& b);
  Value transpose(const Value& a);
  Value softmax(const Value& a);    // exp(a_i) / Σ exp(a_j), as written (no shift by the maximum)
  Value logsumexp(const Value& a);  // log(Σ exp(a_j)), as written

 private:
  NodeId gate(Op op, NodeId a, NodeId b = no_node);
  NodeId sum_of(const std::vector<NodeId>& terms);

  Graph& g_;
  std::function<void(NodeId)> made_;
};

}  // namespace gatelab::detail
