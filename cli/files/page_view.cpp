#include "files/page_view.hpp"

#include <fmt/format.h>

namespace gatelab::cli {

PageView gate_page_view(const GateDiagram& d, const Graph& g, std::string title) {
  SvgPicture picture = gate_picture(d, g, {});
  picture.page = true;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    picture.node_attributes.push_back(fmt::format(" data-node=\"{}\"", d.nodes[i]));
    picture.line_nodes.emplace_back(picture.node_slots[i].size(), static_cast<long>(d.nodes[i]));
  }
  for (const auto& [gate, slot] : d.edges)
    picture.edge_attributes.push_back(fmt::format(" data-gate=\"{}\" data-slot=\"{}\"", gate, slot));
  return {std::move(title), diagram_svg(picture), {{"kind", "gates"}}, false};
}

}  // namespace gatelab::cli
