// Finding where a computation first stopped being a finite number.
//
//   if (auto bad = gatelab::first_non_finite(g))
//     ...  // bad->gate produced inf or nan from finite inputs; bad->reason says why
#pragma once

#include <optional>
#include <string>

#include "gatelab/engine/graph.hpp"

namespace gatelab {

struct NonFinite {
  NodeId gate;
  std::string reason;  // e.g. "division by zero: 1 / 0 = inf"
};

// The first gate, in creation order, whose value is inf or nan.
std::optional<NonFinite> first_non_finite(const Graph& graph);

}  // namespace gatelab
