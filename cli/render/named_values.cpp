#include "render/named_values.hpp"

#include <algorithm>

#include "gatelab/teach/format.hpp"
#include "render/trace_text.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

std::vector<double> Named::values(const Graph& g) const {
  std::vector<double> v;
  for (NodeId id : nodes) v.push_back(g.value(id));
  return v;
}

std::vector<double> Named::grads(const Graph& g) const {
  std::vector<double> v;
  for (NodeId id : nodes) v.push_back(g.grad(id));
  return v;
}

std::vector<Named> named_values(const Program& p) {
  const Graph& g = p.graph;
  std::vector<Named> out;
  std::vector<unsigned char> listed(g.size(), 0);
  auto add = [&](Named n) {
    for (NodeId id : n.nodes) listed[id] = 1;
    out.push_back(std::move(n));
  };
  auto array_of = [&](NodeId id) -> const Array* {
    for (const Array& a : p.arrays)
      if (std::find(a.nodes.begin(), a.nodes.end(), id) != a.nodes.end()) return &a;
    return nullptr;
  };
  for (NodeId id : p.inputs) {
    if (listed[id]) continue;
    if (const Array* a = array_of(id))
      add({a->name, a->shape, a->nodes, true});
    else
      add({display_name(g, id), {}, {id}, true});
  }
  for (NodeId id : p.assigned) {
    if (listed[id]) continue;
    if (const Array* a = array_of(id))
      add({a->name, a->shape, a->nodes});
    else
      add({display_name(g, id), {}, {id}});
  }
  const std::vector<NodeId> output = p.output_shape.empty() ? std::vector<NodeId>{p.output} : p.output_nodes;
  for (Named& n : out)
    if (n.nodes == output && (p.output_name.empty() || n.name == p.output_name)) {
      n.output = true;
      return out;
    }
  out.push_back({p.output_label(), p.output_shape, output, false, true});  // y = x: the output under its own name
  return out;
}

std::string numbers_text(const std::vector<int>& shape, const std::vector<double>& values) {
  return shape.empty() ? format_number(values.front()) : array_text(shape, values);
}

}  // namespace gatelab::cli
