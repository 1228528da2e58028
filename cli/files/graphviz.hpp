// The Graphviz library (libgvc), in-process: a diagram laid out once, and rendered by
// Graphviz's own renderers (the cairo PDF).
//
//   Graphviz gv;
//   const Layout layout = gv.lay_out(to_dot(g));   // every node, edge and cluster placed
//   std::string pdf = gv.render(to_dot(g), "pdf");
//
// A Layout is in points with y growing downward, as SVG has it; files/diagram_svg.hpp draws
// frames and pages from one Layout, so no node ever moves between them.
#pragma once

#include <optional>
#include <string>
#include <vector>

struct GVC_s;  // Graphviz's context and graph, declared here so users need not include gvc.h
struct Agraph_s;

namespace gatelab::cli {

struct Point {
  double x = 0, y = 0;
};

struct NodePlace {
  std::string name;  // the DOT node's name: "n12" for node 12 of a gate graph
  Point centre;
  double width = 0, height = 0;
  bool ellipse = false;      // else a rounded box
  std::string fill, stroke;  // colours as the DOT gives them; empty: none given
};

struct EdgePlace {
  std::string tail, head;
  std::vector<Point> spline;   // cubic Bézier control points: p0, then three per segment
  std::optional<Point> tip;    // the arrow's tip at the head, after the spline's last point
  std::optional<Point> label;  // the centre of the edge's label
  bool dashed = false;
};

struct ClusterPlace {
  std::string label;
  double x = 0, y = 0, width = 0, height = 0;  // top-left corner and size
  Point label_at;
};

struct Layout {
  double width = 0, height = 0;
  std::vector<NodePlace> nodes;  // in the order the DOT declares them
  std::vector<EdgePlace> edges;  // in the order the DOT declares them
  std::vector<ClusterPlace> clusters;
};

// A graph of fixed-size boxes to lay out, built without DOT text: the neuron-level picture
// of a network, whose boxes the command fills itself.
struct Sketch {
  struct Box {
    std::string name;
    double width = 0, height = 0;  // points
  };
  struct Group {
    std::string label;
    std::vector<std::string> boxes;
  };
  std::vector<Box> boxes;
  std::vector<std::pair<std::string, std::string>> arrows;  // tail, head
  std::vector<Group> groups;                                // drawn as clusters
};

class Graphviz {
 public:
  Graphviz();
  ~Graphviz();
  Graphviz(const Graphviz&) = delete;
  Graphviz& operator=(const Graphviz&) = delete;

  // Lays DOT out with the dot engine. Throws gatelab::Error if Graphviz fails.
  Layout lay_out(const std::string& dot);
  Layout lay_out(const Sketch& sketch);
  // Graphviz's own rendering of DOT: "svg", or "pdf" (the cairo renderer).
  std::string render(const std::string& dot, const char* format);

 private:
  Layout lay_out(::Agraph_s* graph);  // takes ownership
  ::GVC_s* gvc_;
};

}  // namespace gatelab::cli
