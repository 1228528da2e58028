#include "render/asker.hpp"

#include <fmt/format.h>

#include <istream>
#include <ostream>

#include "gatelab/support/translate.hpp"
#include "render/diagnosis_text.hpp"
#include "render/quiz_text.hpp"

namespace gatelab::cli {

// Reads one line, as std::getline does; false at the end of the input. A line longer than
// max_reply_size ends the input too, before it fills memory (quiz < /dev/zero).
bool read_reply(std::istream& in, std::string& line) {
  line.clear();
  for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
    if (c == '\n') return true;
    if (line.size() == max_reply_size) return false;
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

Asker::Outcome Asker::ask(const Graph& g, const Trace& trace, int step) {
  const std::string prompt = step_prompt(g, trace, step);
  out_ << paint_(style::name, prompt) << " " << std::flush;
  for (std::string line;;) {
    if (!read_reply(in_, line)) {
      out_ << "\n";
      return Outcome::EndOfInput;
    }
    if (echo_) out_ << line << "\n";
    const Reply reply = read_reply(line, tol_);
    switch (reply.kind) {
      case Reply::Kind::Hint:
        out_ << "    " << paint_(style::dim, trf("hint: {}", step_hint(g, trace, step))) << "\n";
        break;
      case Reply::Kind::NotANumber:
        out_ << "    " << trf("'{}' is not a number: type a number, ? for a hint, s to skip, q to stop", reply.text)
             << "\n";
        break;
      case Reply::Kind::Skip:
        out_ << "    " << paint_(style::note, trf("skipped: {}", step_answer(g, trace, step))) << "\n";
        return Outcome::Skipped;
      case Reply::Kind::Quit:
        return Outcome::Stopped;
      case Reply::Kind::Number: {
        const double truth = step_truth(trace, step);
        if (judge(reply.answer, truth) == Verdict::Right) {
          out_ << "    " << paint_(style::good, tr("✓ right")) << "\n";
          return Outcome::Right;
        }
        out_ << "    " << paint_(style::bad, "✗ ") << diagnosis_text(g, diagnose_step(g, trace, step, reply.answer))
             << "\n"
             << "      " << paint_(style::dim, step_answer(g, trace, step)) << "\n";
        return Outcome::Wrong;
      }
    }
    out_ << paint_(style::name, prompt) << " " << std::flush;
  }
}

bool Asker::ask_all(const Graph& g, const Trace& trace, const std::vector<int>& steps, QuizScore& score,
                    const std::string& label) {
  for (int step : steps) {
    const Outcome o = ask(g, trace, step);
    if (o == Outcome::Stopped || o == Outcome::EndOfInput) return false;
    ++score.asked;
    if (o == Outcome::Right)
      ++score.right;
    else
      score.missed.push_back(label + step_label(g, trace, step));
  }
  return true;
}

void print_score(std::ostream& out, const QuizScore& score, int unasked, const Paint& paint) {
  const bool all = score.right == score.asked && unasked == 0;
  out << paint(all ? style::good : style::bad, trf("score: {}/{}", score.right, score.asked));
  if (unasked > 0)
    out << "  "
        << trf(unasked == 1 ? tr_later("({} question not asked)") : tr_later("({} questions not asked)"), unasked);
  out << "\n";
  if (!score.missed.empty()) out << trf("missed: {}", fmt::format("{}", fmt::join(score.missed, ", "))) << "\n";
}

}  // namespace gatelab::cli
