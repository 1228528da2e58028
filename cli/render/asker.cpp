#include "render/asker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <ostream>

#include "gatelab/support/translate.hpp"
#include "render/diagnosis_text.hpp"
#include "render/quiz_text.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

// The node a trace's backward pass was seeded at; a trace with values only has none, and any
// node will do for asking values.
NodeId output_of(const Graph& g, const Trace& trace) {
  const NodeId out = trace_output(trace);
  return out == no_node ? static_cast<NodeId>(g.size() - 1) : out;
}

std::string tries_left_text(int left) {
  return trf(left == 1 ? tr_later("try again ({} try left; ? for a hint, s to see the answer)")
                       : tr_later("try again ({} tries left; ? for a hint, s to see the answer)"),
             left);
}

}  // namespace

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

void Asker::answered(const Trace& trace, int step, const Answer& answer) {
  const Question q = step_question(trace, step);
  const auto same = std::find_if(claims_.begin(), claims_.end(), [&](const Claim& c) {
    return c.question.node == q.node && c.question.asks == q.asks && c.question.after == q.after &&
           c.question.after_slot == q.after_slot;
  });
  if (same != claims_.end())
    same->answer = answer;
  else
    claims_.push_back({q, answer});
}

Asker::Outcome Asker::ask(const Graph& g, const Trace& trace, int step, QuestionRecord& record) {
  if (&trace != trace_) {
    trace_ = &trace;
    claims_.clear();
  }
  const NodeId output = output_of(g, trace);
  const Question q = step_question(trace, step);
  record.step = step;
  record.subject = question_text(g, q);
  const std::string prompt = step_prompt(g, trace, step);
  int tries_left = retries_, hint = 0;
  out_ << paint_(style::name, prompt) << " " << std::flush;
  int unreadable = 0;
  for (std::string line;;) {
    if (!read_reply(in_, line)) {
      out_ << "\n";
      if (line.size() == max_reply_size)
        out_ << trf("a reply is longer than {} bytes: the rest of the input is not read", max_reply_size) << "\n";
      return Outcome::EndOfInput;
    }
    if (echo_) out_ << line << "\n";
    const Reply reply = read_reply(line, tol_);
    switch (reply.kind) {
      case Reply::Kind::Hint:
        hint = std::min(hint + 1, hint_levels);
        record.hints = std::max(record.hints, hint);
        out_ << "    " << paint_(style::dim, trf("hint: {}", step_hint(g, trace, step, hint))) << "\n";
        break;
      case Reply::Kind::NotANumber:
        out_ << "    "
             << trf("'{}' is not a number: type a number, ? for a hint, s to skip, q to stop",
                    shortened(reply.text, 60))
             << "\n";
        if (echo_ && ++unreadable == max_unreadable_replies) {
          out_ << trf("{} replies in a row are not numbers: the rest of the input is not read", unreadable) << "\n";
          return Outcome::EndOfInput;
        }
        break;
      case Reply::Kind::Skip:
        out_ << "    " << paint_(style::note, trf("skipped: {}", step_answer(g, trace, step))) << "\n";
        record.outcome = "skipped";
        return Outcome::Skipped;
      case Reply::Kind::Quit:
        return Outcome::Stopped;
      case Reply::Kind::Number: {
        const Diagnosis d = diagnose(g, output, q, reply.answer, claims_);
        TryRecord t{reply.answer.text, d.verdict, d.kind, {}};
        if (d.named.size() > 1)
          for (const Finding& f : d.named) t.tied.push_back(f.kind);
        record.tries.push_back(t);
        if (d.verdict == Verdict::Right) {
          answered(trace, step, reply.answer);
          record.outcome = "right";
          out_ << "    " << paint_(style::good, tr("✓ right")) << "\n";
          return Outcome::Right;
        }
        const bool last = tries_left == 0;
        out_ << "    " << paint_(style::bad, "✗ ") << diagnosis_text(g, output, d, last) << "\n";
        if (last) {
          answered(trace, step, reply.answer);
          out_ << "      " << paint_(style::dim, step_answer(g, trace, step)) << "\n";
          return Outcome::Wrong;
        }
        out_ << "    " << paint_(style::dim, tries_left_text(tries_left--)) << "\n";
        break;
      }
    }
    out_ << paint_(style::name, prompt) << " " << std::flush;
  }
}

bool Asker::ask_all(const Graph& g, const Trace& trace, const std::vector<int>& steps, QuizScore& score,
                    const std::string& label) {
  for (int step : steps) {
    QuestionRecord record;
    record.block = label.empty() ? "" : label.substr(0, label.find_last_not_of(' ') + 1);
    const Outcome o = ask(g, trace, step, record);
    for (const TryRecord& t : record.tries)
      if (t.verdict != Verdict::Right) ++score.mistakes[t.kind];
    if (o == Outcome::Stopped || o == Outcome::EndOfInput) return false;
    ++score.asked;
    score.questions.push_back(record);
    if (o == Outcome::Right)
      ++score.right;
    else
      score.missed.push_back(label + step_label(g, trace, step));
  }
  return true;
}

void print_score(std::ostream& out, const QuizScore& score, int unasked, const Paint& paint) {
  std::vector<std::pair<Mistake, int>> kinds(score.mistakes.begin(), score.mistakes.end());
  std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string mistakes;
  for (const auto& [kind, count] : kinds)
    mistakes += (mistakes.empty() ? "" : list_separator()) +
                trf(count == 1 ? tr_later("{} (once)") : tr_later("{} ({} times)"), mistake_phrase(kind), count);
  if (!mistakes.empty()) out << trf("mistakes: {}", mistakes) << "\n";
  const bool all = score.right == score.asked && unasked == 0;
  out << paint(all ? style::good : style::bad, trf("score: {}/{}", score.right, score.asked));
  if (unasked > 0)
    out << "  "
        << trf(unasked == 1 ? tr_later("({} question not asked)") : tr_later("({} questions not asked)"), unasked);
  out << "\n";
  if (!score.missed.empty()) out << trf("missed: {}", fmt::format("{}", fmt::join(score.missed, ", "))) << "\n";
}

}  // namespace gatelab::cli
