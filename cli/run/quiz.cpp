#include "run/quiz.hpp"

#include "run/expectations.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

std::optional<QuizAsk> quiz_ask_from(std::string_view text) {
  if (text == "values") return QuizAsk::Values;
  if (text == "grads") return QuizAsk::Grads;
  if (text == "both") return QuizAsk::Both;
  return std::nullopt;
}

std::vector<int> quiz_steps(const Trace& trace, QuizAsk ask) {
  std::vector<int> steps;
  if (ask != QuizAsk::Grads)
    for (const ForwardStep& s : trace.forward) steps.push_back(s.step);
  if (ask != QuizAsk::Values)
    for (const BackwardStep& s : trace.backward)
      if (s.from != no_node) steps.push_back(s.step);
  return steps;
}

Reply read_reply(std::string_view line, std::optional<double> tol) {
  Reply r;
  r.text = trim(line);
  if (r.text == "?")
    r.kind = Reply::Kind::Hint;
  else if (r.text == "s" || r.text == "S")
    r.kind = Reply::Kind::Skip;
  else if (r.text == "q" || r.text == "Q")
    r.kind = Reply::Kind::Quit;
  else if (parse_number(r.text)) {
    r.kind = Reply::Kind::Number;
    r.answer = written_answer(r.text, tol);
  }
  return r;
}

}  // namespace gatelab::cli
