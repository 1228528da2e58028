// One self-contained HTML page: inline SVG, CSS and script, no network and no other file.
// Each viewer embeds one picture (or one per neuron for a network) and its steps as data;
// the script redraws numbers and highlights in place (cli/files/page/viewer.js).
//
//   Graphviz gv;
//   PageBlock block{.viewer = gate_viewer(gv, g, output, trace, true)};
//   std::string html = html_page("staged.gl", {block});
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "files/graphviz.hpp"
#include "gatelab/teach/dot.hpp"

namespace gatelab::cli {

// One picture of a viewer: its SVG and what the script needs to know of it ({"kind": "gates"},
// or for the neurons of a network which gates and edges each box and arrow stands for).
struct PageView {
  std::string title;  // shown above it when not empty
  std::string svg;
  nlohmann::ordered_json spec;
  bool hidden = false;  // shown when a neuron is expanded
};

struct PageViewer {
  std::string program;  // the program text, shown above the viewer; empty: none
  std::vector<PageView> views;
  nlohmann::ordered_json data;  // render/page_data.hpp
};

// A piece of the page: prose (HTML), a viewer, and text shown as it is (tables, the trace).
struct PageBlock {
  std::string heading;
  std::string prose_html;
  std::optional<PageViewer> viewer;
  std::string text;
  std::string text_summary;          // when not empty, the text is folded under this summary
  std::vector<std::string> figures;  // charts (SVG documents) shown after the viewer
};

// A gate graph's picture for a page, laid out once (`drawing` may draw only some nodes).
PageView gate_view(Graphviz& gv, const Graph& g, const DotOptions& drawing, std::string title = "");

// A gate graph's viewer: its picture laid out once, its trace and quiz as data.
PageViewer gate_viewer(Graphviz& gv, const Graph& g, NodeId output, const Trace& trace, bool has_grads,
                       const DotOptions& drawing = {});

std::string html_page(const std::string& title, const std::vector<PageBlock>& blocks);

}  // namespace gatelab::cli
