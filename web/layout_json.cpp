#include "layout_json.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "files/layout_text.hpp"

namespace gatelab::web {

namespace {

using cli::EdgePlace;
using cli::Flip;
using cli::NodePlace;

std::string text(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

// Graphviz's JSON lists its subgraphs first, then the nodes ("objects", each with its _gvid,
// which edges name as tail and head), then the edges, each with the _gvid of its declaration.
cli::Layout layout_from_json(const nlohmann::json& graph) {
  cli::Layout layout;
  const cli::Box bb = cli::box_of(text(graph, "bb")).value_or(cli::Box{});
  layout.width = bb.x1 - bb.x0;
  layout.height = bb.y1 - bb.y0;
  const Flip flip = cli::flip_of(bb);
  std::vector<std::string> names;
  for (const nlohmann::json& object : graph.value("objects", nlohmann::json::array())) {
    const auto id = object.value("_gvid", std::size_t{0});
    if (names.size() <= id) names.resize(id + 1);
    names[id] = text(object, "name");
    if (object.contains("nodes") || object.contains("subgraphs")) {
      if (names[id].rfind("cluster", 0) == 0)
        layout.clusters.push_back(
            cli::cluster_place(text(object, "label"), text(object, "bb"), text(object, "lp"), flip));
      continue;
    }
    NodePlace place;
    place.name = names[id];
    cli::read_node_place(text(object, "pos"), text(object, "width"), text(object, "height"), flip, place);
    place.ellipse = text(object, "shape") == "ellipse";
    place.fill = text(object, "fillcolor");
    place.stroke = text(object, "color");
    layout.nodes.push_back(place);
  }
  std::vector<std::pair<std::size_t, EdgePlace>> edges;
  for (const nlohmann::json& e : graph.value("edges", nlohmann::json::array())) {
    EdgePlace edge;
    const auto tail = e.value("tail", std::size_t{0}), head = e.value("head", std::size_t{0});
    edge.tail = tail < names.size() ? names[tail] : std::string();
    edge.head = head < names.size() ? names[head] : std::string();
    cli::read_spline(text(e, "pos"), flip, edge);
    edge.label = cli::flipped_point(text(e, "lp"), flip);
    edge.dashed = text(e, "style").find("dashed") != std::string::npos;
    edges.emplace_back(e.value("_gvid", std::size_t{0}), std::move(edge));
  }
  std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [seq, edge] : edges) layout.edges.push_back(std::move(edge));
  return layout;
}

}  // namespace gatelab::web
