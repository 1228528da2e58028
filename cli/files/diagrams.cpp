#include "files/diagrams.hpp"

#include <fmt/format.h>

#include <optional>

#include "files/svg.hpp"
#include "gatelab/dot.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

void check_diagram_paths(const DiagramRequest& r) {
  if (!r.dot_path.empty()) check_output_file(r.dot_path);
  if (!r.svg_path.empty()) check_output_file(r.svg_path);
  if (!r.frames_dir.empty()) check_output_dir(r.frames_dir, true);
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

void add_diagrams(OutputFiles& out, const DiagramRequest& r, const Program& p, const Trace& trace) {
  const Graph& g = p.graph;
  std::vector<DotCluster> arrays;
  for (const Array& a : p.arrays) arrays.push_back({a.name + " (" + shape_text(a.shape).substr(2) + ")", a.nodes});
  const std::string dot = to_dot(g, {.clusters = arrays});
  if (!r.dot_path.empty()) out.add(r.dot_path, dot);
  std::optional<SvgRenderer> renderer;
  if (!r.svg_path.empty() || !r.frames_dir.empty()) renderer.emplace();
  if (!r.svg_path.empty()) out.add(r.svg_path, renderer->render(dot));
  if (r.frames_dir.empty()) return;
  out.add_dir(r.frames_dir);
  const int steps = trace.size();
  for (int step = 1; step <= steps; ++step) {
    const std::string title = fmt::format("step {} of {}: {}", step, steps, step_caption(g, trace, step));
    const std::string frame = to_dot(g, {.trace = &trace, .highlight_step = step, .title = title, .as_of_step = true, .clusters = arrays});
    const std::string stem = frame_stem(r.frames_dir, step, steps);
    out.add(stem + ".svg", renderer->render(frame));
    out.add(stem + ".dot", frame);
  }
}

}  // namespace gatelab::cli
