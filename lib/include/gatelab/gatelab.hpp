// gatelab: scalar gate graphs with every value and gradient on show.
//
//   #include <gatelab/gatelab.hpp>
//   gatelab::Graph g;
//   auto x = g.input(2.0, "x");
//   auto y = (x * x + 1.0).named("y");
//   y.backward();  // y.value() == 5, x.grad() == 4
#pragma once

#include "gatelab/engine/error.hpp"
#include "gatelab/engine/forward_mode.hpp"
#include "gatelab/engine/gradcheck.hpp"
#include "gatelab/engine/graph.hpp"
#include "gatelab/engine/non_finite.hpp"
#include "gatelab/engine/ops.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/teach/dot.hpp"
#include "gatelab/teach/format.hpp"
#include "gatelab/teach/trace.hpp"
