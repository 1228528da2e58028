// One mistake in words: the sentence that names what a learner did, with the numbers of the
// place in the graph where they did it. It never says the right answer to the question
// (diagnosis_text adds that when it is to be shown).
//
//   1.5832 is the gradient through xpy (+1.58319) alone; the branches through sigx
//   (-0.0357615) and num (+0.512144) are missing: at a fork the gradients add up
#pragma once

#include <string>

#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::cli {

// `answer` is the learner's answer as written (a page passes "{answer}" and fills it in).
std::string finding_text(const Graph& g, NodeId output, const Question& q, const Finding& f, const std::string& answer);

// "grad(x)" or "x": what a question asks for.
std::string question_text(const Graph& g, Question q);

// A gradient as the sum of the messages into its node, in the order backward sends them:
// "grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957".
std::string gradient_sum_text(const Graph& g, Question q, const std::vector<Branch>& branches, double truth);

}  // namespace gatelab::cli
