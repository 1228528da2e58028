// A laid-out diagram drawn as SVG by gatelab itself: Graphviz places the nodes and edges once
// (files/graphviz.hpp), and every frame and page is drawn from those places, so all frames
// have one canvas and no node moves. Values are green and gradients red (render/ink.hpp).
//
//   SvgPicture p{.layout = &layout, .slots = final_labels, .labels = labels_at_step, ...};
//   std::string svg = diagram_svg(p);
#pragma once

#include <string>
#include <vector>

#include "files/graphviz.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

// What a step is about, on the picture: a node outlined in the step's ink, or an edge drawn
// in red with its arrow turned round, the way a gradient message travels.
struct PictureFocus {
  int node = -1;  // index into Layout::nodes
  int edge = -1;  // index into Layout::edges
  Ink ink = Ink::Grad;
};

struct SvgPicture {
  const Layout* layout = nullptr;
  // By layout node (and edge) index: the labels the layout was made with, which fix where each
  // line sits, and the lines shown now (lines of `slots`, some not shown yet).
  std::vector<Label> node_slots, edge_slots;
  std::vector<Label> node_labels, edge_labels;
  PictureFocus focus;
  Caption caption;    // drawn above the picture; frames only
  double width = 0;   // of the canvas, at least the layout's (wider for a long caption)
  bool page = false;  // for the HTML page: every line drawn, with data attributes for its script
  // Page only, by layout node (edge): attributes added to its group (` data-node="3"`), and
  // for each line of its slots the graph node whose number the line shows (-1: none).
  std::vector<std::string> node_attributes, edge_attributes;
  std::vector<std::vector<long>> line_nodes;
};

std::string diagram_svg(const SvgPicture& picture);

// The height the caption band adds above a picture, and the width a caption needs.
inline constexpr double caption_band = 30;
double caption_width(const Caption& caption);

}  // namespace gatelab::cli
