// Fuzz target: a learner's quiz answers. The input is what they type, one reply a line, as
// `gatelab quiz` reads it from a pipe: each reply is read (read_reply), judged against the
// trace step asked, a wrong number diagnosed with the earlier replies as the learner's own
// numbers (diagnose) and put in words, with retries.
// The program is cs231n's staged example, whose forks and branches give every kind of
// mistake; the first byte chooses the steps asked and a tolerance.
#include <sstream>

#include "fuzz_input.hpp"
#include "render/asker.hpp"
#include "render/diagnosis_text.hpp"
#include "run/evaluation.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

const char* const staged =
    "sigy = sigmoid(y)\nnum = x + sigy\nsigx = sigmoid(x)\nxpy = x + y\nxpysqr = xpy^2\n"
    "den = sigx + xpysqr\ninvden = inv(den)\nf = num * invden\n";

// Each number the learner typed, also as an answer to the gradient of every named node.
void diagnose_numbers(const Program& p, const std::string& replies, std::optional<double> tol) {
  std::istringstream lines(replies);
  for (std::string line; std::getline(lines, line);) {
    const Reply r = read_reply(line, tol);
    if (r.kind != Reply::Kind::Number) continue;
    for (const NodeId id : p.assigned) {
      const Question q{id, Asks::Grad};
      (void)judge(r.answer, truth_of(p.graph, p.output, q));
      (void)diagnosis_text(p.graph, p.output, diagnose(p.graph, p.output, q, r.answer));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const EvalResult r = evaluate({.text = staged, .at = {{"x", 3}, {"y", -4}}});
  if (size == 0) return 0;
  const QuizAsk ask = data[0] % 3 == 0 ? QuizAsk::Values : data[0] % 3 == 1 ? QuizAsk::Grads : QuizAsk::Both;
  const std::optional<double> tol = data[0] & 4 ? std::optional<double>(0.01 * (data[0] >> 3)) : std::nullopt;
  const std::string replies(fuzz::text_of(data + 1, size - 1));
  std::istringstream in(replies);
  std::ostringstream out;
  Asker asker(in, out, Paint{.on = (data[0] & 128) != 0}, true, tol);
  asker.set_retries((data[0] >> 5) & 3);
  QuizScore score;
  fuzz::allowing_errors([&] {
    asker.ask_all(r.program.graph, r.trace, quiz_steps(r.trace, ask), score);
    diagnose_numbers(r.program, replies, tol);
  });
  return 0;
}
