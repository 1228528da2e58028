#include "files/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <memory>

#include "files/layout_text.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/dot.hpp"

namespace gatelab::cli {

namespace {

constexpr double points_per_inch = 72;

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr read_dot(const std::string& dot) {
  GraphPtr graph(agmemread(dot.c_str()));
  if (!graph) throw Error(tr("Graphviz could not read the diagram"));
  return graph;
}

// An attribute's text, empty when it is not set.
std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

void read_clusters(Agraph_t* graph, const Flip& flip, Layout& layout) {
  for (Agraph_t* sub = agfstsubg(graph); sub; sub = agnxtsubg(sub)) {
    const std::string name = agnameof(sub);
    if (name.rfind("cluster", 0) == 0) {
      layout.clusters.push_back(
          cluster_place(attribute(sub, "label"), attribute(sub, "bb"), attribute(sub, "lp"), flip));
    }
    read_clusters(sub, flip, layout);
  }
}

Layout read_layout(Agraph_t* graph) {
  Layout layout;
  const Box bb = box_of(attribute(graph, "bb")).value_or(Box{});
  layout.width = bb.x1 - bb.x0;
  layout.height = bb.y1 - bb.y0;
  const Flip flip = flip_of(bb);
  std::vector<std::pair<unsigned long, EdgePlace>> edges;
  for (Agnode_t* n = agfstnode(graph); n; n = agnxtnode(graph, n)) {
    NodePlace place;
    place.name = agnameof(n);
    read_node_place(attribute(n, "pos"), attribute(n, "width"), attribute(n, "height"), flip, place);
    place.ellipse = attribute(n, "shape") == "ellipse";
    place.fill = attribute(n, "fillcolor");
    place.stroke = attribute(n, "color");
    layout.nodes.push_back(place);
    for (Agedge_t* e = agfstout(graph, n); e; e = agnxtout(graph, e)) {
      EdgePlace edge;
      edge.tail = agnameof(agtail(e));
      edge.head = agnameof(aghead(e));
      read_spline(attribute(e, "pos"), flip, edge);
      edge.label = flipped_point(attribute(e, "lp"), flip);
      edge.dashed = attribute(e, "style").find("dashed") != std::string::npos;
      edges.emplace_back(static_cast<unsigned long>(AGSEQ(e)), std::move(edge));
    }
  }
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [seq, edge] : edges) layout.edges.push_back(std::move(edge));
  read_clusters(graph, flip, layout);
  return layout;
}

// One Graphviz context for the whole process, never freed: Graphviz 2.42's pango plugin
// keeps a pointer to the last font name it measured, and freeing a context frees that name,
// so a second context would read freed memory (AddressSanitizer's heap-use-after-free in
// textspan_size, when a lesson lays out a diagram after another command's context ended).
GVC_t* process_context() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

}  // namespace

Graphviz::Graphviz() : gvc_(process_context()) {
  if (!gvc_) throw Error(tr("cannot start the Graphviz library"));
}

Graphviz::~Graphviz() = default;

Layout Graphviz::lay_out(const std::string& dot) { return lay_out(read_dot(dot).release()); }

Layout Graphviz::lay_out(const Sketch& sketch) {
  GraphPtr graph(agopen(const_cast<char*>("sketch"), Agdirected, nullptr));
  Agraph_t* g = graph.get();
  auto set = [](void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
  };
  set(g, "rankdir", "LR");
  set(g, "nodesep", "0.15");
  for (const Sketch::Box& b : sketch.boxes) {
    Agnode_t* n = agnode(g, const_cast<char*>(b.name.c_str()), 1);
    set(n, "shape", "box");
    set(n, "fixedsize", "true");
    set(n, "label", "");
    set(n, "width", std::to_string(b.width / points_per_inch));
    set(n, "height", std::to_string(b.height / points_per_inch));
  }
  for (std::size_t i = 0; i < sketch.groups.size(); ++i) {
    Agraph_t* sub = agsubg(g, const_cast<char*>(("cluster_" + std::to_string(i)).c_str()), 1);
    set(sub, "label", sketch.groups[i].label);
    set(sub, "fontname", diagram_fonts);
    set(sub, "fontsize", "11");
    for (const std::string& name : sketch.groups[i].boxes)
      if (Agnode_t* n = agnode(g, const_cast<char*>(name.c_str()), 0)) agsubnode(sub, n, 1);
  }
  for (const auto& [tail, head] : sketch.arrows) {
    Agnode_t* t = agnode(g, const_cast<char*>(tail.c_str()), 0);
    Agnode_t* h = agnode(g, const_cast<char*>(head.c_str()), 0);
    if (t && h) agedge(g, t, h, nullptr, 1);
  }
  return lay_out(graph.release());
}

Layout Graphviz::lay_out(Agraph_t* raw) {
  GraphPtr graph(raw);
  if (gvLayout(gvc_, graph.get(), "dot") != 0)
    throw Error(tr("Graphviz could not lay out the diagram (is the graphviz package installed?)"));
  // Rendering as DOT writes every position into the graph's attributes, where agget reads them.
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc_, graph.get(), "dot", &data, &length);
  if (data) gvFreeRenderData(data);
  Layout layout;
  if (rc == 0) layout = read_layout(graph.get());
  gvFreeLayout(gvc_, graph.get());
  if (rc != 0) throw Error(tr("Graphviz could not lay out the diagram"));
  return layout;
}

std::string Graphviz::render(const std::string& dot, const char* format) {
  GraphPtr graph = read_dot(dot);
  if (gvLayout(gvc_, graph.get(), "dot") != 0)
    throw Error(tr("Graphviz could not lay out the diagram (is the graphviz package installed?)"));
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc_, graph.get(), format, &data, &length);
  std::string out = rc == 0 && data ? std::string(data, length) : std::string{};
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc_, graph.get());
  if (rc != 0 || out.empty()) throw Error(trf("Graphviz could not render the diagram as {}", format));
  return out;
}

}  // namespace gatelab::cli
