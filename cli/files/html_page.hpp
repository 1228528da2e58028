// One self-contained HTML page: inline SVG, CSS and script, no network and no other file.
// Each viewer embeds one picture (or one per neuron for a network) and its steps as data;
// the script redraws numbers and highlights in place (cli/files/page/viewer.js).
//
//   Graphviz gv;
//   PageBlock block{.viewer = gate_viewer(gv, g, output, trace, true)};
//   std::string html = html_page("staged.gl", {block});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "files/graphviz.hpp"
#include "files/page_view.hpp"
#include "files/web_assets.hpp"
#include "gatelab/teach/dot.hpp"
#include "run/evaluation.hpp"

namespace gatelab::cli {

// A piece of the page: prose (HTML), a viewer, and text shown as it is (tables, the trace).
struct PageBlock {
  std::string heading;
  std::string prose_html;
  std::optional<PageViewer> viewer;
  std::string text;
  std::string text_summary;          // when not empty, the text is folded under this summary
  bool text_is_trace = false;        // the text is the viewer's whole trace: a re-run rewrites it
  std::vector<std::string> figures;  // charts (SVG documents) shown after the viewer
};

// A gate graph's picture for a page, laid out once by libgvc (`drawing` may draw only some nodes).
PageView gate_view(Graphviz& gv, const Graph& g, const DotOptions& drawing, std::string title = "");

// A gate graph's viewer: its picture laid out once, its trace and quiz as data.
PageViewer gate_viewer(Graphviz& gv, const Graph& g, NodeId output, const Trace& trace, bool has_grads,
                       const DotOptions& drawing = {});

// How a page gets its engine: none (drawn once, no editor); inline (one self-contained
// file); or linked, from the site's shared files at `assets_href` ("../assets/").
struct PageOptions {
  const WebAssets* live = nullptr;
  std::string assets_href;  // empty: everything inline
  std::string nav_html;     // a site's navigation, above the title
  bool math = false;        // typeset $...$ and $$...$$ with KaTeX (linked pages only)
};

std::string html_page(const std::string& title, const std::vector<PageBlock>& blocks, const PageOptions& options = {});

// A viewer's request for the page's engine: its program and the inputs, expectations and
// options of `request`, as the editor shows them (x = 2).
nlohmann::ordered_json page_request(const std::string& program, const EvalRequest& request);

}  // namespace gatelab::cli
