// Which nodes depend on which, by value: internal to the library.
#pragma once

#include <vector>

#include "gatelab/engine/graph.hpp"

namespace gatelab::detail {

// The nodes whose value depends on `from` (from included), gradient or not.
inline std::vector<unsigned char> depends_on(const Graph& g, NodeId from) {
  std::vector<unsigned char> dep(g.size(), 0);
  dep[from] = 1;
  for (NodeId i = from + 1; i < g.size(); ++i) {
    const Node& n = g.node(i);
    if (op_info(n.op).arity == 0) continue;
    dep[i] = dep[n.a] || (n.b != no_node && dep[n.b]);
  }
  return dep;
}

// The nodes `node`'s value depends on (node included), gradient or not.
inline std::vector<unsigned char> ancestors(const Graph& g, NodeId node) {
  std::vector<unsigned char> anc(g.size(), 0);
  anc[node] = 1;
  for (NodeId i = node + 1; i-- > 0;) {
    if (!anc[i]) continue;
    const Node& n = g.node(i);
    if (op_info(n.op).arity == 0) continue;
    anc[n.a] = 1;
    if (n.b != no_node) anc[n.b] = 1;
  }
  return anc;
}

}  // namespace gatelab::detail
