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

TEST_CASE("prompts hide the answer, and hints grow: the rule, the local partial, the number") {
  const EvalResult r = circuit();
  const Graph& g = r.program.graph;
  CHECK(step_prompt(g, r.trace, 2) == "[2] f = q * z = 3 * (-4) = ?");
  CHECK(step_prompt(g, r.trace, 6) == "[6] q → x   grad(x) = ?");
  CHECK(step_hint(g, r.trace, 2) == "f = q * z (mul: a · b)");
  CHECK(step_hint(g, r.trace, 2, 2) == "f = q * z = 3 * (-4)");
  CHECK(step_hint(g, r.trace, 2, 3) == "f = q * z = 3 * (-4) = -12");
  // mul's partial for its input b is a: here q = 3, and the message is grad(f) · 3 = 3.
  CHECK(step_hint(g, r.trace, 5) == "f = q * z (mul: d/db = a): the message is grad(f) × df/dz");
  CHECK(step_hint(g, r.trace, 5, 2) == "df/dz = 3, grad(f) = 1");
  CHECK(step_hint(g, r.trace, 5, 3) == "grad(z) = 1 × 3 = 3");
  CHECK(step_hint(g, r.trace, 5, 9) == step_hint(g, r.trace, 5, 3));
  CHECK(step_label(g, r.trace, 6) == "[6] grad(x)");
  CHECK(step_answer(g, r.trace, 6) == "q → x   -4 × 1 = -4   grad(x) = -4");
}

TEST_CASE("prompts at a fork say which message it is, and that the number is the running total") {
  EvalRequest staged;
  staged.text =
      "sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2\n"
      "den = sigx + xpysqr; invden = inv(den); f = num * invden";
  staged.at = {{"x", 3, ""}, {"y", -4, ""}};
  const EvalResult r = evaluate(staged);
  const Graph& g = r.program.graph;
  // x gets three messages: from xpy (step 16), sigx (18) and num (19).
  CHECK(step_prompt(g, r.trace, 16) ==
        "[16] xpy → x   grad(x) = ?   (message 1 of 3 into x: the running total so far)");
  CHECK(step_prompt(g, r.trace, 19) ==
        "[19] num → x   grad(x) = ?   (message 3 of 3 into x: the running total, now final)");
  // After step 18, grad(x) = 1.58319 - 0.0357615 = 1.54743; the final 2.05957 is a different total.
  std::istringstream in("2.0596\n");
  std::ostringstream out;
  Asker asker(in, out, Paint{}, true, std::nullopt);
  CHECK(asker.ask(g, r.trace, 18) == Asker::Outcome::Wrong);
  CHECK_THAT(out.str(), Contains("2.0596 is grad(x) once all 3 messages have arrived; this step asks for the running "
                                 "total after the first 2; grad(x) is 1.54743"));
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
  // -13 is no mistake's number; the learner's q = 3 was right, so the step from q to f is where to look.
  CHECK_THAT(text, Contains("[2] f = q * z = 3 * (-4) = ? ?\n    hint: f = q * z (mul: a · b)\n[2] f = q * z = 3 * "
                            "(-4) = ? -13\n    ✗ no likely mistake gives -13; your q = 3 agrees with the trace: look "
                            "again at the way from there to f; f is -12\n"));
  CHECK_THAT(text, Contains("skipped: f → q   1 × (-4) = -4   grad(q) = -4"));
  std::ostringstream tally;
  print_score(tally, score, 1, Paint{});
  CHECK(tally.str() ==
        "mistakes: a mistake gatelab does not recognise (once)\nscore: 1/3  (1 question not asked)\n"
        "missed: [2] f, [4] grad(q)\n");
}

TEST_CASE("the asker: a retry without the answer shown, and a wrong upstream typed earlier named") {
  const EvalResult r = circuit();
  const Graph& g = r.program.graph;
  // [4] grad(q) = 3 twice (mul's partial taken as q itself, not z = -4); then [6] grad(x) = 3
  // follows from it through the add, and -4 at the retry; [7] grad(y) = 4, then -4.
  std::istringstream in("3\n3\n3\n-4\n4\n-4\n");
  std::ostringstream out;
  Asker asker(in, out, Paint{}, true, std::nullopt);
  asker.set_retries(1);
  QuizScore score;
  CHECK(asker.ask_all(g, r.trace, {4, 6, 7}, score));
  const std::string text = out.str();
  CHECK_THAT(text, Contains("✗ 3 takes df/dq as the input's own value (3): a mul's partial for one input is the other "
                            "input, -4\n    try again (1 try left; ? for a hint, s to see the answer)\n"));
  CHECK_THAT(text, Contains("[6] q → x   grad(x) = ? 3\n    ✗ 3 follows from your grad(q) = 3, which is already wrong: "
                            "fix that first\n    try again"));
  CHECK_THAT(text, Contains("[7] q → y   grad(y) = ? 4\n    ✗ 4 has the wrong sign"));
  CHECK_THAT(text, Contains("[7] q → y   grad(y) = ? -4\n    ✓ right"));
  CHECK(score.right == 2);
  REQUIRE(score.questions.size() == 3);
  CHECK(score.questions[0].outcome == "wrong");
  CHECK(score.questions[2].tries.size() == 2);
  CHECK(score.mistakes.at(Mistake::MulPartialsSwapped) == 2);
  CHECK(score.mistakes.at(Mistake::WrongUpstream) == 1);
  CHECK(score.mistakes.at(Mistake::SignError) == 1);
}
