// A layout read from Graphviz's attribute text ("pos", "bb", "lp"), in points with y growing
// downward as SVG has it. The command reads the text from libgvc (files/graphviz.cpp), a page
// from the JSON of Graphviz compiled to WebAssembly (web/layout_json.cpp): one reading for both.
//
//   const Flip flip = flip_of("0,0,54,108");       // the graph's bounding box
//   std::optional<Point> p = flipped_point("27,18", flip);  // {27, 90}
#pragma once

#include <optional>
#include <string>

#include "files/graphviz.hpp"

namespace gatelab::cli {

// Graphviz's y grows upward; SVG's downward.
struct Flip {
  double height = 0;
  Point operator()(Point p) const { return {p.x, height - p.y}; }
};

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

std::optional<Point> point_of(const std::string& text);  // "x,y", unflipped
std::optional<Box> box_of(const std::string& text);      // "x0,y0,x1,y1"
inline Flip flip_of(const Box& bb) { return {bb.y1}; }

// "x,y" flipped; nullopt when the text is no point.
std::optional<Point> flipped_point(const std::string& text, const Flip& flip);

// "e,x,y p0 p1 ...": an edge's spline and its arrow's tip.
void read_spline(const std::string& pos, const Flip& flip, EdgePlace& edge);

// A node's place from its attributes: "pos", and "width" and "height" in inches.
void read_node_place(const std::string& pos, const std::string& width, const std::string& height, const Flip& flip,
                     NodePlace& node);

// A cluster's box and label from its "bb" and "lp".
ClusterPlace cluster_place(const std::string& label, const std::string& bb, const std::string& lp, const Flip& flip);

}  // namespace gatelab::cli
