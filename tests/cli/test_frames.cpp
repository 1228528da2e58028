// `gatelab eval --frames`: every frame drawn from one layout, so frames can be flipped through.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

namespace {

// Each node's place in a frame, by its index: the position and size of its <rect> or
// <ellipse> as written, so two frames compare equal only if no node moved or grew (its
// outline's colour may change: that is the step's highlight).
std::map<std::string, std::string> node_shapes(const std::string& svg) {
  std::map<std::string, std::string> shapes;
  const std::regex node(
      R"re(<g class="node" data-i="(\d+)"><(?:rect|ellipse) ((?:c?[xy]|r[xy]|width|height)="[^"]*" (?:c?[xy]|r[xy]|width|height)="[^"]*" (?:c?[xy]|r[xy]|width|height)="[^"]*" (?:c?[xy]|r[xy]|width|height)="[^"]*"))re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), node), end; it != end; ++it) shapes[(*it)[1]] = (*it)[2];
  return shapes;
}

std::string canvas(const std::string& svg) {
  std::smatch m;
  std::regex_search(svg, m, std::regex(R"re(<svg [^>]*width="([\d.]+)" height="([\d.]+)")re"));
  return m.empty() ? "" : m[1].str() + " x " + m[2].str();
}

std::string staged_frames() {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab(
      {"eval", "--file", std::string(GATELAB_STAGED_PROGRAM), "--at", "x=3", "--at", "y=-4", "--frames", dir});
  REQUIRE(r.status == 0);
  return dir;
}

}  // namespace

TEST_CASE("frames: one layout, so every frame has one canvas and no node moves") {
  const std::string dir = staged_frames();
  // 8 gates forward, then the seed and 12 messages: one along each of the 13 edges but the
  // constant 2's, which takes no gradient. 21 steps.
  std::vector<std::string> frames;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".svg") frames.push_back(e.path().string());
  std::sort(frames.begin(), frames.end());
  REQUIRE(frames.size() == 21);
  const std::string first = slurp(frames.front());
  const auto shapes = node_shapes(first);
  // The program's 8 gates, its inputs x and y and the constant 2 are all nodes.
  CHECK(shapes.size() == 11);
  for (const std::string& frame : frames) {
    const std::string svg = slurp(frame);
    INFO(frame);
    CHECK(canvas(svg) == canvas(first));
    CHECK(node_shapes(svg) == shapes);
  }
}

TEST_CASE("frames: values green, gradients red, and a message drawn against its edge") {
  const std::string dir = staged_frames();
  // Step 9 is the seed of backward (8 forward steps before it), step 10 f's message to num.
  const std::string seed = slurp(dir + "/step-009.svg");
  CHECK_THAT(seed, Contains("step 9 of") && Contains(">seed<"));
  CHECK_THAT(seed, Contains("class=\"ink-value\">= 1.54"));  // f = 3.01799 × 0.512144 = 1.54565
  CHECK_THAT(seed, Contains("class=\"ink-grad\">grad 1<"));
  const std::string message = slurp(dir + "/step-010.svg");
  CHECK_THAT(message, Contains("class=\"ink-name\">f → ") && Contains("class=\"ink-grad\">grad("));
  // The highlighted edge is red, with its arrowhead at the input's end (class aback) and none
  // at the consumer's end.
  const std::regex hot(
      R"re(<g class="edge" data-i="\d+"><path [^>]*stroke="#dc2626" stroke-width="3"/><polygon [^>]*class="aback")re");
  CHECK(std::regex_search(message, hot));
  CHECK(message.find("class=\"aback\"") == message.rfind("class=\"aback\""));  // only that one
}
