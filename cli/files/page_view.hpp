// A viewer of a page: its pictures, drawn by gatelab from one layout, and its steps as data.
// The command lays the pictures out with libgvc (files/html_page.hpp); a page that re-runs
// the engine after an edit lays them out with Graphviz compiled to WebAssembly and draws
// them with the same code (web/).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "files/gate_diagram.hpp"

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
  // What the page's engine re-runs after an edit (web/web_request.hpp): the program and its
  // inputs as the editor shows them; null: no editor.
  nlohmann::ordered_json request;
};

// The picture of a laid-out gate graph, with every line present and the data attributes the
// page's script finds its nodes, edges and numbers by.
PageView gate_page_view(const GateDiagram& d, const Graph& g, std::string title = "");

}  // namespace gatelab::cli
