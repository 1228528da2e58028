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

// JSON inside <script>: every '<' (only ever inside a string) written as "\u003c", so no
// string can end the element or open a comment in it ("</script", "<!--").
std::string script_json(const nlohmann::ordered_json& data) {
  const std::string text = data.dump();
  std::string out;
  out.reserve(text.size());
  for (const char c : text) c == '<' ? out += "\\u003c" : out += c;
  return out;
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

namespace {

// A script inline: "</script" inside it (in a string) written as "<\/script", which reads the same.
std::string inline_script(std::string code) {
  for (std::size_t at = code.find("</script"); at != std::string::npos; at = code.find("</script", at + 2))
    code.insert(at + 1, "\\");
  return "<script>\n" + code + "\n</script>\n";
}

std::string linked_script(const std::string& href) { return "<script src=\"" + escaped(href) + "\"></script>\n"; }

// The engine, Graphviz and the editor's script (and the Chinese table for a Chinese page),
// inline or from the site's shared files.
std::string live_scripts(const PageOptions& o) {
  const bool chinese = language() == Language::chinese;
  if (o.assets_href.empty())
    return inline_script(o.live->engine) + inline_script(o.live->api) + inline_script(o.live->viz) +
           (chinese ? inline_script(o.live->catalog) : std::string()) + inline_script(page_live_js);
  return linked_script(o.assets_href + "gatelab-engine.js") + linked_script(o.assets_href + "engine_api.js") +
         linked_script(o.assets_href + "viz-global.js") +
         (chinese ? linked_script(o.assets_href + "zh_CN.js") : std::string()) +
         linked_script(o.assets_href + "live.js");
}

// KaTeX from the site's files: every formula md4c marked (<x-equation>) typeset in place.
std::string math_head(const PageOptions& o) {
  return "<link rel=\"stylesheet\" href=\"" + escaped(o.assets_href) + "katex/katex.min.css\">\n";
}
std::string math_scripts(const PageOptions& o) {
  return linked_script(o.assets_href + "katex/katex.min.js") + linked_script(o.assets_href + "math.js");
}

void write_blocks(std::string& out, nlohmann::ordered_json& data, const std::vector<PageBlock>& blocks, bool live) {
  int charts = 0;
  for (const PageBlock& b : blocks) {
    if (!b.heading.empty()) out += "<h2>" + escaped(b.heading) + "</h2>\n";
    if (!b.prose_html.empty()) out += "<div class=\"prose\">\n" + b.prose_html + "</div>\n";
    if (b.viewer) {
      write_viewer(out, *b.viewer);
      nlohmann::ordered_json viewer = b.viewer->data;
      viewer["views"] = nlohmann::ordered_json::array();
      for (const PageView& view : b.viewer->views) viewer["views"].push_back(view.spec);
      if (live && !b.viewer->request.is_null()) viewer["request"] = b.viewer->request;
      data["viewers"].push_back(std::move(viewer));
    }
    for (const std::string& figure : b.figures)
      out += "<figure class=\"chart\">" + inline_svg(figure, "chart" + std::to_string(++charts) + "-") + "</figure>\n";
    if (b.text.empty()) continue;
    const std::string pre =
        std::string("<pre class=\"text") + (b.text_is_trace ? " trace" : "") + "\">" + escaped(b.text) + "</pre>\n";
    out += b.text_summary.empty()
               ? pre
               : "<details><summary>" + escaped(b.text_summary) + "</summary>\n" + pre + "</details>\n";
  }
}

}  // namespace

std::string html_page(const std::string& title, const std::vector<PageBlock>& blocks, const PageOptions& options) {
  nlohmann::ordered_json data{{"strings", page_strings()}, {"viewers", nlohmann::ordered_json::array()}};
  const std::string lang = language() == Language::chinese ? "zh-CN" : "en";
  const bool linked = !options.assets_href.empty();
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    escaped(title) + "</title>\n";
  out += linked ? "<link rel=\"stylesheet\" href=\"" + escaped(options.assets_href) + "page.css\">\n<style>\n" +
                      css_rules() + "</style>\n"
                : "<style>\n" + std::string(page_css) + css_rules() + "</style>\n";
  if (options.math && linked) out += math_head(options);
  out += "</head>\n<body>\n" + options.nav_html + "<h1>" + escaped(title) + "</h1>\n";
  write_blocks(out, data, blocks, options.live != nullptr);
  out = without_script_scheme(std::move(out), "&#58;");  // a lesson's words, never a link
  out += "<script type=\"application/json\" id=\"gatelab-data\">" +
         without_script_scheme(script_json(data), "\\u003a") + "</script>\n";
  out += linked ? linked_script(options.assets_href + "quiz.js") + linked_script(options.assets_href + "viewer.js")
                : inline_script(std::string(page_quiz_js) + page_viewer_js);
  if (options.live) out += live_scripts(options);
  if (options.math && linked) out += math_scripts(options);
  return out + "</body>\n</html>\n";
}

nlohmann::ordered_json page_request(const std::string& program, const EvalRequest& request) {
  auto binding_text = [](const Binding& b) {
    if (!b.is_array()) return b.name + " = " + fmt::format("{}", b.value);
    std::string text;
    const std::size_t cols = b.shape.size() == 2 ? static_cast<std::size_t>(b.shape[1]) : b.values.size();
    for (std::size_t i = 0; i < b.values.size(); ++i) {
      if (i % cols == 0)
        text += i == 0 ? "[" : "], [";
      else
        text += ", ";
      text += fmt::format("{}", b.values[i]);
    }
    text += "]";
    return b.name + " = " + (b.shape.size() == 2 ? "[" + text + "]" : text);
  };
  nlohmann::ordered_json r{{"program", program}, {"at", nlohmann::ordered_json::array()}};
  for (const Binding& b : request.at) r["at"].push_back(binding_text(b));
  if (!request.tangents.empty()) {
    r["tangents"] = nlohmann::ordered_json::array();
    for (const Binding& b : request.tangents) r["tangents"].push_back(binding_text(b));
  }
  if (request.gradcheck) r["gradcheck"] = true;
  return r;
}

}  // namespace gatelab::cli
