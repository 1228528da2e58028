// Running one program: parse, bind inputs, forward, backward or forward mode, checks.
// `gatelab eval` and every lesson block go through here, so they behave alike. Nothing
// here prints: the result is data, and render/ makes text of it.
//
//   EvalRequest request{.text = "y = x^2 + 1", .at = {{"x", 2.0}}};
//   EvalResult r = evaluate(request);  // r.program.graph.value(r.program.output) == 5
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gatelab/engine/forward_mode.hpp"
#include "gatelab/engine/gradcheck.hpp"
#include "gatelab/language/program.hpp"
#include "run/bindings.hpp"
#include "run/expectations.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

// The most nodes and array entries a program gatelab runs may make (parse_program's
// max_size): a 100 x 100 matmul fits. Its trace takes about 1.2 KB a node while it is made
// into text, so a program at the limit needs about 2.5 GB (docs/reliability.md).
inline constexpr std::size_t max_program_size = std::size_t{1} << 21;

struct EvalRequest {
  std::string text;
  Source source;
  Bindings at;
  Bindings tangents;  // forward mode's direction; forward mode when not empty
  bool gradcheck = false;
  std::vector<Expectation> expectations;
  std::string at_hint = "--at";  // how the learner gives an input a value: "add --at z=VALUE"
};

// Why backward was impossible: the kind, and the message a person reads.
struct BackwardError {
  ErrorKind kind = ErrorKind::general;
  std::string message;
};

struct EvalResult {
  Program program;
  Trace trace;
  std::optional<BackwardError> backward_error;  // why backward was impossible
  std::vector<Tangent> tangents;                // forward mode's direction; empty in reverse mode
  std::vector<double> node_tangents;            // forward mode: every node's tangent
  double jvp = 0;
  std::optional<GradcheckReport> gradcheck;
  std::vector<ExpectationResult> expectations;
};

// Throws ProgramError for a syntax error and gatelab::Error for a missing or unknown input,
// a gate that produces inf or nan, or an expectation naming no value. A backward pass that
// is impossible is no exception: it is reported in EvalResult::backward_error.
EvalResult evaluate(const EvalRequest& request);

// Did everything asked for pass (backward possible, no gradient-check or expectation mismatch)?
bool all_passed(const EvalResult& r);

}  // namespace gatelab::cli
