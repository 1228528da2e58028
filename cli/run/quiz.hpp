// The questions of a quiz: the trace's steps with their answers hidden, and a learner's reply
// read from a line.
//
//   auto questions = quiz_questions(result.trace, QuizAsk::Both);  // values, then messages
//   Reply r = read_reply("２.０６");  // Reply::Number, with the digits written (lib's read_answer)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::cli {

enum class QuizAsk { Values, Grads, Both };

// "values", "grads" or "both"; nullopt for anything else.
std::optional<QuizAsk> quiz_ask_from(std::string_view text);

// The steps to ask, in trace order: forward steps (their values), then backward steps but
// the seed (the gradient of the receiving node after the message).
std::vector<int> quiz_steps(const Trace& trace, QuizAsk ask);

struct Reply {
  enum class Kind { Number, Hint, Skip, NotANumber, Quit } kind = Kind::NotANumber;
  Answer answer;     // a Number's value, precision and digits
  std::string text;  // as typed, trimmed
};

// A number as lib's read_answer reads it (2.06, 1/4, －１２, none) is a Number; "?" asks for a
// hint (again for more), "s" skips, "q" quits (full-width forms too); anything else is not a
// number.
Reply read_reply(std::string_view line, std::optional<double> tol = std::nullopt);

}  // namespace gatelab::cli
