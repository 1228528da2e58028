// A quiz's words: a trace step asked with its answer hidden, a hint that grows, the feedback.
//
//   [2] f = q * z = 3 * (-4) = ?
//   [4] f → q   grad(q) = ?
//   ?   → f = q * z (mul: d/da = b): the message is grad(f) × df/dq
//   ??  → df/dq = z = -4, grad(f) = 1
//   ??? → grad(q) = 1 × (-4) = -4
#pragma once

#include <string>

#include "gatelab/teach/diagnosis.hpp"
#include "render/terminal.hpp"

namespace gatelab::cli {

// The step's trace line with what it asks for hidden; at a fork it says which of the node's
// messages this is, and that the number asked is the running total.
std::string step_prompt(const Graph& g, const Trace& trace, int step);

// The hints a learner may ask for in turn: 1 the gate's rule, 2 its local partial (or, for a
// value, the inputs' values) with the numbers, 3 the number itself. Levels above 3 are 3.
inline constexpr int hint_levels = 3;
std::string step_hint(const Graph& g, const Trace& trace, int step, int level = 1);

// "[4] grad(q)": how the score's list of missed steps names a step.
std::string step_label(const Graph& g, const Trace& trace, int step);

// The answer to a step, written out: the trace line without alignment.
std::string step_answer(const Graph& g, const Trace& trace, int step);

// A kind of mistake as a short phrase for the quiz's summary: "a branch left out at a fork".
std::string mistake_phrase(Mistake kind);

}  // namespace gatelab::cli
