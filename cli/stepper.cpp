#include "stepper.hpp"

#include <iostream>

#include "diagrams.hpp"

namespace gatelab::cli {

void step_through(const std::vector<TraceLine>& lines, const std::string& frames_dir, int steps, const Paint& paint) {
  std::cout << paint(style::dim, "Enter: next step   q then Enter: show the rest at once") << "\n\n";
  bool stepping = true;
  for (const TraceLine& l : lines) {
    std::cout << l.text;
    if (!stepping || l.step == 0) {
      std::cout << "\n";
      continue;
    }
    if (!frames_dir.empty()) std::cout << paint(style::dim, "   frame " + frame_stem(frames_dir, l.step, steps) + ".svg");
    std::cout << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer) || answer == "q" || answer == "Q") {
      stepping = false;
      if (std::cin.eof()) std::cout << "\n";
    }
  }
}

}  // namespace gatelab::cli
