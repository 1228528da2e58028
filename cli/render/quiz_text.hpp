// A quiz's words: a trace step asked with its answer hidden, a hint, the feedback.
//
//   [2] f = q * z = 3 * -4 = ?
//   [4] f → q   grad(q) = ?
//   ? → f = q * z (mul): d f/d q = b = z = -4; the message is grad(f) × that
#pragma once

#include <string>

#include "gatelab/teach/diagnosis.hpp"
#include "render/terminal.hpp"

namespace gatelab::cli {

// The step's trace line with what it asks for hidden.
std::string step_prompt(const Graph& g, const Trace& trace, int step);

// The gate's rule for the step: its formula for a forward step, its local partial for a
// message.
std::string step_hint(const Graph& g, const Trace& trace, int step);

// "[4] grad(q)": how the score's list of missed steps names a step.
std::string step_label(const Graph& g, const Trace& trace, int step);

// The answer to a step, written out: the trace line without alignment.
std::string step_answer(const Graph& g, const Trace& trace, int step);

}  // namespace gatelab::cli
