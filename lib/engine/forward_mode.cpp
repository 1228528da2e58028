#include "gatelab/engine/forward_mode.hpp"

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "messages.hpp"

namespace gatelab {

template <bool Record>
static void tangent_loop(const Graph& g, std::vector<double>& tangents, Trace* trace) {
  for (NodeId i = 0; i < g.size(); ++i) {
    const Node& n = g.node(i);
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity == 0) {
        if constexpr (Record)
          if (tangents[i] != 0)
            trace->tangent.push_back({trace->next_step++, i, no_node, no_node, 0, 0, 0, 0, tangents[i]});
      } else {
        const double a = g.value(n.a);
        const double b = O::info.arity == 2 ? g.value(n.b) : 0.0;
        const ops::Partials p = O::partials(a, b, g.value(i));
        double term[2] = {0.0, 0.0};  // along a and b: partial * tangent where a message goes
        detail::for_each_message<O>(g, n, [&](int slot, NodeId in) {
          // A zero tangent contributes nothing, even where the partial is infinite.
          if (tangents[in] != 0) term[slot] = detail::partial_of(p, slot) * tangents[in];
        });
        tangents[i] = term[0] + term[1];
        if constexpr (Record) {
          // The op's partials as the op table gives them; a cut slot (detach, ste's f) shows 0.
          const double local_a = O::info.grad_a ? p.da : 0.0;
          const double local_b = O::info.grad_b ? p.db : 0.0;
          const double tb = O::info.arity == 2 ? tangents[n.b] : 0.0;
          trace->tangent.push_back({trace->next_step++, i, n.a, n.b, local_a, local_b, tangents[n.a], tb, tangents[i]});
        }
      }
    });
  }
}

std::vector<double> forward_tangents(const Graph& g, const std::vector<Tangent>& direction, Trace* trace) {
  std::vector<double> tangents(g.size(), 0.0);
  for (const Tangent& t : direction) {
    if (t.input >= g.size() || g.node(t.input).op != Op::Input)
      throw Error(trf("a tangent can only be given to an input, not to node {}", t.input));
    tangents[t.input] = t.dot;
  }
  if (trace)
    tangent_loop<true>(g, tangents, trace);
  else
    tangent_loop<false>(g, tangents, nullptr);
  return tangents;
}

double jvp(const Graph& g, NodeId output, const std::vector<Tangent>& direction) {
  return forward_tangents(g, direction)[output];
}

}  // namespace gatelab
