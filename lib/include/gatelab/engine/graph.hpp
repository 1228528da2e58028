// The gate graph: an append-only vector of gates addressed by integer ids.
//
//   gatelab::Graph g;
//   auto x = g.input(2.0, "x");
//   auto y = x * x + 1.0;      // gates are evaluated as they are created: y.value() == 5
//   y.backward();              // reverse mode: x.grad() == 4
//
// A gate's inputs always exist before it, so creation order is a topological order:
// forward() is a loop up the ids and backward() a loop down them, never a recursion.
// Gradients accumulate across backward() calls, as in PyTorch; zero_grad() clears them.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gatelab/engine/ops.hpp"

namespace gatelab {

// A node's index in its graph: creation order, so a gate's inputs have smaller ids.
using NodeId = std::uint32_t;
inline constexpr NodeId no_node = std::numeric_limits<NodeId>::max();

class Var;
struct Trace;  // gatelab/teach/trace.hpp: the records forward() and backward() append when given one

struct Node {
  NodeId a = no_node;
  NodeId b = no_node;
  Op op = Op::Const;
  bool requires_grad = false;  // an input feeds it through gates that pass gradients
};

class Graph {
 public:
  Var input(double value, std::string name = {});        // a differentiable leaf
  Var constant(double value);                            // a leaf with no gradient
  NodeId add_gate(Op op, NodeId a, NodeId b = no_node);  // evaluates it at once

  std::size_t size() const { return nodes_.size(); }
  void reserve(std::size_t gates);
  const Node& node(NodeId id) const { return nodes_[id]; }
  double value(NodeId id) const { return values_[id]; }
  double grad(NodeId id) const { return grads_[id]; }
  bool has_grad() const { return has_grad_; }  // has backward run since the last zero_grad?

  void set_name(NodeId id, std::string name);
  std::string_view name(NodeId id) const;    // empty when unnamed
  std::string label(NodeId id) const;        // the name, else "op#id"
  NodeId find(std::string_view name) const;  // no_node when absent

  void set_value(NodeId leaf, double value);  // then call forward() to update the gates

  // Re-evaluates every gate after `from` in creation order.
  void forward(Trace* trace = nullptr, NodeId from = 0);
  // Adds d output / d node to every node's gradient. Throws Error when the output does
  // not require grad (it is a constant, or every path to an input passes through detach).
  void backward(NodeId output, Trace* trace = nullptr);
  void zero_grad();

 private:
  std::vector<Node> nodes_;
  std::vector<double> values_;
  std::vector<double> grads_;
  std::vector<double> pass_grads_;  // one backward pass's gradients, reused across passes
  std::unordered_map<NodeId, std::string> names_;
  std::unordered_map<std::string, NodeId> ids_;  // the last node given each name
  bool has_grad_ = false;
};

// The gradients of one output with respect to every node, as one reverse pass computes
// them, without touching the graph's accumulated gradients. Throws like Graph::backward.
void reverse_pass(const Graph& graph, NodeId output, std::vector<double>& grads, Trace* trace = nullptr);

// Does input `slot` (0: a, 1: b) of `gate` take a gradient message? It does when the gate's
// op passes gradients to that input (not detach's input, not ste's f) and the input requires
// grad. Reverse mode sends messages, and forward mode sums tangent terms, along exactly
// these edges. False for a leaf and for a slot the gate does not have.
bool takes_message(const Graph& graph, NodeId gate, int slot);

// A handle on one node of a graph, with the arithmetic a library user expects.
class Var {
 public:
  Var(Graph& graph, NodeId id) : graph_(&graph), id_(id) {}
  Graph& graph() const { return *graph_; }
  NodeId id() const { return id_; }
  double value() const { return graph_->value(id_); }
  double grad() const { return graph_->grad(id_); }
  void backward(Trace* trace = nullptr) const { graph_->backward(id_, trace); }
  Var& named(std::string name) {
    graph_->set_name(id_, std::move(name));
    return *this;
  }

 private:
  Graph* graph_;
  NodeId id_;
};

Var apply(Op op, Var a);
Var apply(Op op, Var a, Var b);
Var apply(Op op, Var a, double b);
Var apply(Op op, double a, Var b);

inline Var operator+(Var a, Var b) { return apply(Op::Add, a, b); }
inline Var operator+(Var a, double b) { return apply(Op::Add, a, b); }
inline Var operator+(double a, Var b) { return apply(Op::Add, a, b); }
inline Var operator-(Var a, Var b) { return apply(Op::Sub, a, b); }
inline Var operator-(Var a, double b) { return apply(Op::Sub, a, b); }
inline Var operator-(double a, Var b) { return apply(Op::Sub, a, b); }
inline Var operator*(Var a, Var b) { return apply(Op::Mul, a, b); }
inline Var operator*(Var a, double b) { return apply(Op::Mul, a, b); }
inline Var operator*(double a, Var b) { return apply(Op::Mul, a, b); }
inline Var operator/(Var a, Var b) { return apply(Op::Div, a, b); }
inline Var operator/(Var a, double b) { return apply(Op::Div, a, b); }
inline Var operator/(double a, Var b) { return apply(Op::Div, a, b); }
inline Var operator-(Var a) { return apply(Op::Neg, a); }

inline Var pow(Var a, Var b) { return apply(Op::Pow, a, b); }
inline Var pow(Var a, double b) { return apply(Op::Pow, a, b); }
inline Var pow(double a, Var b) { return apply(Op::Pow, a, b); }
inline Var exp(Var a) { return apply(Op::Exp, a); }
inline Var log(Var a) { return apply(Op::Log, a); }
inline Var inv(Var a) { return apply(Op::Inv, a); }
inline Var sqrt(Var a) { return apply(Op::Sqrt, a); }
inline Var sin(Var a) { return apply(Op::Sin, a); }
inline Var cos(Var a) { return apply(Op::Cos, a); }
inline Var sigmoid(Var a) { return apply(Op::Sigmoid, a); }
inline Var tanh(Var a) { return apply(Op::Tanh, a); }
inline Var relu(Var a) { return apply(Op::Relu, a); }
inline Var softplus(Var a) { return apply(Op::Softplus, a); }
inline Var erf(Var a) { return apply(Op::Erf, a); }
inline Var abs(Var a) { return apply(Op::Abs, a); }
inline Var max(Var a, Var b) { return apply(Op::Max, a, b); }
inline Var max(Var a, double b) { return apply(Op::Max, a, b); }
inline Var min(Var a, Var b) { return apply(Op::Min, a, b); }
inline Var min(Var a, double b) { return apply(Op::Min, a, b); }
inline Var round(Var a) { return apply(Op::Round, a); }
inline Var detach(Var a) { return apply(Op::Detach, a); }
// Straight-through: the value of f with the gradient of b.
inline Var ste(Var f, Var b) { return apply(Op::Ste, f, b); }

}  // namespace gatelab
