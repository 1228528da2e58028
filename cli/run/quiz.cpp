#include "run/quiz.hpp"

#include "gatelab/language/input_text.hpp"
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
  const std::string folded = trim(fold_input(r.text));  // ？ and ｓ as a Chinese keyboard types them
  if (folded == "?")
    r.kind = Reply::Kind::Hint;
  else if (folded == "s" || folded == "S")
    r.kind = Reply::Kind::Skip;
  else if (folded == "q" || folded == "Q")
    r.kind = Reply::Kind::Quit;
  else if (const auto a = read_answer(r.text, tol)) {
    r.kind = Reply::Kind::Number;
    r.answer = *a;
  }
  return r;
}

}  // namespace gatelab::cli
