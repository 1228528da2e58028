#include "files/pages.hpp"

#include "files/curve_plot.hpp"
#include "files/html_page.hpp"
#include "files/neuron_view.hpp"
#include "gatelab/support/translate.hpp"
#include "render/eval_text.hpp"
#include "render/lesson_text.hpp"
#include "render/markup.hpp"
#include "render/page_data.hpp"
#include "render/prose_html.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

std::string plain_text(const std::vector<TraceLine>& lines) {
  std::string text;
  for (const TraceLine& l : lines) text += l.text + "\n";
  return text;
}

bool has_grads(const EvalResult& r) { return !r.backward_error && r.tangents.empty(); }

// A block's program for the editor, with its inputs, and its expectations for the
// agreement of the page's engine with the command (tests/web).
nlohmann::ordered_json block_request(const std::string& program, const Plan& plan) {
  nlohmann::ordered_json r = page_request(program, plan.request);
  for (const Located& e : plan.expects) r["checks"].push_back(e.expectation.text);
  if (plan.tol) r["tol"] = *plan.tol;
  return r;
}

PageViewer viewer_of(Graphviz& gv, const EvalResult& r) {
  return gate_viewer(gv, r.program.graph, r.program.output, r.trace, has_grads(r), {});
}

}  // namespace

std::string eval_page(const EvalResult& r, const std::string& title, const EvalRequest& request,
                      const PageOptions& options) {
  Graphviz gv;
  PageBlock block{.viewer = viewer_of(gv, r),
                  .text = plain_text(report_lines(r, Paint{})),
                  .text_summary = tr("the whole trace"),
                  .text_is_trace = true};
  block.viewer->program = request.text;
  block.viewer->request = page_request(request.text, request);
  for (const Expectation& e : request.expectations) block.viewer->request["checks"].push_back(e.text);
  return html_page(title, {block}, options);
}

std::string lesson_page(const LessonFile& file, const std::vector<BlockOutcome>& runs, const PageOptions& options) {
  Graphviz gv;
  std::vector<PageBlock> blocks{{.prose_html = "<p class=\"hint\">" + escaped(file.lesson.summary) + "</p>"}};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    PageBlock block{.prose_html = prose_html(file.lesson.prose[i])};
    blocks.push_back(block);
    const BlockOutcome& run = runs[i];
    PageBlock program{.heading = run.title, .text = plain_text(block_lines(file.lesson.blocks[i], run, Paint{}))};
    if (run.has_graph()) {
      program.viewer = viewer_of(gv, run.result);
      program.viewer->program = without_directives(file.lesson.blocks[i].program);
      program.viewer->request = block_request(program.viewer->program, run.plan);
      program.text_summary = tr("the block's program, trace and tables");
    }
    for (const PlotRun& plot : run.plots)
      program.figures.push_back(curves_svg(plot.curves, run.title + ": " + plot_title(plot)));
    blocks.push_back(std::move(program));
  }
  blocks.push_back({.prose_html = prose_html(file.lesson.prose.back())});
  return html_page(file.lesson.title, blocks, options);
}

std::string row_page(const Network& net, const Trace& trace, const std::string& title, const std::string& report) {
  Graphviz gv;
  PageViewer viewer{.views = network_views(gv, net)};
  viewer.data = trace_page_data(net.graph, net.loss, trace, true);
  return html_page(title, {{.viewer = viewer, .text = report, .text_summary = tr("the whole trace")}});
}

}  // namespace gatelab::cli
