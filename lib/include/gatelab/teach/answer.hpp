// A number as a person writes it, read once, and the one rule that judges it.
//
//   auto a = gatelab::read_answer("２.０６");     // 2.06, to ±0.005, 3 significant digits
//   gatelab::judge(*a, gatelab::Truth{2.05957});   // Verdict::Right
//   gatelab::read_answer("−3/2")->value;           // -1.5, exact
//   gatelab::read_answer("0")->exact();            // true: a bare 0 is zero, not 0 ± 0.5
//   gatelab::read_answer("none")->no_gradient;     // "there is no gradient here"
//
// --expect, the quiz, --step --predict, a lesson's expect-mistake: and the page all read and
// judge with these (the page's script is tested against vectors made by them). Nothing here
// prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatelab {

// What a person wrote: a number with the precision its digits give it, or "no gradient".
struct Answer {
  double value = 0;
  double written_precision = 0;     // half a unit in the last digit: 5e-05 for 1.5456; 0 when exact
  int significant_digits = 0;       // 2 for 2.1, 5 for 1.5456; 0 when exact
  std::optional<double> tolerance;  // given explicitly (--tol): replaces the rule below
  std::string text;                 // as read, in ASCII: "2.06", "-3/2", "0", "none"
  bool no_gradient = false;         // "none", "None", "无": the learner says there is no gradient

  // A fraction (1/4, -3/2) or a bare zero: the number itself, to rounding noise.
  bool exact() const { return written_precision == 0; }
};

// Reads what a person types for a number: a decimal (2, -0.5, +3, .5, 1e-3) with the digits
// written kept as its precision, a fraction of whole numbers (1/4, -3/2), full-width digits
// and signs (３, －１２, ＋), the minus sign − (U+2212), spaces after a sign or around the
// slash; or a word for "no gradient" (none, None, 无, 没有). nullopt for anything else,
// and for a number that is not finite.
std::optional<Answer> read_answer(std::string_view typed, std::optional<double> tol = std::nullopt);

// What the graph has for a question.
struct Truth {
  std::optional<double> value;  // nullopt: no gradient exists here
  int terms = 1;                // how many parts a person adds to get it (the messages into a fork),
                                // each of which they may round to the digits they write
};

// Right: within the digits written (times the parts summed), never more than 1 % off; an
// exact answer must be the number. TooFewDigits: within the digits written, but more than
// 1 % off: give more. NoGradient: a number where no gradient exists. Wrong: the rest, and
// "none" where a gradient exists.
enum class Verdict { Right, TooFewDigits, Wrong, NoGradient };
Verdict judge(const Answer& answer, const Truth& truth);

// The largest difference from the truth that judge accepts (0 when there is no number).
double accepted_difference(const Answer& answer, const Truth& truth);

// Whether a number a mistake gives reproduces the answer: within the answer's written
// precision (times `terms`, the parts a learner adds to get it, each maybe rounded; an exact
// answer: the number itself), and no more than 5 % off the number, so that "1" is not read as
// any number from 0.5 to 1.5.
bool reproduces(double number, const Answer& answer, int terms = 1);

}  // namespace gatelab
