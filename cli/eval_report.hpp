// The sections of `gatelab eval`'s report that go beyond the trace: the gradient check,
// the expectations, forward mode's directional derivative; as text and as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "expectations.hpp"
#include "gatelab/forward_mode.hpp"
#include "gatelab/gradcheck.hpp"
#include "trace_text.hpp"

namespace gatelab::cli {

struct EvalResult {
  Program program;
  Trace trace;
  std::optional<std::string> backward_error;      // why backward was impossible
  std::vector<Tangent> tangents;                  // forward mode's direction; empty in reverse mode
  std::vector<double> node_tangents;             // forward mode: every node's tangent
  double jvp = 0;
  std::optional<GradcheckReport> gradcheck;
  std::vector<ExpectationResult> expectations;
};

std::vector<TraceLine> gradcheck_lines(const EvalResult& r, const Paint& paint);
std::vector<TraceLine> expectation_lines(const EvalResult& r, const Paint& paint);
std::vector<TraceLine> jvp_lines(const EvalResult& r, const Paint& paint);

// The whole report: inputs, trace, summary and whichever sections were asked for.
std::vector<TraceLine> report_lines(const EvalResult& r, const Paint& paint);

nlohmann::ordered_json report_json(const EvalResult& r);

// Did everything asked for pass (backward possible, no mismatch)?
bool all_passed(const EvalResult& r);

}  // namespace gatelab::cli
