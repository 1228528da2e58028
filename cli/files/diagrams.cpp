#include "files/diagrams.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <regex>
#include <set>

#include "files/gate_diagram.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace {

// The frames an earlier run wrote into dir (step-NNN.svg and .dot, gatelab's names) that
// this run does not write again: removed once the new ones are in place.
void remove_earlier_frames(OutputFiles& out, const std::string& dir, const std::set<std::string>& written) {
  static const std::regex frame_name(R"(step-[0-9]{3,}\.(svg|dot))");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string path = dir + "/" + entry.path().filename().string();
    if (entry.is_regular_file(ec) && std::regex_match(entry.path().filename().string(), frame_name) &&
        !written.contains(path))
      out.remove_after(path);
  }
}

// Every frame of the trace, drawn from one layout on one canvas: as wide as the widest caption.
void add_frames(OutputFiles& out, const std::string& dir, const GateDiagram& d, const Graph& g, const Trace& trace) {
  out.add_dir(dir);
  const int steps = trace.size();
  std::vector<Caption> captions;
  double width = 0;
  for (int step = 1; step <= steps; ++step) {
    Caption caption{{trf("step {} of {}: ", step, steps)}};
    const Caption cells = step_cells(g, trace, step);
    caption.insert(caption.end(), cells.begin(), cells.end());
    width = std::max(width, caption_width(caption));
    captions.push_back(std::move(caption));
  }
  std::set<std::string> written;
  for (int step = 1; step <= steps; ++step) {
    const DotOptions state{.trace = &trace, .highlight_step = step, .as_of_step = true};
    SvgPicture picture = gate_picture(d, g, state);
    picture.caption = captions[static_cast<std::size_t>(step - 1)];
    picture.width = width;
    const std::string stem = frame_stem(dir, step, steps);
    out.add(stem + ".svg", diagram_svg(picture));
    DotOptions titled = state;
    titled.title = caption_text(picture.caption);
    out.add(stem + ".dot", to_dot(g, titled));
    written.insert({stem + ".svg", stem + ".dot"});
  }
  remove_earlier_frames(out, dir, written);
}

}  // namespace

void check_diagram_paths(const DiagramRequest& r) {
  for (const std::string* path : {&r.dot_path, &r.svg_path, &r.pdf_path})
    if (!path->empty()) check_output_file(*path);
  if (!r.frames_dir.empty()) check_output_dir(r.frames_dir, true);
}

DotOptions array_boxes(const Program& p) {
  DotOptions boxes;
  for (const Array& a : p.arrays) {
    const std::string shape =
        a.shape.size() == 1 ? trf("{}-vector", a.shape[0]) : trf("{}x{} matrix", a.shape[0], a.shape[1]);
    boxes.clusters.push_back({trf("{} ({})", a.name, shape), a.nodes});
  }
  return boxes;
}

std::string frame_stem(const std::string& dir, int step, int steps) {
  const int digits = std::max(3, static_cast<int>(std::to_string(steps).size()));
  return fmt::format("{}/step-{:0{}}", dir, step, digits);
}

std::vector<std::string> frame_files(const DiagramRequest& r, int steps) {
  std::vector<std::string> files;
  if (!r.frames_dir.empty())
    for (int step = 1; step <= steps; ++step) files.push_back(frame_stem(r.frames_dir, step, steps) + ".svg");
  return files;
}

GateDiagram lay_out_gates(Graphviz& gv, const Graph& g, const DotOptions& drawing) {
  return gate_diagram(gv.lay_out(layout_dot(g, drawing)), g, drawing);
}

void add_diagrams(OutputFiles& out, const DiagramRequest& r, const Graph& g, const Trace& trace,
                  const DotOptions& drawing) {
  const std::string dot = to_dot(g, drawing);
  if (!r.dot_path.empty()) out.add(r.dot_path, dot);
  if (r.svg_path.empty() && r.pdf_path.empty() && r.frames_dir.empty()) return;
  Graphviz gv;
  if (!r.pdf_path.empty()) out.add(r.pdf_path, gv.render(dot, "pdf"));
  if (r.svg_path.empty() && r.frames_dir.empty()) return;
  const GateDiagram d = lay_out_gates(gv, g, drawing);
  if (!r.svg_path.empty()) {
    SvgPicture picture = gate_picture(d, g, {});
    if (!drawing.title.empty()) picture.caption = {{drawing.title}};
    out.add(r.svg_path, diagram_svg(picture));
  }
  if (!r.frames_dir.empty()) add_frames(out, r.frames_dir, d, g, trace);
}

}  // namespace gatelab::cli
