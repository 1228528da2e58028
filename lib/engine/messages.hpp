// Which inputs of a gate take a gradient message: decided here and nowhere else.
//
//   visit_op(n.op, [&]<class O>(O) {
//     detail::for_each_message<O>(g, n, [&](int slot, NodeId input) { ... });
//   });
//   detail::for_each_message(g, id, [&](int slot, NodeId input) { ... });  // op known at run time
//
// Input `slot` (0: a, 1: b) of a gate takes a message when the op passes gradients to it
// (OpInfo::grad_a, grad_b: not detach's input, not ste's f) and the input requires grad.
// Reverse mode sends grad[input] += partial * grad[gate] along exactly these edges, forward
// mode adds partial * tangent[input] from exactly these, DOT labels these with the message
// they carried, and the batch evaluator plans its sends over them. Internal to the library:
// its public face is gatelab::takes_message in graph.hpp.
#pragma once

#include "gatelab/engine/graph.hpp"
#include "gatelab/engine/ops.hpp"

namespace gatelab::detail {

// What the walk relies on: an op sends gradients only to inputs it has.
constexpr bool ops_send_only_to_their_inputs() {
  for (int i = 0; i < op_count; ++i) {
    const OpInfo& info = op_info(static_cast<Op>(i));
    if ((info.grad_a && info.arity < 1) || (info.grad_b && info.arity < 2)) return false;
  }
  return true;
}
static_assert(ops_send_only_to_their_inputs(), "grad_a needs an input a, grad_b an input b");

// Calls f(slot, input) for each input of `gate` that takes a message, a before b. O is the
// gate's op struct, as visit_op passes it, so the op's half of the test costs nothing at
// run time.
template <class O, class F>
void for_each_message(const Graph& graph, const Node& gate, F&& f) {
  if constexpr (O::info.grad_a) {
    if (graph.node(gate.a).requires_grad) f(0, gate.a);
  }
  if constexpr (O::info.grad_b) {
    if (graph.node(gate.b).requires_grad) f(1, gate.b);
  }
}

// The same walk for a node whose op is known only at run time (a leaf takes no messages).
template <class F>
void for_each_message(const Graph& graph, NodeId gate, F&& f) {
  const Node& n = graph.node(gate);
  visit_op(n.op, [&]<class O>(O) { for_each_message<O>(graph, n, f); });
}

// The partial along one slot, for the f of a walk above.
inline double partial_of(const ops::Partials& p, int slot) { return slot == 0 ? p.da : p.db; }

}  // namespace gatelab::detail
