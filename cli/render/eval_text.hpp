// `gatelab eval`'s report as text: inputs, trace, summary, and whichever of the gradient
// check, the expectations and forward mode's directional derivative were asked for.
#pragma once

#include <vector>

#include "render/trace_text.hpp"
#include "run/evaluation.hpp"

namespace gatelab::cli {

std::vector<TraceLine> gradcheck_lines(const EvalResult& r, const Paint& paint);
std::vector<TraceLine> expectation_lines(const EvalResult& r, const Paint& paint);
std::vector<TraceLine> jvp_lines(const EvalResult& r, const Paint& paint);

// "match", "too few digits" or "MISMATCH".
const char* verdict_text(Verdict v);

// The whole report. With trace_shown_in ("block 1"), the inputs, forward and backward are
// that earlier block's, named instead of shown again.
std::vector<TraceLine> report_lines(const EvalResult& r, const Paint& paint, const std::string& trace_shown_in = "");

}  // namespace gatelab::cli
