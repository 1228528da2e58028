#include "diagrams.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "gatelab/dot.hpp"
#include "output_files.hpp"
#include "svg.hpp"

namespace gatelab::cli {

void check_diagram_paths(const DiagramRequest& r) {
  if (!r.dot_path.empty()) check_writable(r.dot_path);
  if (!r.svg_path.empty()) check_writable(r.svg_path);
  if (!r.frames_dir.empty()) check_writable_dir(r.frames_dir);
}

std::string frame_stem(const std::string& dir, int step, int steps) {
  const int digits = std::max(3, static_cast<int>(std::to_string(steps).size()));
  return fmt::format("{}/step-{:0{}}", dir, step, digits);
}

void write_diagrams(const DiagramRequest& r, const Graph& g, const Trace& trace,
                    const std::vector<std::string>& step_titles) {
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  const std::string dot = to_dot(g);
  if (!r.dot_path.empty()) files.emplace_back(r.dot_path, dot);
  const bool any_svg = !r.svg_path.empty() || !r.frames_dir.empty();
  std::optional<SvgRenderer> renderer;
  if (any_svg) renderer.emplace();
  if (!r.svg_path.empty()) files.emplace_back(r.svg_path, renderer->render(dot));
  if (!r.frames_dir.empty()) {
    const int steps = trace.size();
    for (int step = 1; step <= steps; ++step) {
      const std::string title = fmt::format("step {} of {}: {}", step, steps, step_titles.at(step - 1));
      const std::string frame = to_dot(g, {.trace = &trace, .highlight_step = step, .title = title, .as_of_step = true});
      const std::string stem = frame_stem(r.frames_dir, step, steps);
      files.emplace_back(stem + ".svg", renderer->render(frame));
      files.emplace_back(stem + ".dot", frame);
    }
  }
  for (const auto& [path, content] : files) write_file_atomically(path, content);
}

}  // namespace gatelab::cli
