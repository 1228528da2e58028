#include "render/stepper.hpp"

#include <algorithm>
#include <iostream>

#include "gatelab/support/translate.hpp"
#include "render/asker.hpp"

namespace gatelab::cli {

void step_through(const std::vector<TraceLine>& lines, const std::vector<std::string>& frame_files,
                  const Paint& paint) {
  std::cout << paint(style::dim, tr("Enter: next step   q then Enter: show the rest at once")) << "\n\n";
  bool stepping = true;
  for (const TraceLine& l : lines) {
    std::cout << l.text;
    if (!stepping || l.step == 0) {
      std::cout << "\n";
      continue;
    }
    if (static_cast<std::size_t>(l.step) <= frame_files.size())
      std::cout << paint(style::dim, "   " + trf("frame {}", frame_files[static_cast<std::size_t>(l.step) - 1]));
    std::cout << std::flush;
    std::string answer;
    if (!read_reply(std::cin, answer) || answer == "q" || answer == "Q") {
      stepping = false;
      if (std::cin.eof()) std::cout << "\n";
    }
  }
}

bool predict_through(const std::vector<TraceLine>& lines, const Graph& g, const Trace& trace, Asker& asker,
                     QuizScore& score, int& unasked, const std::string& label) {
  const std::vector<int> asked = quiz_steps(trace, QuizAsk::Both);
  bool going = true;
  for (const TraceLine& l : lines) {
    if (l.step > 0 && std::find(asked.begin(), asked.end(), l.step) != asked.end()) {
      if (going) going = asker.ask_all(g, trace, {l.step}, score, label);
      if (!going) ++unasked;
    }
    std::cout << l.text << "\n";
  }
  return going;
}

}  // namespace gatelab::cli
