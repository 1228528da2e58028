#include "files/html_page.hpp"

#include "files/plplot_svg.hpp"

#include <fmt/format.h>

#include "files/gate_diagram.hpp"
#include "files/page_assets.hpp"
#include "gatelab/support/translate.hpp"
#include "render/ink.hpp"
#include "render/markup.hpp"
#include "render/page_data.hpp"
#include "render/page_strings.hpp"

namespace gatelab::cli {

namespace {

// JSON inside <script>: "</" written as "<\/" so no string can end the element.
std::string script_json(const nlohmann::ordered_json& data) {
  std::string text = data.dump();
  for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3))
    text.insert(at + 1, "\\");
  return text;
}

void write_viewer(std::string& out, const PageViewer& v) {
  out += "<section class=\"viewer\">\n";
  if (!v.program.empty()) out += "<pre class=\"program\">" + escaped(v.program) + "</pre>\n";
  out +=
      "<div class=\"controls\"></div>\n<div class=\"caption\"></div>\n<div class=\"stage\"><div class=\"pictures\">\n";
  for (const PageView& view : v.views) {
    out += view.hidden ? "<div class=\"view\" hidden>" : "<div class=\"view\">";
    if (!view.title.empty())
      out += "<div class=\"view-title\"><span>" + escaped(view.title) + "</span>" +
             (view.hidden ? "<button class=\"close-view\" title=\"" + escaped(tr("close")) + "\">✕</button>"
                          : std::string()) +
             "</div>";
    out += "\n" + view.svg + "</div>\n";
  }
  out += "</div>\n<aside class=\"panel\"></aside></div>\n</section>\n";
}

}  // namespace

PageView gate_view(Graphviz& gv, const Graph& g, const DotOptions& drawing, std::string title) {
  return gate_page_view(lay_out_gates(gv, g, drawing), g, std::move(title));
}

PageViewer gate_viewer(Graphviz& gv, const Graph& g, NodeId output, const Trace& trace, bool has_grads,
                       const DotOptions& drawing) {
  return {"", {gate_view(gv, g, drawing)}, trace_page_data(g, output, trace, has_grads)};
}

std::string html_page(const std::string& title, const std::vector<PageBlock>& blocks) {
  nlohmann::ordered_json data{{"strings", page_strings()}, {"viewers", nlohmann::ordered_json::array()}};
  const std::string lang = language() == Language::chinese ? "zh-CN" : "en";
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escaped(title) + "</title>\n<style>\n" + page_css + css_rules() +
                    "</style>\n</head>\n<body>\n<h1>" + escaped(title) + "</h1>\n";
  int charts = 0;
  for (const PageBlock& b : blocks) {
    if (!b.heading.empty()) out += "<h2>" + escaped(b.heading) + "</h2>\n";
    if (!b.prose_html.empty()) out += "<div class=\"prose\">\n" + b.prose_html + "</div>\n";
    if (b.viewer) {
      write_viewer(out, *b.viewer);
      nlohmann::ordered_json viewer = b.viewer->data;
      viewer["views"] = nlohmann::ordered_json::array();
      for (const PageView& view : b.viewer->views) viewer["views"].push_back(view.spec);
      data["viewers"].push_back(std::move(viewer));
    }
    for (const std::string& figure : b.figures)
      out += "<figure class=\"chart\">" + inline_svg(figure, "chart" + std::to_string(++charts) + "-") + "</figure>\n";
    if (b.text.empty()) continue;
    const std::string pre = "<pre class=\"text\">" + escaped(b.text) + "</pre>\n";
    out += b.text_summary.empty()
               ? pre
               : "<details><summary>" + escaped(b.text_summary) + "</summary>\n" + pre + "</details>\n";
  }
  out += "<script type=\"application/json\" id=\"gatelab-data\">" + script_json(data) + "</script>\n";
  out += std::string("<script>\n") + page_quiz_js + page_viewer_js + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace gatelab::cli
