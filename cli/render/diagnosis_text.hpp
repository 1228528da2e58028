// A diagnosis in words: what is wrong with the answer and, when it is to be shown, the right
// number.
//
//   1.5832 is the gradient through xpy (+1.58319) alone; the branches through sigx
//   (-0.0357615) and num (+0.512144) are missing: at a fork the gradients add up;
//   grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957
#pragma once

#include <string>

#include "gatelab/teach/diagnosis.hpp"
#include "render/finding_text.hpp"

namespace gatelab::cli {

// reveal: end with the right number ("; grad(x) is 2.05957"); a quiz with tries left does not.
std::string diagnosis_text(const Graph& g, NodeId output, const Diagnosis& d, bool reveal = true);

// What joins the sentences of mistakes tied for first: "; or "; and the parts of one: "; ".
std::string tie_joiner();
std::string clause_separator();

// The sentences that do not depend on a mistake, for a page to use as diagnose would:
// "right to 2 significant digits; give more digits"; `shown` writes the number (a page: "{digits}").
std::string too_few_digits_text(int digits, const std::string& shown = "");
std::string unknown_text(const std::string& answer);                             // "no likely mistake gives 3"
std::string no_gradient_text(const Graph& g, NodeId output, const Question& q);  // "there is no gradient here: ..."
std::string gradient_exists_text(const Graph& g, const Question& q);             // "a gradient does reach x"
std::string truth_text(const Graph& g, const Question& q, const Truth& truth);   // "grad(x) is 2.05957"

}  // namespace gatelab::cli
