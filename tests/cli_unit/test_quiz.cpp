// The quiz's parts in-process: which steps are asked, how a reply is read, the prompt and
// hint of a step, and the asker answering a scripted learner.
#include <catch2/catch.hpp>

#include <sstream>

#include "render/asker.hpp"
#include "render/quiz_text.hpp"
#include "run/evaluation.hpp"
#include "run/quiz.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

EvalResult circuit() {
  EvalRequest r;
  r.text = "q = x + y; f = q * z";
  r.at = {{"x", -2, ""}, {"y", 5, ""}, {"z", -4, ""}};
  return evaluate(r);
}

}  // namespace

TEST_CASE("quiz steps: forward values, then every message but the seed") {
  const EvalResult r = circuit();  // steps 1-2 forward, 3 the seed, 4-7 messages
  CHECK(quiz_steps(r.trace, QuizAsk::Both) == std::vector<int>{1, 2, 4, 5, 6, 7});
  CHECK(quiz_steps(r.trace, QuizAsk::Values) == std::vector<int>{1, 2});
  CHECK(quiz_steps(r.trace, QuizAsk::Grads) == std::vector<int>{4, 5, 6, 7});
  CHECK(quiz_ask_from("grads") == QuizAsk::Grads);
  CHECK_FALSE(quiz_ask_from("all"));
}

TEST_CASE("replies: a number with the digits typed, ?, s, q, or not a number") {
  const Reply n = read_reply(" 2.06 ");
  CHECK(n.kind == Reply::Kind::Number);
  CHECK(n.answer.value == 2.06);
  CHECK(n.answer.significant_digits == 3);
  CHECK(n.answer.written_precision == Approx(0.005));
  CHECK(read_reply("?").kind == Reply::Kind::Hint);
  CHECK(read_reply("s").kind == Reply::Kind::Skip);
  CHECK(read_reply("q").kind == Reply::Kind::Quit);
  const Reply word = read_reply("four");
  CHECK(word.kind == Reply::Kind::NotANumber);
  CHECK(word.text == "four");
  CHECK(read_reply("1", 0.5).answer.tolerance == 0.5);
}

TEST_CASE("prompts hide the answer, and hints give the gate's rule") {
  const EvalResult r = circuit();
  const Graph& g = r.program.graph;
  CHECK(step_prompt(g, r.trace, 2) == "[2] f = q * z = 3 * (-4) = ?");
  CHECK(step_prompt(g, r.trace, 6) == "[6] q → x   grad(x) = ?");
  CHECK(step_hint(g, r.trace, 2) == "f = q * z (mul: a · b)");
  CHECK(step_hint(g, r.trace, 5) == "f = q * z (mul: d/db = a): df/dz = 3; the message is grad(f) × that");
  CHECK(step_label(g, r.trace, 6) == "[6] grad(x)");
  CHECK(step_answer(g, r.trace, 6) == "q → x   -4 × 1 = -4   grad(x) = -4");
}

TEST_CASE("the asker: right, wrong with a diagnosis, a hint, a skip, and the end of input") {
  const EvalResult r = circuit();
  const Graph& g = r.program.graph;
  std::istringstream in("3\n?\n-13\ns\n");
  std::ostringstream out;
  Asker asker(in, out, Paint{}, true, std::nullopt);
  QuizScore score;
  CHECK_FALSE(asker.ask_all(g, r.trace, {1, 2, 4, 5}, score));  // the input ends at step 5
  CHECK(score.asked == 3);
  CHECK(score.right == 1);
  CHECK(score.missed == std::vector<std::string>{"[2] f", "[4] grad(q)"});
  const std::string text = out.str();
  CHECK_THAT(text, Contains("[1] q = x + y = -2 + 5 = ? 3\n    ✓ right\n"));
  CHECK_THAT(text, Contains("[2] f = q * z = 3 * (-4) = ? ?\n    hint: f = q * z (mul: a · b)\n[2] f = q * z = 3 * "
                            "(-4) = ? -13\n    ✗ f is -12\n"));
  CHECK_THAT(text, Contains("skipped: f → q   1 × (-4) = -4   grad(q) = -4"));
  std::ostringstream tally;
  print_score(tally, score, 1, Paint{});
  CHECK(tally.str() == "score: 1/3  (1 question not asked)\nmissed: [2] f, [4] grad(q)\n");
}
