// gatelab: scalar gate graphs with every value and gradient on show.
//
//   #include <gatelab/gatelab.hpp>
//   gatelab::Graph g;
//   auto x = g.input(2.0, "x");
//   auto y = (x * x + 1.0).named("y");
//   y.backward();  // y.value() == 5, x.grad() == 4
#pragma once

#include "gatelab/dot.hpp"
#include "gatelab/error.hpp"
#include "gatelab/format.hpp"
#include "gatelab/forward_mode.hpp"
#include "gatelab/gradcheck.hpp"
#include "gatelab/graph.hpp"
#include "gatelab/non_finite.hpp"
#include "gatelab/ops.hpp"
#include "gatelab/program.hpp"
#include "gatelab/trace.hpp"
