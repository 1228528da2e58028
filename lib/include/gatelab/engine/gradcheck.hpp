// Gradient check: reverse mode's gradient against central differences, input by input.
//
//   auto report = gatelab::gradcheck(g, y.id());
//   for (const auto& c : report.inputs) ...  // analytic, numeric, status, gate
//
// numeric = (f(x + h) - f(x - h)) / 2h with h = step * max(1, |x|). Where the two disagree,
// the check names why:
//   Kink       a relu/abs/max/min/round gate switched piece between x - h and x + h, where
//              no derivative exists; the disagreement says nothing about the gradient.
//   Surrogate  a detach or ste gate on the way sends, by design, a gradient that is not the
//              derivative of its value.
//   Mismatch   anything else; `gate` is the first gate whose local partial disagrees with
//              central differences of its own value, if there is one.
#pragma once

#include <vector>

#include "gatelab/engine/graph.hpp"

namespace gatelab {

enum class CheckStatus { Match, Mismatch, Kink, Surrogate };
const char* to_string(CheckStatus status);

struct GradcheckOptions {
  double step = 1e-6;  // h relative to max(1, |x|)
  double rtol = 1e-5;  // |analytic - numeric| <= atol + rtol * max(|analytic|, |numeric|)
  double atol = 1e-6;
};

struct InputCheck {
  NodeId input;
  double analytic;
  double numeric;
  CheckStatus status;
  NodeId gate = no_node;  // the kinked, surrogate or first disagreeing gate
};

struct GradcheckReport {
  std::vector<InputCheck> inputs;  // in creation order
  bool ok() const;                 // no Mismatch (kinks and surrogates are explained)
};

// Checks every input the output depends on. The graph's values are restored afterwards
// and its accumulated gradients are left alone.
GradcheckReport gradcheck(Graph& graph, NodeId output, const GradcheckOptions& options = {});

}  // namespace gatelab
