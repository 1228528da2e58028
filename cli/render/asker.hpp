// Asking a learner for a trace step's number at a prompt, and answering at once: right, or
// the likely mistake and the right value. '?' shows the gate's rule, 's' skips, 'q' stops.
// It reads a line at a time, from a terminal or (scripted) from a pipe, whose answers it
// echoes so that the transcript reads as a dialogue.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "render/terminal.hpp"
#include "run/quiz.hpp"

namespace gatelab::cli {

// A reply is a number, a letter or Enter: a line of more than this is no reply a learner typed.
inline constexpr std::size_t max_reply_size = 4096;

// Reads one line, as std::getline does; false at the end of the input. A line longer than
// max_reply_size ends the input too, before it fills memory (`quiz < /dev/zero`). The quiz,
// --predict and --step read their replies with it.
bool read_reply(std::istream& in, std::string& line);

// A quiz's tally, over one trace or several (a lesson's blocks).
struct QuizScore {
  int right = 0;
  int asked = 0;
  std::vector<std::string> missed;  // "[6] grad(x)": the steps answered wrongly or skipped
};

class Asker {
 public:
  enum class Outcome { Right, Wrong, Skipped, Stopped, EndOfInput };

  Asker(std::istream& in, std::ostream& out, Paint paint, bool echo, std::optional<double> tol)
      : in_(in), out_(out), paint_(paint), echo_(echo), tol_(tol) {}

  Outcome ask(const Graph& g, const Trace& trace, int step);

  // Asks each step in turn and keeps the score; stops early at 'q' or the end of input.
  // Returns false when it stopped early. `label` prefixes the missed steps' names.
  bool ask_all(const Graph& g, const Trace& trace, const std::vector<int>& steps, QuizScore& score,
               const std::string& label = "");

 private:
  std::istream& in_;
  std::ostream& out_;
  Paint paint_;
  bool echo_;
  std::optional<double> tol_;
};

// "score: 5/6" and, when any, "missed: [6] grad(x), ...". `unasked` questions were never
// reached (the input ended or the learner stopped).
void print_score(std::ostream& out, const QuizScore& score, int unasked, const Paint& paint);

}  // namespace gatelab::cli
