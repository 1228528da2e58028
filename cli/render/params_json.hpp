// A network's parameters as JSON, the layout `train --json` prints and --save-weights writes:
//
//   constraint layers: W' per layer as (in + 1) rows of out values (the last row is the bias)
//   the plain network: {"weight": out rows of in values, "bias": out values} per layer
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "gatelab/learning/network.hpp"

namespace gatelab::cli {

// The parameters (flat, as Trainer::params gives them) in the layout above.
nlohmann::ordered_json params_json(const Network& net, const std::vector<double>& flat);

// The weights W = g(W') (flat, as Trainer::weights gives them): per layer (in + 1) rows.
nlohmann::ordered_json weights_json(const Network& net, const std::vector<double>& flat);

}  // namespace gatelab::cli
