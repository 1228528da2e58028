// Forward mode: tangents pushed up the graph through the same local partials that
// reverse mode sends down it.
//
//   auto t = gatelab::forward_tangents(g, {{x.id(), 1.0}});  // d node / dx for every node
//   double dy_dx = t[y.id()];
//
// One forward-mode pass gives the derivative of every node along one direction (a JVP);
// one reverse pass gives the derivative of one output with respect to every input.
#pragma once

#include <utility>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/trace.hpp"  // forward_tangents records TangentSteps

namespace gatelab {

struct Tangent {
  NodeId input;
  double dot;  // the input's component of the direction
};

// The tangent of every node along the direction given by the seeded inputs (the rest are
// 0). Gates that pass no gradient (detach, the f input of ste) pass no tangent either.
std::vector<double> forward_tangents(const Graph& graph, const std::vector<Tangent>& direction, Trace* trace = nullptr);

// The directional derivative of output along direction: the Jacobian-vector product.
double jvp(const Graph& graph, NodeId output, const std::vector<Tangent>& direction);

}  // namespace gatelab
