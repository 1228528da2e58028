// A diagnosis in words, with its numbers: what the wrong answer is, and what to do.
//
//   1.5832 is the gradient through xpy alone (+1.58319); the branches through num (+0.512144)
//   and sigx (-0.0357615) are missing: at a fork the gradients add up, grad(x) = 1.58319 +
//   (-0.0357615) + 0.512144 = 2.05957
#pragma once

#include <string>

#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::cli {

std::string diagnosis_text(const Graph& g, const Diagnosis& d);

// The same words with the learner's answer and the other question (OtherNode, WrongUpstream)
// written as given: a page passes "{answer}" and "{other}" and fills them in itself.
std::string diagnosis_text(const Graph& g, const Diagnosis& d, const std::string& answer, const std::string& other);

// A gradient as the sum of the messages into its node, in the order backward sends them:
// "grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957".
std::string gradient_sum_text(const Graph& g, Question q, const std::vector<Branch>& branches, double truth);

// "grad(x)" or "x": what a question asks for.
std::string question_text(const Graph& g, Question q);

}  // namespace gatelab::cli
