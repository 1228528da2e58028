// Asking a learner for a trace step's number at a prompt, and answering at once: right, or
// the mistakes that give the number typed. '?' shows a hint, and again a fuller one (the
// gate's rule, then its local partial, then the number); 's' skips, 'q' stops. With retries,
// a wrong answer is diagnosed without the right number, and the step is asked again. The
// learner's answers to earlier steps of the same trace are the upstream numbers a later
// wrong answer may follow from. It reads a line at a time, from a terminal or (scripted) from
// a pipe, whose answers it echoes so that the transcript reads as a dialogue.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "render/terminal.hpp"
#include "run/quiz.hpp"

namespace gatelab::cli {

// A reply is a number, a letter or Enter: a line of more than this is no reply a learner typed.
inline constexpr std::size_t max_reply_size = 4096;

// Replies in a row that are not numbers, from input that is not a terminal (a file, a pipe of
// binary junk), after which the quiz stops, saying so, rather than read a million of them.
inline constexpr int max_unreadable_replies = 10;

// Reads one line, as std::getline does; false at the end of the input. A line longer than
// max_reply_size ends the input too, before it fills memory (`quiz < /dev/zero`). The quiz,
// --predict and --step read their replies with it.
bool read_reply(std::istream& in, std::string& line);

// One number typed for a step, and what was made of it.
struct TryRecord {
  std::string typed;  // as read: "-12", "1/4"
  Verdict verdict = Verdict::Wrong;
  Mistake kind = Mistake::Unknown;  // when not right
  std::vector<Mistake> tied;        // every kind named, when more than one
};

// One step asked, for the summary and a teacher's JSON.
struct QuestionRecord {
  std::string block;  // "" for a lone program, "block 2 (fully-detached)" in a lesson
  int step = 0;
  std::string subject;  // "grad(x)"
  std::vector<TryRecord> tries;
  int hints = 0;                  // the highest hint level shown
  std::string outcome = "wrong";  // "right", "wrong", "skipped"
};

// A quiz's tally, over one trace or several (a lesson's blocks).
struct QuizScore {
  int right = 0;
  int asked = 0;
  std::vector<std::string> missed;  // "[6] grad(x)": the steps answered wrongly or skipped
  std::vector<QuestionRecord> questions;
  std::map<Mistake, int> mistakes;  // each wrong try's (first named) kind
};

class Asker {
 public:
  enum class Outcome { Right, Wrong, Skipped, Stopped, EndOfInput };

  Asker(std::istream& in, std::ostream& out, Paint paint, bool echo, std::optional<double> tol)
      : in_(in), out_(out), paint_(paint), echo_(echo), tol_(tol) {}

  // A wrong answer may be tried again this many times before the answer is shown.
  void set_retries(int retries) { retries_ = retries; }

  Outcome ask(const Graph& g, const Trace& trace, int step, QuestionRecord& record);
  Outcome ask(const Graph& g, const Trace& trace, int step) {
    QuestionRecord unused;
    return ask(g, trace, step, unused);
  }

  // Asks each step in turn and keeps the score; stops early at 'q' or the end of input.
  // Returns false when it stopped early. `label` prefixes the missed steps' names.
  bool ask_all(const Graph& g, const Trace& trace, const std::vector<int>& steps, QuizScore& score,
               const std::string& label = "");

 private:
  void answered(const Trace& trace, int step, const Answer& answer);

  std::istream& in_;
  std::ostream& out_;
  Paint paint_;
  bool echo_;
  std::optional<double> tol_;
  int retries_ = 0;
  const Trace* trace_ = nullptr;  // the trace the claims are about
  std::vector<Claim> claims_;     // the learner's last number for each step answered so far
};

// "score: 5/6", then, when any, "missed: [6] grad(x), ..." and "mistakes: a sign lost (2 times), ...".
// `unasked` questions were never reached (the input ended or the learner stopped).
void print_score(std::ostream& out, const QuizScore& score, int unasked, const Paint& paint);

}  // namespace gatelab::cli
