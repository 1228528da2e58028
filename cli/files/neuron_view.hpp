// A network's traced row drawn at two levels for its page: one box per neuron (its
// pre-activation z, activation h and the gradient of h), one cluster per layer, an arrow per
// pair of neurons that a weight joins; and for each neuron, and for the loss, a picture of
// its gates (with the nodes it reads and the gates that read it), shown when its box is clicked.
#pragma once

#include <vector>

#include "files/html_page.hpp"
#include "gatelab/learning/network.hpp"

namespace gatelab::cli {

// The neurons' picture first, then one hidden picture per neuron, then the loss's.
std::vector<PageView> network_views(Graphviz& gv, const Network& net);

}  // namespace gatelab::cli
