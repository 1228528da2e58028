#include "files/neuron_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "files/diagram_svg.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

namespace {

using Json = nlohmann::ordered_json;

// A box of the neurons' picture: what it shows, the gates it stands for, and what a click does.
struct Box {
  std::string name;
  Label label;
  std::vector<long> line_nodes;  // by line: the node whose number it shows
  std::vector<NodeId> members;
  int expand = -1;  // the view a click shows
  long node = -1;   // else the node a click explains
  double width = 0, height = 0;
};

Box leaf_box(const Graph& g, NodeId id) {
  return {fmt::format("b{}", id),
          {{LabelKind::Name, display_name(g, id), ""}, {LabelKind::Value, "= ", format_number(g.value(id))}},
          {static_cast<long>(id), static_cast<long>(id)},
          {id},
          -1,
          static_cast<long>(id),
          76,
          34};
}

Box neuron_box(const Graph& g, NodeId z, NodeId h, std::vector<NodeId> members, int view) {
  Label label{{LabelKind::Name, display_name(g, h), ""},
              {LabelKind::Value, "z = ", format_number(g.value(z))},
              {LabelKind::Value, "h = ", format_number(g.value(h))},
              {LabelKind::Grad, "grad(h) ", format_number(g.grad(h))}};
  return {fmt::format("b{}", h),
          label,
          {-1, static_cast<long>(z), static_cast<long>(h), static_cast<long>(h)},
          std::move(members),
          view,
          -1,
          120,
          66};
}

// The gates of `members` and their neighbours: the nodes they read and the gates that read them.
std::vector<NodeId> with_neighbours(const Graph& g, const std::vector<NodeId>& members) {
  std::set<NodeId> in(members.begin(), members.end()), out = in;
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    for (int slot = 0; slot < op_info(n.op).arity; ++slot) {
      const NodeId input = slot == 0 ? n.a : n.b;
      if (in.count(id)) out.insert(input);
      if (in.count(input) && g.node(input).op != Op::Const && g.node(id).op != Op::Const) out.insert(id);
    }
  }
  return {out.begin(), out.end()};
}

// The edges (gate, slot) from any of `from` into any of `to`.
Json links_between(const Graph& g, const std::vector<NodeId>& from, const std::vector<NodeId>& to) {
  Json links = Json::array();
  for (NodeId gate : to) {
    const Node& n = g.node(gate);
    for (int slot = 0; slot < op_info(n.op).arity; ++slot)
      if (std::find(from.begin(), from.end(), slot == 0 ? n.a : n.b) != from.end()) links.push_back({gate, slot});
  }
  return links;
}

// The overview: the boxes laid out as the sketch says, each box's members, the view it opens
// and the node it shows, for the page's script.
PageView overview(Graphviz& gv, Sketch& sketch, const std::vector<Box>& boxes, const Json& links) {
  for (const Box& b : boxes) sketch.boxes.push_back({b.name, b.width, b.height});
  const Layout layout = gv.lay_out(sketch);
  SvgPicture picture{.layout = &layout, .page = true};
  Json members = Json::array(), expand = Json::array(), node = Json::array();
  for (const NodePlace& place : layout.nodes) {
    const auto it = std::find_if(boxes.begin(), boxes.end(), [&](const Box& b) { return b.name == place.name; });
    picture.node_slots.push_back(it->label);
    picture.node_labels.push_back(it->label);
    picture.line_nodes.push_back(it->line_nodes);
    picture.node_attributes.push_back(it->expand >= 0 ? " data-expand=\"1\"" : "");
    members.push_back(it->members);
    expand.push_back(it->expand);
    node.push_back(it->node);
  }
  picture.edge_slots.resize(layout.edges.size());
  picture.edge_labels.resize(layout.edges.size());
  return {"",
          diagram_svg(picture),
          {{"kind", "neurons"}, {"members", members}, {"links", links}, {"expand", expand}, {"node", node}}};
}

// The loss's box: its value, its gradient 1, and the view of its gates.
Box loss_box(const Graph& g, NodeId loss, const std::vector<NodeId>& gates, int view) {
  return {"bloss",
          {{LabelKind::Name, "loss", ""},
           {LabelKind::Value, "= ", format_number(g.value(loss))},
           {LabelKind::Grad, tr("grad "), "1"}},
          {-1, static_cast<long>(loss), static_cast<long>(loss)},
          gates,
          view,
          -1,
          90,
          50};
}

}  // namespace

std::vector<PageView> network_views(Graphviz& gv, const Network& net) {
  const Graph& g = net.graph;
  std::vector<Box> boxes;
  Sketch sketch;
  sketch.groups.push_back({tr("inputs"), {}});
  for (NodeId x : net.features) {
    boxes.push_back(leaf_box(g, x));
    sketch.groups.back().boxes.push_back(boxes.back().name);
  }
  std::vector<PageView> views{{}};
  std::vector<std::vector<NodeId>> layer_boxes;  // box indexes by layer, inputs first
  std::vector<NodeId> claimed(net.features.begin(), net.features.end());
  claimed.insert(claimed.end(), net.labels.begin(), net.labels.end());
  layer_boxes.push_back({});
  for (std::size_t i = 0; i < net.features.size(); ++i) layer_boxes.back().push_back(static_cast<NodeId>(i));
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const Layer& layer = net.layers[l];
    sketch.groups.push_back({trf("layer {}", l + 1), {}});
    layer_boxes.push_back({});
    for (std::size_t j = 0; j < layer.units.size(); ++j) {
      const NodeId h = layer.outputs[j], z = g.node(h).a;
      const std::string title = trf("{} (layer {}, unit {}): its gates", display_name(g, h), l + 1, j);
      views.push_back(gate_view(gv, g, {.only = with_neighbours(g, layer.units[j])}, title));
      views.back().hidden = true;
      boxes.push_back(neuron_box(g, z, h, layer.units[j], static_cast<int>(views.size() - 1)));
      sketch.groups.back().boxes.push_back(boxes.back().name);
      layer_boxes.back().push_back(static_cast<NodeId>(boxes.size() - 1));
      claimed.insert(claimed.end(), layer.units[j].begin(), layer.units[j].end());
    }
  }
  // The loss: every gate no neuron claimed, with the labels it reads.
  std::vector<NodeId> loss_gates;
  for (NodeId id = 0; id < g.size(); ++id)
    if (std::find(claimed.begin(), claimed.end(), id) == claimed.end()) loss_gates.push_back(id);
  views.push_back(gate_view(gv, g, {.only = with_neighbours(g, loss_gates)}, tr("loss: its gates")));
  views.back().hidden = true;
  const Box loss = loss_box(g, net.loss, loss_gates, static_cast<int>(views.size() - 1));
  sketch.groups.push_back({tr("labels"), {}});
  for (NodeId y : net.labels) {
    boxes.push_back(leaf_box(g, y));
    sketch.groups.back().boxes.push_back(boxes.back().name);
  }
  boxes.push_back(loss);

  // Arrows: between consecutive layers, every pair; the last layer and the labels into the loss.
  Json links = Json::array();
  auto arrow = [&](std::size_t from, std::size_t to) {
    sketch.arrows.emplace_back(boxes[from].name, boxes[to].name);
    links.push_back(links_between(g, boxes[from].members, boxes[to].members));
  };
  for (std::size_t l = 1; l < layer_boxes.size(); ++l)
    for (NodeId to : layer_boxes[l])
      for (NodeId from : layer_boxes[l - 1]) arrow(from, to);
  for (NodeId from : layer_boxes.back()) arrow(from, boxes.size() - 1);
  for (std::size_t i = boxes.size() - 1 - net.labels.size(); i + 1 < boxes.size(); ++i) arrow(i, boxes.size() - 1);

  views.front() = overview(gv, sketch, boxes, links);
  return views;
}

}  // namespace gatelab::cli
